/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * `npm run bench`: measures the package in the real n8n of `npm start`'s install (a fresh
 * instance), with the fakes in this process, and prints three tables (the same figures go to
 * .artifacts/bench/, as JSON):
 *
 * - Trigger overhead: signed SimplyMeet deliveries through our trigger against the same bodies
 *   through n8n's core Webhook node and through one of n8n's built-in triggers, same n8n, same
 *   concurrency, alternating rounds (autocannon); in n8n's defaults and with lazy isolates.
 * - Activation cost: remote calls and wall time to publish with 0, 100 and 1000 hooks in the
 *   account, re-publish and unpublish, for the SimplyMeet and an event-scoped Airmeet trigger.
 * - Footprint: the packed tarball, and the time to require every node and credential module.
 *
 * Then each goal, PASS or FAIL. Options (npm run bench -- --rounds=6 ...):
 *   --rounds=3 --amount=500 --warmup=100 --connections=20   trigger overhead
 *   --series=ours,bare,builtin[,bare-v1,bare-auth]  what to compare (see SERIES_LABELS)
 *   --configs=default,lazy-isolate  n8n configurations the overhead is measured in, each in its
 *                                   own fresh n8n (see N8N_CONFIGS); activation uses the first
 *   --sizes=0,100,1000              hooks already in the account
 *   --load-runs=15                  fresh processes for the load time
 *   --only=overhead,activation,footprint
 *   --profile                       CPU-profile n8n (--cpu-prof) and say where the time goes
 *   --trigger-version=1             put our trigger at typeVersion 1 (workflows made before 1.1)
 *                                   instead of its default version
 *   --n8n-env=KEY=VALUE[,KEY=VALUE] extra settings for n8n (e.g. N8N_EXPRESSION_ENGINE=legacy)
 *   --max-load=1 --wait-quiet=20    wait up to 20 minutes for a 1-minute load average below 1
 *   --strict                        exit 1 when a goal fails
 *   --write-docs                    also rewrite the tables of what ran in docs/performance.md
 *                                   (each between its markers, with the command, date, n8n
 *                                   version and machine); refused for variants
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { runtimePaths } from '../scripts/n8n-runtime';
import { startFreshN8n } from '../test/e2e/n8n';
import type { ActivationResult } from './bench/activation';
import { measureActivation } from './bench/activation';
import { WEBHOOK_CAUSES, byCause, readProfile } from './bench/cpuProfile';
import type { FootprintResult } from './bench/footprint';
import { measureFootprint } from './bench/footprint';
import type { OverheadResult, SeriesName, SeriesWindows } from './bench/overhead';
import { SERIES_LABELS, measureOverhead } from './bench/overhead';
import { TimedAirmeetFake, TimedSimplyMeetFake } from './bench/timedFakes';
import { machineDescription, provenance, writeBlocks } from './lib/docsBlocks';
import { findN8nPid, foreignCpuSampler } from './lib/procStat';
import { bytes, fixed, loadAverage, markdownTable, table } from './lib/stats';
import { TRIGGER_VERSION } from './lib/workflows';

const ROOT = runtimePaths().root;
const OUT_DIR = path.join(ROOT, '.artifacts', 'bench');
const PERFORMANCE_DOC = path.join(ROOT, 'docs', 'performance.md');

interface Args {
	rounds: number;
	amount: number;
	warmup: number;
	connections: number;
	series: SeriesName[];
	configs: N8nConfigName[];
	sizes: number[];
	loadRuns: number;
	only: Set<string>;
	profile: boolean;
	triggerVersion: number;
	n8nEnv: Record<string, string>;
	maxLoad: number;
	waitQuietMinutes: number;
	strict: boolean;
	writeDocs: boolean;
}

