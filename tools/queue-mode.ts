/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * `npm run test:queue` (also the last step of `npm test`): the package in n8n's queue mode.
 *
 * Installs what a fresh machine lacks (Debian's postgresql and redis-server, as root; otherwise it
 * says what to install), starts PostgreSQL and Redis on loopback with their own data folders in a
 * temporary folder, then one n8n main (`n8n start`), one worker (`n8n worker`) and one webhook
 * process (`n8n webhook`), each with this package installed as a community package in its own
 * user folder, sharing the database, Redis and the encryption key.
 *
 * Then: publishes a SimplyMeet and an Airmeet trigger workflow (exactly one hook each, registered
 * with the webhook process's URL), delivers the events to the webhook process, checks that each
 * became exactly one successful execution run by the worker (the worker's log names every one;
 * neither the main nor the webhook process ran any), unpublishes (hooks removed), and stops
 * everything it started, also on failure. Prints phase timings and `N passed, N failed`; exits
 * non-zero on any failure.
 *
 * Options: --events=500 (per trigger; 1 000 in all) --connections=20 --keep (keep the temp folder)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { ensureRuntime, freePorts, linkPackage, runtimePaths } from '../scripts/n8n-runtime';
import { queueModeEnv } from './lib/queueSettings';
import type { ExecutionWithData } from './lib/executions';
import { matchIds, nodeOutput, readExecutions, waitForFinished } from './lib/executions';
import { airmeetDeliveries, runLoad, simplyMeetDeliveries } from './lib/load';
import type { N8nClient } from './lib/n8nClient';
import { connectAsOwner, waitForWebhook } from './lib/n8nClient';
import type { N8nRoleProcess } from './lib/n8nProcess';
import { startN8nRole } from './lib/n8nProcess';
import { ensurePrerequisites, startPostgres, startRedis } from './lib/services';
import { seconds, table } from './lib/stats';
import { AIRMEET_NODE_NAME, SIMPLYMEET_NODE_NAME, airmeetWorkflow, simplyMeetWorkflow } from './lib/workflows';
import { AirmeetFake } from '../test/fakes/airmeetFake';
import { SimplyMeetFake } from '../test/fakes/simplyMeetFake';

const ROOT = runtimePaths().root;
const ARTIFACTS = path.join(ROOT, '.artifacts', 'queue-mode');

interface Args {
	events: number;
	connections: number;
	keep: boolean;
}

function parseArgs(argv: string[]): Args {
	const args: Args = { events: 500, connections: 20, keep: false };
	for (const arg of argv) {
		const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
		if (match?.[1] === 'events') args.events = Number(match[2]);
		else if (match?.[1] === 'connections') args.connections = Number(match[2]);
		else if (match?.[1] === 'keep') args.keep = true;
		else throw new Error(`unknown argument ${arg} (known: --events=N --connections=N --keep)`);
	}
	if (!(args.events > 0) || !(args.connections > 0)) throw new Error('--events and --connections must be positive');
	return args;
}

const log = (message: string): void => void process.stdout.write(`[queue-mode] ${message}\n`);

interface Check {
	name: string;
	pass: boolean;
	detail: string;
}

const checks: Check[] = [];
const phases: Array<{ name: string; ms: number }> = [];

function check(name: string, pass: boolean, detail: string): boolean {
	checks.push({ name, pass, detail });
	log(`${pass ? 'PASS' : 'FAIL'} ${name}: ${detail}`);
	return pass;
}

async function phase<T>(name: string, fn: () => Promise<T>): Promise<T> {
	const started = Date.now();
	log(`${name} ...`);
	try {
		return await fn();
	} finally {
		const ms = Date.now() - started;
		phases.push({ name, ms });
		log(`${name}: ${seconds(ms)}`);
	}
}

/** Execution ids the log of a process names in lines matching `pattern` (one capture group). */
function idsInLog(text: string, pattern: RegExp): Set<string> {
	const ids = new Set<string>();
	for (const match of text.matchAll(pattern)) ids.add(match[1]);
	return ids;
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-'));
	const cleanups: Array<{ what: string; run: () => Promise<void> }> = [];
	const processes: N8nRoleProcess[] = [];
	let interrupted = false;
	const cleanup = async (): Promise<void> => {
		// The n8n processes first, side by side (each may take its graceful-shutdown time), then
		// the rest in reverse order of start: Redis and PostgreSQL last.
		await Promise.all(
			processes.map(async (proc) => {
				const started = Date.now();
				try {
					await proc.stop();
					log(`  n8n ${proc.role} stopped in ${seconds(Date.now() - started)}`);
				} catch (error) {
					log(`stopping n8n ${proc.role} failed: ${(error as Error).message}`);
				}
			}),
		);
		while (cleanups.length > 0) {
			const step = cleanups.pop();
			if (!step) break;
			const started = Date.now();
			try {
				await step.run();
				log(`  ${step.what} stopped in ${seconds(Date.now() - started)}`);
			} catch (error) {
				log(`stopping ${step.what} failed: ${(error as Error).message}`);
			}
		}
	};
	const onSignal = (signal: NodeJS.Signals): void => {
		if (interrupted) return;
		interrupted = true;
		log(`${signal}: stopping everything started so far`);
		void cleanup().finally(() => process.exit(130));
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);

	let failure: unknown;
	try {
		const prerequisites = await phase('prerequisites (n8n runtime, PostgreSQL, Redis)', async () => {
			await ensureRuntime({ log: (message) => log(`runtime: ${message}`) });
			if (!fs.existsSync(path.join(ROOT, 'dist', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
			return ensurePrerequisites(log);
		});
		if (prerequisites.installed.length > 0) log(`installed ${prerequisites.installed.join(', ')}`);

		const [pgPort, redisPort, mainPort, mainBroker, workerPort, workerBroker, webhookPort, webhookBroker] = await freePorts(8);
		const postgres = await phase('start PostgreSQL', async () => startPostgres(prerequisites.postgresBin, path.join(workDir, 'postgres'), pgPort, log));
		cleanups.push({ what: 'PostgreSQL', run: () => postgres.stop() });
		const redis = await phase('start Redis', async () => startRedis(prerequisites.redisServer, path.join(workDir, 'redis'), redisPort, log));
		cleanups.push({ what: 'Redis', run: () => redis.stop() });

		const webhookBase = `http://127.0.0.1:${webhookPort}/`;
		const shared = queueModeEnv({ postgres, redisPort });
		const start = (role: 'start' | 'worker' | 'webhook', port: number, brokerPort: number, env: Record<string, string> = {}) => {
			const userFolder = path.join(workDir, role === 'start' ? 'main' : role);
			// Installed the way n8n installs a community package (package.json + dist/).
			linkPackage(userFolder, ROOT, { mode: 'copy' });
			const proc = startN8nRole({
				role,
				userFolder,
				port,
				brokerPort,
				webhookUrl: webhookBase,
				logFile: path.join(workDir, 'logs', `${role === 'start' ? 'main' : role}.log`),
				env: { ...shared, ...env },
			});
			processes.push(proc);
			return proc;
		};

		const main = await phase('start n8n main (database migrations)', async () => {
			const proc = start('start', mainPort, mainBroker);
			await proc.waitReady(300_000);
			return proc;
		});
		const [worker, webhook] = await phase('start n8n worker and webhook processes', async () => {
			const workerProc = start('worker', workerPort, workerBroker, {
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(workerPort),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			});
			const webhookProc = start('webhook', webhookPort, webhookBroker);
			await Promise.all([workerProc.waitReady(180_000), webhookProc.waitReady(180_000)]);
			return [workerProc, webhookProc];
		});
		log(`main ${main.url} (pid ${main.pid}), worker health ${worker.url} (pid ${worker.pid}), webhook ${webhook.url} (pid ${webhook.pid})`);

		const n8n: N8nClient = await phase('owner and API key', () => connectAsOwner(main.url));

		const simplyMeet = new SimplyMeetFake();
		const airmeet = new AirmeetFake();
		await simplyMeet.start();
		await airmeet.start();
		cleanups.push({ what: 'fakes', run: async () => void (await Promise.all([simplyMeet.stop(), airmeet.stop()])) });
		const event = airmeet.seedEvent({ name: 'Queue mode event' });

		const published = await phase('publish both workflows', async () => {
			const smCredential = await n8n.createCredential('Queue SimplyMeet', 'simplyMeetApi', { apiKey: simplyMeet.apiKey, baseUrl: simplyMeet.baseUrl });
			const amCredential = await n8n.createCredential('Queue Airmeet', 'airmeetApi', {
				accessKey: airmeet.accessKey,
				secretKey: airmeet.secretKey,
				region: 'custom',
				baseUrl: airmeet.baseUrl,
			});
			const sm = simplyMeetWorkflow('Queue mode: SimplyMeet', { id: smCredential.id, name: smCredential.name });
			const am = airmeetWorkflow('Queue mode: Airmeet', { id: amCredential.id, name: amCredential.name }, event.uid);
			const smWorkflow = await n8n.createWorkflow(sm.workflow);
			const amWorkflow = await n8n.createWorkflow(am.workflow);
			await n8n.activate(smWorkflow.id);
			await n8n.activate(amWorkflow.id);
			const smUrl = `${webhookBase}webhook/${sm.webhookPath}`;
			const amUrl = `${webhookBase}webhook/${am.webhookPath}`;
			const deadline = Date.now() + 60_000;
			while ((simplyMeet.hooks.length < 1 || airmeet.hooks.length < 1) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
			await new Promise((r) => setTimeout(r, 1000)); // a second hook would show up meanwhile
			check(
				'SimplyMeet: exactly one hook, at the webhook process',
				simplyMeet.hooks.length === 1 && simplyMeet.hooks[0].url === smUrl,
				`${simplyMeet.hooks.length} hook(s): ${simplyMeet.hooks.map((hook) => hook.url).join(', ') || 'none'}`,
			);
			check(
				'Airmeet: exactly one hook, at the webhook process',
				airmeet.hooks.length === 1 && airmeet.hooks[0].url === amUrl,
				`${airmeet.hooks.length} hook(s): ${airmeet.hooks.map((hook) => hook.url).join(', ') || 'none'}`,
			);
			await waitForWebhook(smUrl, main.url);
			await waitForWebhook(amUrl, main.url);
			return { smWorkflow, amWorkflow, smUrl, amUrl };
		});

		const secret = String(simplyMeet.hooks[0]?.secret ?? '');
		const loads = await phase(`deliver ${args.events} SimplyMeet + ${args.events} Airmeet events to the webhook process`, async () => {
			const sm = await runLoad({ url: published.smUrl, amount: args.events, connections: args.connections, make: simplyMeetDeliveries(secret) });
			log(`SimplyMeet: ${sm.okIds.length} answered 2xx, ${sm.eventsPerSecond.toFixed(1)}/s, p50 ${sm.latencyMs.p50.toFixed(0)} ms, p99 ${sm.latencyMs.p99.toFixed(0)} ms`);
			const am = await runLoad({ url: published.amUrl, amount: args.events, connections: args.connections, make: airmeetDeliveries(event.uid) });
			log(`Airmeet: ${am.okIds.length} answered 2xx, ${am.eventsPerSecond.toFixed(1)}/s, p50 ${am.latencyMs.p50.toFixed(0)} ms, p99 ${am.latencyMs.p99.toFixed(0)} ms`);
			check('every delivery answered 2xx', sm.okIds.length === args.events && am.okIds.length === args.events,
				`SimplyMeet ${JSON.stringify(sm.statuses)} ${sm.errors} errors; Airmeet ${JSON.stringify(am.statuses)} ${am.errors} errors`);
			return { sm, am };
		});

		const found = await phase('wait for the executions and read them back', async () => {
			const total = args.events * 2;
			let last = 0;
			const progress = (done: number): void => {
				if (done - last >= 200) {
					last = done;
					log(`  ${done} finished`);
				}
			};
			const smCounts = await waitForFinished(n8n, published.smWorkflow.id, args.events, { timeoutMs: 600_000, intervalMs: 500, onProgress: progress });
			last = 0;
			const amCounts = await waitForFinished(n8n, published.amWorkflow.id, args.events, { timeoutMs: 600_000, intervalMs: 500, onProgress: progress });
			check(
				`exactly ${total} successful executions`,
				smCounts.success === args.events && amCounts.success === args.events && !smCounts.error && !amCounts.error && !smCounts.crashed && !amCounts.crashed,
				`SimplyMeet ${JSON.stringify(smCounts)}; Airmeet ${JSON.stringify(amCounts)}`,
			);
			const smExecutions = await readExecutions(n8n, published.smWorkflow.id, { status: 'success' });
			const amExecutions = await readExecutions(n8n, published.amWorkflow.id, { status: 'success' });
			return { smExecutions, amExecutions };
		});

		await phase('verify ids and who ran the executions', async () => {
			const idsOf = (executions: ExecutionWithData[], node: string, field: string): string[] =>
				executions.flatMap((execution) => nodeOutput(execution, node).map((json) => String(json[field])));
			const smMatch = matchIds(loads.sm.okIds, idsOf(found.smExecutions, SIMPLYMEET_NODE_NAME, 'uuid'));
			const amMatch = matchIds(loads.am.okIds, idsOf(found.amExecutions, AIRMEET_NODE_NAME, 'email'));
			for (const [service, match] of [['SimplyMeet', smMatch], ['Airmeet', amMatch]] as const) {
				check(
					`${service}: each event's id in exactly one execution`,
					match.missing.length === 0 && match.unexpected.length === 0 && match.duplicated.length === 0,
					`${match.missing.length} missing, ${match.duplicated.length} duplicated, ${match.unexpected.length} unexpected`,
				);
			}
			const executionIds = [...found.smExecutions, ...found.amExecutions].map((execution) => String(execution.id));
			const workerFinished = idsInLog(worker.logText(), /Worker finished execution (\d+)/g);
			const enqueued = idsInLog(webhook.logText(), /Enqueued execution (\d+)/g);
			const ranOnMain = idsInLog(main.logText(), /Worker (?:started|finished) execution (\d+)/g);
			const ranOnWebhook = idsInLog(webhook.logText(), /Worker (?:started|finished) execution (\d+)/g);
			const notByWorker = executionIds.filter((id) => !workerFinished.has(id));
			const notEnqueued = executionIds.filter((id) => !enqueued.has(id));
			check('the worker ran every execution', notByWorker.length === 0,
				`${executionIds.length - notByWorker.length} of ${executionIds.length} in the worker's log ("Worker finished execution <id>")${notByWorker.length ? `; missing e.g. ${notByWorker.slice(0, 5).join(', ')}` : ''}`);
			check('the webhook process enqueued every execution', notEnqueued.length === 0,
				`${executionIds.length - notEnqueued.length} of ${executionIds.length} in its log ("Enqueued execution <id>")`);
			check('neither the main nor the webhook process ran any', ranOnMain.size === 0 && ranOnWebhook.size === 0,
				`main ran ${ranOnMain.size}, webhook process ran ${ranOnWebhook.size}`);
		});

		await phase('unpublish both workflows', async () => {
			await n8n.deactivate(published.smWorkflow.id);
			await n8n.deactivate(published.amWorkflow.id);
			const deadline = Date.now() + 60_000;
			while ((simplyMeet.hooks.length > 0 || airmeet.hooks.length > 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
			check('hooks removed on unpublish', simplyMeet.hooks.length === 0 && airmeet.hooks.length === 0,
				`SimplyMeet ${simplyMeet.hooks.length} left, Airmeet ${airmeet.hooks.length} left`);
		});
	} catch (error) {
		failure = error;
		check('queue mode run', false, error instanceof Error ? error.message : String(error));
	} finally {
		await phase('stop everything', async () => {
			// Logs are kept on failure (the temp folder goes).
			if (failure !== undefined || checks.some((entry) => !entry.pass)) {
				const keep = path.join(ARTIFACTS, new Date().toISOString().replace(/[:.]/g, '-'));
				fs.mkdirSync(keep, { recursive: true });
				for (const proc of processes) {
					if (fs.existsSync(proc.logFile)) fs.copyFileSync(proc.logFile, path.join(keep, path.basename(proc.logFile)));
				}
				for (const name of ['postgres/postgres.log', 'redis/redis.log']) {
					const file = path.join(workDir, name);
					if (fs.existsSync(file)) fs.copyFileSync(file, path.join(keep, path.basename(file)));
				}
				log(`logs kept in ${path.relative(ROOT, keep)}`);
			}
			await cleanup();
			// n8n's own bookkeeping, not a failure: a process that still counts executions as active
			// waits for them (up to its graceful-shutdown timeout) before it exits.
			for (const proc of processes) {
				const waits = [...proc.logText().matchAll(/Waiting for (\d+) active executions to finish/g)].map((m) => m[1]);
				if (waits.length > 0) log(`  note: n8n ${proc.role} waited at shutdown for ${waits[0]} execution(s) it still counted as active`);
			}
			const leftovers = processes.filter((proc) => proc.isRunning()).map((proc) => `${proc.role} (pid ${proc.pid})`);
			check('everything stopped', leftovers.length === 0, leftovers.length ? `still running: ${leftovers.join(', ')}` : 'n8n x3, Redis, PostgreSQL and the fakes');
			if (!args.keep) fs.rmSync(workDir, { recursive: true, force: true });
			else log(`kept ${workDir}`);
		});
	}

	process.stdout.write(`\n${table(['Phase', 'Time'], phases.map((entry) => [entry.name, seconds(entry.ms)]))}\n\n`);
	const passed = checks.filter((entry) => entry.pass).length;
	const failed = checks.length - passed;
	process.stdout.write(`${passed} passed, ${failed} failed\n`);
	process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
	process.stderr.write(`[queue-mode] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.stdout.write('0 passed, 1 failed\n');
	process.exitCode = 1;
});
