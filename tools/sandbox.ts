/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * `npm run sandbox`: see a trigger fire with no SimplyMeet or Airmeet account.
 *
 * Starts, in this one process: the fake SimplyMeet and Airmeet APIs the tests use (on fixed
 * loopback ports, with their control routes for `npm run simulate`), the Airmeet fake seeded with
 * a demo community, and a real n8n (the pinned runtime of `npm start`, this package loaded as a
 * community package) on a persistent user folder, .n8n-local/sandbox. Then, through n8n's APIs:
 * the owner (a fixed demo login), credentials pointing at the fakes, the example workflows of
 * examples/ (found by name on later runs, never duplicated), and the trigger examples published.
 * Runs until Ctrl-C, then stops n8n and the fakes.
 *
 * Settings: SANDBOX_PORT (n8n, default 5678), SANDBOX_SIMPLYMEET_PORT (5690),
 * SANDBOX_AIRMEET_PORT (5691).
 */
import * as fs from 'fs';
import * as path from 'path';

import { portInUse, runtimePaths } from '../scripts/n8n-runtime';
import type { N8nInstance, OwnerAccount, Workflow, WorkflowNode } from '../test/e2e/n8n';
import { formatTimings, startFreshN8n } from '../test/e2e/n8n';
import type { ExampleCredentials, ExampleKey } from '../test/e2e/examples';
import { EXAMPLES, EXAMPLE_KEYS, PACKAGE, TRIGGER_PATH, loadExample, prepareExample } from '../test/e2e/examples';
import { AirmeetFake } from '../test/fakes/airmeetFake';
import type { FakeService, RecordedCall } from '../test/fakes/fakeService';
import { seedDemoCommunity } from '../test/fakes/sandboxSeed';
import { SimplyMeetFake } from '../test/fakes/simplyMeetFake';
import type { SandboxState } from './sandboxState';
import { STATE_FILE, removeState, runningSandbox, writeState } from './sandboxState';

const USER_FOLDER = path.join(runtimePaths().localDir, 'sandbox');

/** The sandbox's documented login: it only ever listens on 127.0.0.1 and holds demo data. */
export const DEMO_OWNER: OwnerAccount = {
	email: 'demo@example.com',
	password: 'Sandbox-Demo-1',
	firstName: 'Sandbox',
	lastName: 'Demo',
};
/** Fixed so that the persistent folder's credentials stay readable from one run to the next. */
const ENCRYPTION_KEY = 'sandbox-only-encryption-key-not-for-real-data';

const CREDENTIAL_NAMES = {
	simplyMeetApi: 'SimplyMeet (sandbox fake)',
	airmeetApi: 'Airmeet (sandbox fake)',
} as const;

const TRIGGER_TYPES = {
	simplyMeet: `${PACKAGE}.simplyMeetTrigger`,
	airmeet: `${PACKAGE}.airmeetTrigger`,
} as const;

/** What to type to make each published example fire. */
const SIMULATE_COMMANDS: Partial<Record<ExampleKey, string[]>> = {
	simplyMeet: [
		'npm run simulate -- simplymeet meetingScheduled',
		'npm run simulate -- simplymeet meetingCancelled',
		'npm run simulate -- simplymeet meetingRescheduled',
	],
	airmeetEvent: ['npm run simulate -- airmeet registrant.added'],
	airmeetSession: ['npm run simulate -- airmeet session.attendee.joined'],
	airmeetCommunity: ['npm run simulate -- airmeet airmeet.created'],
};

function say(message: string): void {
	process.stdout.write(`[sandbox] ${message}\n`);
}

function fail(message: string): never {
	process.stderr.write(`[sandbox] ${message}\n`);
	process.exit(1);
}

function portSetting(variable: string, fallback: number): number {
	const raw = process.env[variable];
	if (raw === undefined || raw === '') return fallback;
	const port = Number(raw);
	if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`${variable}=${raw} is not a port number`);
	return port;
}