function parseArgs(argv: string[]): Args {
	const values = new Map<string, string>();
	for (const arg of argv) {
		const match = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(arg);
		if (!match) throw new Error(`unknown argument ${arg}`);
		values.set(match[1], match[2] ?? 'true');
	}
	const number = (key: string, fallback: number): number => {
		const value = values.has(key) ? Number(values.get(key)) : fallback;
		if (Number.isNaN(value)) throw new Error(`--${key} must be a number`);
		return value;
	};
	const list = (key: string, fallback: string): string[] =>
		(values.get(key) ?? fallback)
			.split(',')
			.map((entry) => entry.trim())
			.filter(Boolean);
	const series = list('series', 'ours,bare,builtin') as SeriesName[];
	for (const name of series) if (!(name in SERIES_LABELS)) throw new Error(`--series: unknown ${name}`);
	const configs = list('configs', 'default,lazy-isolate') as N8nConfigName[];
	for (const name of configs) if (!(name in N8N_CONFIGS)) throw new Error(`--configs: unknown ${name} (known: ${Object.keys(N8N_CONFIGS).join(', ')})`);
	return {
		rounds: number('rounds', 3),
		amount: number('amount', 500),
		warmup: number('warmup', 100),
		connections: number('connections', 20),
		series,
		configs,
		sizes: list('sizes', '0,100,1000').map(Number),
		loadRuns: number('load-runs', 15),
		only: new Set(list('only', 'overhead,activation,footprint')),
		profile: values.has('profile'),
		triggerVersion: number('trigger-version', TRIGGER_VERSION),
		n8nEnv: Object.fromEntries(
			list('n8n-env', '').map((pair) => {
				const at = pair.indexOf('=');
				if (at <= 0) throw new Error(`--n8n-env: ${pair} is not KEY=VALUE`);
				return [pair.slice(0, at), pair.slice(at + 1)];
			}),
		),
		maxLoad: number('max-load', Number.POSITIVE_INFINITY),
		waitQuietMinutes: number('wait-quiet', 0),
		strict: values.has('strict'),
		writeDocs: values.has('write-docs'),
	};
}

/**
 * The n8n configurations the trigger overhead is measured in. n8n 2.41 (live-webhooks.js,
 * webhookPhaseNeedsIsolate) takes an expression isolate for every production webhook request
 * unless the trigger is its own core Webhook node: every other trigger, n8n's built-in ones and
 * ours alike, pays for one per delivery, whether or not it has an expression. With lazy acquire
 * the isolate is only taken when an expression is evaluated, so the comparison shows what our
 * trigger itself costs.
 */