function seconds(ms: number): string {
	return `${Math.round(ms / 1000)} s`;
}

/** Prints the API calls n8n makes to a fake, so the sandbox shows what publishing does. */
function logCalls(fake: FakeService, label: string, prefix: string): void {
	fake.onCall = (call: RecordedCall) => {
		const query = [...call.query.keys()].length > 0 ? `?${call.query.toString()}` : '';
		say(`  ${label} <- ${call.method} ${prefix}${call.path}${query}`);
	};
}

async function ensureCredentials(n8n: N8nInstance, simplyMeet: SimplyMeetFake, airmeet: AirmeetFake): Promise<ExampleCredentials> {
	const wanted = {
		simplyMeetApi: { apiKey: simplyMeet.apiKey, baseUrl: simplyMeet.baseUrl },
		airmeetApi: { accessKey: airmeet.accessKey, secretKey: airmeet.secretKey, region: 'custom', baseUrl: airmeet.baseUrl },
	};
	const existing = await n8n.listCredentials();
	const result: ExampleCredentials = {};
	for (const type of ['simplyMeetApi', 'airmeetApi'] as const) {
		const name = CREDENTIAL_NAMES[type];
		const found = existing.find((credential) => credential.name === name && credential.type === type);
		if (found) {
			// The fakes' ports may differ from the last run's: point the credential at them again.
			await n8n.updateCredential(found.id, { name, type, data: wanted[type] });
			result[type] = { id: found.id, name };
			say(`credential "${name}" is there; pointed at ${wanted[type].baseUrl}`);
		} else {
			const created = await n8n.createCredential(name, type, wanted[type]);
			result[type] = { id: created.id, name };
			say(`created credential "${name}" -> ${wanted[type].baseUrl}`);
		}
	}
	return result;
}

/** Each example once, by name: a workflow already there (maybe edited by the user) is kept as it is. */
async function ensureExamples(n8n: N8nInstance, credentials: ExampleCredentials): Promise<Map<ExampleKey, Workflow>> {
	const workflows = new Map<ExampleKey, Workflow>();
	for (const key of EXAMPLE_KEYS) {
		const name = loadExample(key).name;
		const found = (await n8n.findWorkflows(name)).find((workflow) => workflow.isArchived !== true);
		if (found) {
			workflows.set(key, found);
			say(`workflow "${name}" is there (kept as it is)`);
			continue;
		}
		const created = await n8n.createWorkflow(prepareExample(key, { credentials }).workflow);
		workflows.set(key, created);
		say(`imported examples/${EXAMPLES[key].file} as "${name}"`);
	}
	return workflows;
}

function triggerNodes(workflow: Workflow): WorkflowNode[] {
	const types: string[] = Object.values(TRIGGER_TYPES);
	return workflow.nodes.filter((node) => types.includes(node.type) && node.disabled !== true);
}

/** Hooks the fakes hold for a workflow's triggers, and how many triggers it has. */
function hookCoverage(n8n: N8nInstance, workflow: Workflow, simplyMeet: SimplyMeetFake, airmeet: AirmeetFake) {
	const triggers = triggerNodes(workflow);
	const covered = triggers.filter((node) => {
		const url = n8n.webhookUrl(node.webhookId, TRIGGER_PATH);
		const fake = node.type === TRIGGER_TYPES.simplyMeet ? simplyMeet : airmeet;
		return fake.hooksFor(url).length > 0;
	});
	return { triggers: triggers.length, covered: covered.length };
}

/**
 * Publishes the trigger examples, and brings every published workflow with our triggers back to
 * life: the fakes start empty on each run, while n8n (2.41.1) does not call the triggers'
 * checkExists/create again when it restarts on the same database, so a hook registered last time
 * is missing now. Unpublish + publish registers it again (the unpublish meets a 404: fine).
 */