const N8N_CONFIGS = {
	default: { label: "n8n's defaults", env: {} as Record<string, string> },
	'lazy-isolate': { label: 'N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true', env: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' } as Record<string, string> },
};
type N8nConfigName = keyof typeof N8N_CONFIGS;

interface ConfigOverhead {
	config: N8nConfigName;
	label: string;
	result: OverheadResult;
}

const log = (message: string): void => void process.stdout.write(`[bench] ${message}\n`);

/** Samples the load average every 5 s while the benchmark runs. */
function loadSampler(): { stop: () => { min: number; mean: number; max: number; samples: number } } {
	const samples: number[] = [loadAverage()[0]];
	const timer = setInterval(() => samples.push(loadAverage()[0]), 5000);
	return {
		stop: () => {
			clearInterval(timer);
			samples.push(loadAverage()[0]);
			return {
				min: Math.min(...samples),
				mean: samples.reduce((a, b) => a + b, 0) / samples.length,
				max: Math.max(...samples),
				samples: samples.length,
			};
		},
	};
}

async function waitForQuiet(maxLoad: number, minutes: number): Promise<void> {
	if (!Number.isFinite(maxLoad)) return;
	const deadline = Date.now() + minutes * 60_000;
	for (;;) {
		const [one] = loadAverage();
		if (one < maxLoad) return;
		if (Date.now() > deadline) {
			throw new Error(`the 1-minute load average is ${one.toFixed(2)} (wanted < ${maxLoad}); try again later`);
		}
		log(`load average ${one.toFixed(2)} >= ${maxLoad}: waiting for a quieter machine`);
		await new Promise((resolve) => setTimeout(resolve, 30_000));
	}
}

interface Goal {
	goal: string;
	measured: string;
	pass: boolean;
}

function overheadTable(result: OverheadResult): string {
	const rows = result.series.map((entry) => [
		entry.label,
		fixed(entry.eventsPerSecond),
		fixed(entry.completedPerSecond),
		fixed(entry.p50, 0),
		fixed(entry.p99, 0),
		fixed(entry.cpuMsPerEvent),
		String(entry.non2xx + entry.errors),
	]);
	return table(['Series', 'events/s', 'completed/s', 'p50 ms', 'p99 ms', 'n8n CPU ms/event', 'failed'], rows);
}

/** Service, hooks, phase and the calls of each kind: the cells both activation tables lead with. */
function activationCalls(phase: ActivationResult['phases'][number]): string[] {
	return [
		phase.service,
		String(phase.hooks),
		phase.phase,
		String(phase.calls.list),
		String(phase.calls.create),
		String(phase.calls.delete),
		phase.service === 'Airmeet' ? String(phase.calls.auth) : '-',
	];
}

function activationTable(result: ActivationResult): string {
	const rows = result.phases.map((phase) => [
		...activationCalls(phase),
		String(phase.calls.total),
		fixed(phase.apiMs, 0),
		fixed(phase.wallMs, 0),
		`${phase.expected.list}/${phase.expected.create}/${phase.expected.delete}/${phase.service === 'Airmeet' ? `<=${phase.expected.auth}` : '-'}`,
		phase.pass ? 'PASS' : 'FAIL',
	]);
	return table(
		['Service', 'Hooks in account', 'Phase', 'list', 'create', 'delete', '/auth', 'calls', 'API ms', 'wall ms', 'goal l/c/d/auth', ''],
		rows,
	);
}

function footprintTable(result: FootprintResult): string {
	return table(
		['Tarball', 'Unpacked', 'Files', `require all ${result.modules.length} modules (median of ${result.runs})`, 'cold (with n8n-workflow)'],
		[
			[
				bytes(result.tarball.size),
				bytes(result.tarball.unpackedSize),
				String(result.tarball.entryCount),
				`${fixed(result.loadMs)} ms`,
				`${fixed(result.coldLoadMs)} ms`,
			],
		],
	);
}

function goalsOf(overheads: ConfigOverhead[], activation?: ActivationResult): Goal[] {
	const goals: Goal[] = [];
	for (const { label, result: overhead } of overheads) {
		if (!Number.isFinite(overhead.ratio)) continue;
		goals.push({
			goal: `Trigger overhead (${label}): ours/bare events/s >= 0.95`,
			measured: `${overhead.ratio.toFixed(3)} (median of rounds ${overhead.roundRatios.map((r) => r.toFixed(2)).join(', ')})`,
			pass: overhead.ratio >= 0.95,
		});
		if (Number.isFinite(overhead.builtinRatio)) {
			// Not the issue's goal, the context for it: what any trigger but the core Webhook costs in that n8n.
			goals.push({
				goal: `Trigger overhead (${label}): ours/n8n's built-in trigger events/s >= 0.95`,
				measured: overhead.builtinRatio.toFixed(3),
				pass: overhead.builtinRatio >= 0.95,
			});
		}
		const failed = overhead.series.reduce((total, entry) => total + entry.non2xx + entry.errors, 0);
		goals.push({ goal: `Trigger overhead (${label}): every delivery answered 2xx and executed`, measured: failed === 0 ? 'all of them' : `${failed} failed`, pass: failed === 0 });
	}
	if (activation) {
		for (const service of ['SimplyMeet', 'Airmeet'] as const) {
			const phases = activation.phases.filter((phase) => phase.service === service);
			if (phases.length === 0) continue;
			const publishes = phases.filter((phase) => phase.phase === 'publish' || phase.phase === 're-publish (trigger edited)');
			const listOk = publishes.every((phase) => phase.calls.list === phase.expected.list);
			goals.push({
				goal:
					service === 'SimplyMeet'
						? `SimplyMeet: listing costs max(1, ceil(N / ${activation.simplyMeetPage})) calls`
						: 'Airmeet: listing costs 1 call (one answer per event)',
				measured: publishes
					.map((phase) => `${phase.phase === 'publish' ? 'publish' : 're-publish'} N=${phase.hooks}: ${phase.calls.list}`)
					.join(', '),
				pass: listOk,
			});
			goals.push({
				goal: `${service}: one create per publish, one delete per unpublish, nothing else`,
				measured: phases.every((phase) => phase.pass) ? 'as expected in every phase' : phases.filter((p) => !p.pass).map((p) => `${p.phase} N=${p.hooks}: ${p.sequence.join(' | ')}`).join('; '),
				pass: phases.every((phase) => phase.pass),
			});
			if (service === 'Airmeet') {
				const bySize = new Map<number, number>();
				for (const phase of phases) bySize.set(phase.hooks, (bySize.get(phase.hooks) ?? 0) + phase.calls.auth);
				goals.push({
					goal: 'Airmeet: no /auth beyond the first (per credential)',
					measured: [...bySize].map(([hooks, auth]) => `N=${hooks}: ${auth}`).join(', '),
					pass: [...bySize.values()].every((auth) => auth <= 1),
				});
			}
		}
	}
	return goals;
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	fs.mkdirSync(OUT_DIR, { recursive: true });
	if (!fs.existsSync(path.join(ROOT, 'dist', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
	await waitForQuiet(args.maxLoad, args.waitQuietMinutes);
	const startedAt = new Date();
	const loadBefore = loadAverage();
	log(`load average before: ${loadBefore.map((value) => value.toFixed(2)).join(', ')} (${os.cpus().length} CPUs)`);
	const sampler = loadSampler();
	const foreign = foreignCpuSampler();

	const { triggerVersion } = args;
	const variant = triggerVersion !== TRIGGER_VERSION || Object.keys(args.n8nEnv).length > 0;
	// The docs state what users get: a variant (older trigger version, changed n8n settings) is not that.
	if (args.writeDocs && variant) throw new Error('--write-docs measures the defaults only: drop --trigger-version and --n8n-env');
	const overheads: ConfigOverhead[] = [];
	let activation: ActivationResult | undefined;
	let profileCauses: Record<string, Record<string, number>> | undefined;
	// Overhead in every configuration; activation and the profile in the first only.
	const runs = args.only.has('overhead') ? args.configs : args.only.has('activation') ? args.configs.slice(0, 1) : [];
	for (const [index, config] of runs.entries()) {
		const first = index === 0;
		const { label } = N8N_CONFIGS[config];
		const simplyMeet = new TimedSimplyMeetFake();
		const airmeet = new TimedAirmeetFake();
		await simplyMeet.start();
		await airmeet.start();
		const profileDir = path.join(OUT_DIR, `profile-${startedAt.toISOString().replace(/[:.]/g, '-')}`);
		const profiling = args.profile && first;
		const env: Record<string, string> = {
			// The rounds count executions: nothing may be pruned meanwhile (n8n's default keeps 10 000).
			EXECUTIONS_DATA_PRUNE: 'false',
			...N8N_CONFIGS[config].env,
			...args.n8nEnv,
		};
		if (profiling) {
			fs.mkdirSync(profileDir, { recursive: true });
			env.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${profileDir}`;
		}
		log(`starting a fresh n8n (${label}) ...`);
		const n8n = await startFreshN8n({ env, log: (message) => log(`n8n: ${message}`) });
		const n8nPid = findN8nPid(n8n.userFolder);
		const windows: SeriesWindows = {};
		try {
			log(`n8n ready at ${n8n.url} in ${(n8n.timings.readyMs / 1000).toFixed(1)} s`);
			if (args.only.has('overhead')) {
				log(
					`trigger overhead (${label}): ${args.rounds} rounds x ${args.amount} deliveries per series at concurrency ${args.connections}, ` +
						`after ${args.warmup} warm-up deliveries`,
				);
				const result = await measureOverhead(
					n8n,
					simplyMeet,
					{
						series: args.series,
						rounds: args.rounds,
						amount: args.amount,
						warmup: args.warmup,
						connections: args.connections,
						triggerVersion,
					},
					log,
					windows,
				);
				overheads.push({ config, label, result });
			}
			if (first && args.only.has('activation')) {
				log(`activation cost: ${args.sizes.join(', ')} hooks in the account`);
				activation = await measureActivation(n8n, simplyMeet, airmeet, { sizes: args.sizes, quietMs: 1000 }, log);
			}
		} finally {
			await n8n.stop();
			await simplyMeet.stop();
			await airmeet.stop();
		}
		if (profiling && n8nPid) {
			const file = fs.readdirSync(profileDir).find((name) => name.includes(`.${n8nPid}.`) && name.endsWith('.cpuprofile'));
			if (!file) {
				log(`no CPU profile of n8n (pid ${n8nPid}) in ${profileDir}`);
			} else {
				const profile = readProfile(path.join(profileDir, file));
				profileCauses = {};
				for (const [series, list] of Object.entries(windows)) {
					const windowsUs = (list ?? []).map(([from, to]): [number, number] => [Number(from / 1000n), Number(to / 1000n)]);
					profileCauses[series] = byCause(profile, windowsUs, WEBHOOK_CAUSES);
				}
				log(`CPU profile: ${path.relative(ROOT, path.join(profileDir, file))}`);
			}
		}
	}

	let footprint: FootprintResult | undefined;
	if (args.only.has('footprint')) {
		log(`footprint: npm pack --dry-run, and ${args.loadRuns} fresh processes requiring every module`);
		footprint = measureFootprint(ROOT, args.loadRuns);
	}

	const loadDuring = sampler.stop();
	const foreignCpu = foreign.stop();
	const goals = goalsOf(overheads, activation);
	const finishedAt = new Date();
	const conditions =
		`${os.cpus().length} CPUs; load average (1 min) during the run: min ${loadDuring.min.toFixed(2)}, ` +
		`mean ${loadDuring.mean.toFixed(2)}, max ${loadDuring.max.toFixed(2)} (the benchmark's own n8n counts too); ` +
		`other processes used ${(foreignCpu.foreignShare * 100).toFixed(1)}% of the machine's CPU meanwhile; n8n ${readN8nVersion()}`;

	const out: string[] = [];
	out.push('', `Benchmark ${startedAt.toISOString()} - ${finishedAt.toISOString()}`, conditions);
	if (triggerVersion !== TRIGGER_VERSION) out.push(`Our trigger at typeVersion ${triggerVersion} (not its default ${TRIGGER_VERSION})`);
	if (Object.keys(args.n8nEnv).length > 0) out.push(`n8n settings changed for this run: ${Object.entries(args.n8nEnv).map(([key, value]) => `${key}=${value}`).join(' ')}`);
	for (const { label, result: overhead } of overheads) {
		out.push(
			'',
			`Trigger overhead, ${label} (concurrency ${args.connections}; ${args.rounds} alternating rounds x ${args.amount} signed deliveries per series, after ${args.warmup} warm-up; medians of rounds, latency over all requests)`,
			overheadTable(overhead),
			`ratio ours/bare events/s: ${overhead.ratio.toFixed(3)} (median of the rounds' ratios ${overhead.roundRatios.map((r) => r.toFixed(2)).join(', ')}; ` +
				`of the medians ${overhead.ratioOfMedians.toFixed(3)}); completed/s ${overhead.completedRatio.toFixed(3)}; n8n CPU per event ours/bare ${overhead.cpuRatio.toFixed(2)}` +
				(Number.isFinite(overhead.builtinRatio) ? `; ours/built-in trigger ${overhead.builtinRatio.toFixed(3)}` : ''),
		);
	}
	if (profileCauses) {
		const causes = WEBHOOK_CAUSES.map((rule) => rule.cause).filter((cause) => cause !== 'idle');
		const perEvent = (series: string, cause: string): number =>
			(profileCauses?.[series]?.[cause] ?? 0) / (args.rounds * args.amount);
		const seriesNames = Object.keys(profileCauses);
		const rows = causes.map((cause) => [cause, ...seriesNames.map((series) => fixed(perEvent(series, cause), 2))]);
		rows.push(['total (busy)', ...seriesNames.map((series) => fixed(causes.reduce((total, cause) => total + perEvent(series, cause), 0), 2))]);
		out.push('', `Where n8n's main-thread CPU time goes, ${overheads[0]?.label ?? ''} (ms per delivery, from its CPU profile during the measured rounds; isolated-vm's own threads are not sampled, the CPU column above counts them)`, table(['Cause', ...seriesNames], rows));
	}
	if (activation) {
		out.push(
			'',
			`Activation cost (fake SimplyMeet honours pages of ${activation.simplyMeetPage}; wall = from the API call to the fake's last answer)`,
			activationTable(activation),
		);
	}
	if (footprint) out.push('', `Footprint (Node.js ${footprint.node})`, footprintTable(footprint));
	if (goals.length > 0) {
		out.push('', 'Goals', table(['Goal', 'Measured', ''], goals.map((goal) => [goal.goal, goal.measured, goal.pass ? 'PASS' : 'FAIL'])));
	}
	process.stdout.write(`${out.join('\n')}\n`);

	const report = {
		startedAt: startedAt.toISOString(),
		finishedAt: finishedAt.toISOString(),
		machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, loadBefore, loadDuring, foreignCpu },
		n8nVersion: readN8nVersion(),
		args: { ...args, only: [...args.only] },
		variant: variant ? { triggerVersion, n8nEnv: args.n8nEnv } : undefined,
		overheads,
		profileCauses,
		activation,
		footprint,
		goals,
		markdown: {
			overhead: markdownTable(
				['n8n configuration', 'Series', 'events/s', 'p50 ms', 'p99 ms', 'n8n CPU ms/event'],
				overheads.flatMap(({ label, result }) =>
					result.series.map((entry) => [label, entry.label, fixed(entry.eventsPerSecond), fixed(entry.p50, 0), fixed(entry.p99, 0), fixed(entry.cpuMsPerEvent)]),
				),
			),
		},
	};
	const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
	const file = path.join(OUT_DIR, `bench-${stamp}${variant ? '-variant' : ''}.json`);
	const json = `${JSON.stringify(report, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value), 2)}\n`;
	fs.writeFileSync(file, json);
	if (!variant) fs.writeFileSync(path.join(OUT_DIR, 'latest.json'), json);
	log(`figures written to ${path.relative(ROOT, file)}`);
	if (args.writeDocs) {
		const command = ['npm run bench --', ...process.argv.slice(2)].join(' ');
		writeBlocks(PERFORMANCE_DOC, docsBlocks({ command, startedAt, loadDuring, foreignShare: foreignCpu.foreignShare, overheads, activation, footprint, goals }));
		log(`tables written to ${path.relative(ROOT, PERFORMANCE_DOC)}`);
	}
	const failed = goals.filter((goal) => !goal.pass).length;
	if (failed > 0) log(`${failed} goal(s) not met`);
	if (args.strict && failed > 0) process.exitCode = 1;
}

interface DocsRun {
	command: string;
	startedAt: Date;
	loadDuring: { mean: number; max: number };
	foreignShare: number;
	overheads: ConfigOverhead[];
	activation?: ActivationResult;
	footprint?: FootprintResult;
	goals: Goal[];
}

/** The blocks of docs/performance.md this run measured, each opened by where and how it ran. */
function docsBlocks(run: DocsRun): Record<string, string> {
	const load = [
		`load average during the run: mean ${run.loadDuring.mean.toFixed(1)}, max ${run.loadDuring.max.toFixed(1)}`,
		`other processes used ${(run.foreignShare * 100).toFixed(1)} % of the CPU`,
	];
	const n8nRun = [`n8n ${readN8nVersion()} on Node.js ${runtimeNodeVersion()}`, machineDescription(), ...load];
	const stamp = (details: string[]): string => provenance(run.command, run.startedAt, details);
	const goalLines = (prefix: string): string =>
		run.goals
			.filter((goal) => goal.goal.startsWith(prefix))
			.map((goal) => `- ${goal.pass ? 'PASS' : 'FAIL'}: ${goal.goal}: ${goal.measured}`)
			.join('\n');
	const blocks: Record<string, string> = {};
	for (const { config, label, result } of run.overheads) {
		const rows = result.series.map((entry) => [entry.label, fixed(entry.eventsPerSecond), fixed(entry.p50, 0), fixed(entry.p99, 0), fixed(entry.cpuMsPerEvent)]);
		blocks[`bench-overhead-${config}`] = [
			stamp(n8nRun),
			markdownTable(['Series', 'events/s', 'p50 ms', 'p99 ms', 'n8n CPU ms/event'], rows),
			goalLines(`Trigger overhead (${label})`),
		].join('\n\n');
	}
	if (run.activation) {
		const rows = run.activation.phases.map((phase) => [
			...activationCalls(phase),
			fixed(phase.wallMs, 0),
			phase.pass ? 'PASS' : 'FAIL',
		]);
		blocks['bench-activation'] = [
			stamp(n8nRun),
			markdownTable(['Service', 'Hooks in account', 'Phase', 'list', 'create', 'delete', '/auth', 'wall ms', 'as expected'], rows),
			[goalLines('SimplyMeet:'), goalLines('Airmeet:')].join('\n'),
		].join('\n\n');
	}
	if (run.footprint) {
		const { tarball, modules, runs, node, loadMs, coldLoadMs } = run.footprint;
		blocks['bench-footprint'] = [
			stamp([`\`npm pack --dry-run --json\` of the built package; module loading on Node.js ${node.replace(/^v/, '')}`, machineDescription(), ...load]),
			markdownTable(
				['Packed', 'Unpacked', 'Files', `require all ${modules.length} modules (median of ${runs})`, 'the same, cold (n8n-workflow included)'],
				[[bytes(tarball.size), bytes(tarball.unpackedSize), String(tarball.entryCount), `${fixed(loadMs)} ms`, `${fixed(coldLoadMs)} ms`]],
			),
		].join('\n\n');
	}
	return blocks;
}

function runtimeNodeVersion(): string {
	const nodeBin = runtimePaths().nodeBin;
	return fs.existsSync(nodeBin) ? spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim().replace(/^v/, '') : 'unknown';
}

function readN8nVersion(): string {
	try {
		return (JSON.parse(fs.readFileSync(path.join(runtimePaths().n8nDir, 'package.json'), 'utf8')) as { version: string }).version;
	} catch {
		return 'unknown';
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exitCode = 1;
});