async function publishTriggers(
	n8n: N8nInstance,
	examples: Map<ExampleKey, Workflow>,
	simplyMeet: SimplyMeetFake,
	airmeet: AirmeetFake,
): Promise<void> {
	const toPublish = new Map<string, Workflow>();
	for (const [key, workflow] of examples) if (EXAMPLES[key].kind === 'trigger') toPublish.set(workflow.id, workflow);
	const active = (await n8n.publicApi<{ data: Workflow[] }>('GET', '/workflows?active=true&limit=250')).data.data ?? [];
	for (const workflow of active) if (triggerNodes(workflow).length > 0) toPublish.set(workflow.id, workflow);

	for (const workflow of toPublish.values()) {
		// A publication n8n started by itself at startup must finish before we look.
		await n8n.waitForPublication(workflow.id, 60_000);
		const current = await n8n.getWorkflow(workflow.id);
		const before = hookCoverage(n8n, current, simplyMeet, airmeet);
		if (current.active && before.covered === before.triggers) {
			say(`"${current.name}" is published and registered`);
			continue;
		}
		if (current.active) {
			say(`"${current.name}" is published but its webhook is gone (the fakes start empty): publishing it again`);
			await n8n.deactivate(current.id);
			await n8n.waitForPublication(current.id, 60_000);
		} else {
			say(`publishing "${current.name}"`);
		}
		await n8n.activate(current.id);
		const status = await n8n.waitForPublication(current.id, 60_000);
		const after = hookCoverage(n8n, current, simplyMeet, airmeet);
		if (status.status !== 'published' || after.covered !== after.triggers) {
			const reasons = status.triggers.map((trigger) => trigger.errorMessage).filter(Boolean).join('; ');
			say(`WARNING: "${current.name}" did not publish (${status.status}${reasons ? `: ${reasons}` : ''})`);
		}
	}
}

function banner(n8n: N8nInstance, state: SandboxState, examples: Map<ExampleKey, Workflow>, tookMs: number): string {
	const lines = [
		'',
		`Sandbox ready in ${seconds(tookMs)}.`,
		'',
		`  n8n editor        ${n8n.url}/`,
		`  log in with       ${DEMO_OWNER.email}  /  ${DEMO_OWNER.password}`,
		`  fake SimplyMeet   ${state.simplyMeet.apiUrl}   (credential "${CREDENTIAL_NAMES.simplyMeetApi}")`,
		`  fake Airmeet      ${state.airmeet.apiUrl}   (credential "${CREDENTIAL_NAMES.airmeetApi}", region Custom)`,
		'',
		'  Example workflows:',
	];
	for (const [key, workflow] of examples) {
		const what = {
			trigger: 'published',
			manual: 'open it and click "Execute workflow"',
			agent: 'give its OpenAI Chat Model a credential, then publish it',
		}[EXAMPLES[key].kind];
		lines.push(`    ${workflow.name} (${what})`, `      ${n8n.url}/workflow/${workflow.id}`);
	}
	lines.push('', '  Make a trigger fire (in another terminal), then watch Executions in the editor:');
	for (const key of EXAMPLE_KEYS) for (const command of SIMULATE_COMMANDS[key] ?? []) lines.push(`    ${command}`);
	lines.push('', `  n8n log: ${path.relative(process.cwd(), n8n.logFile)}`, '  Ctrl-C stops n8n and the fakes.', '');
	return lines.join('\n');
}

async function main(): Promise<void> {
	const started = Date.now();
	const running = runningSandbox();
	if (running) {
		fail(`a sandbox is already running (pid ${running.pid}, n8n at ${running.n8nUrl}); stop it with Ctrl-C in its terminal, or: kill ${running.pid}`);
	}
	const ports = {
		n8n: portSetting('SANDBOX_PORT', 5678),
		simplyMeet: portSetting('SANDBOX_SIMPLYMEET_PORT', 5690),
		airmeet: portSetting('SANDBOX_AIRMEET_PORT', 5691),
	};
	for (const [variable, port] of [
		['SANDBOX_PORT', ports.n8n],
		['SANDBOX_SIMPLYMEET_PORT', ports.simplyMeet],
		['SANDBOX_AIRMEET_PORT', ports.airmeet],
	] as const) {
		if (await portInUse(port)) {
			fail(`port ${port} on 127.0.0.1 is in use (an \`npm start\` n8n?); stop what uses it, or pick another: ${variable}=<port> npm run sandbox`);
		}
	}
	const firstRun = !fs.existsSync(path.join(USER_FOLDER, '.n8n', 'database.sqlite'));

	const simplyMeet = new SimplyMeetFake();
	const airmeet = new AirmeetFake();
	let n8n: N8nInstance | undefined;
	let stopping = false;
	const stopAll = async (why: string, code: number): Promise<never> => {
		if (!stopping) {
			stopping = true;
			say(`${why}: stopping n8n and the fakes ...`);
			// If n8n is still starting there is no handle yet: the driver kills its process group
			// when this process exits.
			if (n8n) await n8n.stop();
			await Promise.all([simplyMeet.stop(), airmeet.stop()]);
			removeState(process.pid);
			say('stopped');
		}
		process.exit(code);
	};
	process.on('SIGINT', () => void stopAll('Ctrl-C', 0));
	process.on('SIGTERM', () => void stopAll('SIGTERM', 0));
	process.on('SIGHUP', () => void stopAll('SIGHUP', 0));

	await simplyMeet.start(ports.simplyMeet, { control: true });
	await airmeet.start(ports.airmeet, { control: true });
	const demo = seedDemoCommunity(airmeet);
	const state: SandboxState = {
		pid: process.pid,
		startedAt: new Date().toISOString(),
		ready: false,
		n8nUrl: `http://127.0.0.1:${ports.n8n}`,
		simplyMeet: { apiUrl: simplyMeet.baseUrl, controlUrl: simplyMeet.controlUrl },
		airmeet: { apiUrl: airmeet.baseUrl, controlUrl: airmeet.controlUrl },
	};
	writeState(state);
	say(`fake SimplyMeet on ${simplyMeet.baseUrl}, fake Airmeet on ${airmeet.baseUrl}`);
	say(
		`Airmeet demo community: "${demo.launch.name}" (sessions: ${demo.launch.sessions.map((s) => s.name).join(', ')}), "${demo.meetup.name}"`,
	);

	say(
		firstRun
			? `starting n8n on a new user folder, ${path.relative(process.cwd(), USER_FOLDER)} (the first start takes longest)`
			: `starting n8n on ${path.relative(process.cwd(), USER_FOLDER)} (kept from the last run)`,
	);
	try {
		n8n = await startFreshN8n({
			userFolder: USER_FOLDER,
			port: ports.n8n,
			owner: DEMO_OWNER,
			apiKeyLabel: 'sandbox',
			encryptionKey: ENCRYPTION_KEY,
			// Like `npm start`: the repo is linked, so a rebuild shows at the next start.
			packageMode: 'symlink',
			log: (message) => say(message),
		});
	} catch (error) {
		say(`n8n did not start: ${(error as Error).message}`);
		return await stopAll('failed', 1);
	}
	say(formatTimings(n8n.timings));
	logCalls(simplyMeet, 'fake SimplyMeet', '/api');
	logCalls(airmeet, 'fake Airmeet', '/prod');

	const credentials = await ensureCredentials(n8n, simplyMeet, airmeet);
	const examples = await ensureExamples(n8n, credentials);
	await publishTriggers(n8n, examples, simplyMeet, airmeet);

	writeState({ ...state, ready: true });
	process.stdout.write(`${banner(n8n, state, examples, Date.now() - started)}\n`);
	say(`(the state of this sandbox is in ${path.relative(process.cwd(), STATE_FILE)})`);

	const exit = await n8n.exited;
	if (!stopping) {
		say(`n8n exited on its own (${exit.signal ?? `code ${exit.code}`}); last lines of its log:\n${n8n.logTail(20)}`);
		await stopAll('n8n is gone', 1);
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`[sandbox] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
});
