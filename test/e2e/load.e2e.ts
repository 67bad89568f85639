/* eslint-disable @n8n/community-nodes/no-restricted-globals -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * Load: nothing lost. One n8n, one published workflow per trigger: 10 000 signed SimplyMeet
 * deliveries at concurrency 50 must become exactly 10 000 successful executions, each meeting's
 * uuid in exactly one of them; then 2 000 Airmeet deliveries the same way (the registrant's email
 * is the id). Deliveries come from autocannon, signed as the SimplyMeet fake signs them.
 *
 * n8n settings (everything else is n8n's default, execution saving included):
 * - EXECUTIONS_DATA_PRUNE=false: n8n keeps 10 000 executions by default and this file makes 12 000;
 *   pruning must not decide what the test finds.
 * - EXECUTIONS_DATA_SAVE_ON_SUCCESS=all (the default, stated): every successful execution is saved
 *   with its data, which is what the test reads back.
 * - N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true: by default n8n 2.41 takes an expression isolate for
 *   every webhook request of any trigger but its core Webhook node, and for every execution,
 *   whether an expression is evaluated or not: most of its CPU per delivery (`npm run bench`
 *   compares both settings). These workflows hold no expression, so with lazy acquire no isolate
 *   is taken; what runs, what is saved and what the test checks stay the same. Measured on the
 *   2-core machine, 2 000 SimplyMeet deliveries: 8.8/s with n8n's defaults (trigger at
 *   typeVersion 1), 44/s with lazy acquire (the whole file: about 23 min against about 5).
 *
 * Executions are read back through the public API (pages of 250 with data): the interface users
 * have, fast enough here (see the printed durations), and independent of the database n8n uses.
 * LOAD_SIMPLYMEET_EVENTS / LOAD_AIRMEET_EVENTS / LOAD_CONCURRENCY change the sizes (e.g. a quick run).
 */
import { AirmeetFake } from '../fakes/airmeetFake';
import { SimplyMeetFake } from '../fakes/simplyMeetFake';
import type { ExecutionWithData } from '../../tools/lib/executions';
import { matchIds, nodeOutput, readExecutions, waitForFinished } from '../../tools/lib/executions';
import type { Delivery, LoadResult } from '../../tools/lib/load';
import { airmeetDeliveries, deliveryProblems, runLoad, simplyMeetDeliveries } from '../../tools/lib/load';
import type { BuiltWorkflow } from '../../tools/lib/workflows';
import { airmeetWorkflow, simplyMeetWorkflow } from '../../tools/lib/workflows';
import type { N8nInstance } from './n8n';
import { formatTimings, startFreshN8n } from './n8n';

const SIMPLYMEET_EVENTS = Number(process.env.LOAD_SIMPLYMEET_EVENTS ?? 10_000);
const AIRMEET_EVENTS = Number(process.env.LOAD_AIRMEET_EVENTS ?? 2_000);
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 50);

const LOAD_N8N_SETTINGS: Record<string, string> = {
	EXECUTIONS_DATA_PRUNE: 'false',
	EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
	N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true',
	...(process.env.LOAD_N8N_ENV ? (JSON.parse(process.env.LOAD_N8N_ENV) as Record<string, string>) : {}),
};

const report = (message: string): void => void process.stderr.write(`[load] ${message}\n`);
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

let n8n: N8nInstance;
const simplyMeet = new SimplyMeetFake();
const airmeet = new AirmeetFake();

beforeAll(async () => {
	await simplyMeet.start();
	await airmeet.start();
	n8n = await startFreshN8n({ env: LOAD_N8N_SETTINGS });
	report(formatTimings(n8n.timings));
	report(`n8n settings: ${Object.entries(LOAD_N8N_SETTINGS).map(([key, value]) => `${key}=${value}`).join(' ')}`);
}, 300_000);

afterAll(async () => {
	await n8n?.stop();
	await simplyMeet.stop();
	await airmeet.stop();
}, 120_000);

/**
 * Publishes `built`, delivers `amount` events from `make`, waits for the executions, reads them
 * back and returns what was delivered and found (the ids `idField` of the trigger's output items).
 */
async function deliverAndCollect(
	label: string,
	built: BuiltWorkflow,
	hookReady: (url: string) => boolean,
	make: (url: string) => (index: number) => Delivery,
	amount: number,
	idField: string,
): Promise<{ load: LoadResult; counts: Record<string, number>; executions: ExecutionWithData[]; found: string[] }> {
	const workflow = await n8n.createWorkflow(built.workflow);
	const url = n8n.webhookUrl(undefined, built.webhookPath);
	const publishStarted = Date.now();
	await n8n.activate(workflow.id);
	await n8n.waitFor(() => hookReady(url), 60_000, 100, `${label}: the hook to be registered`);
	await n8n.waitForWebhook(url, 'POST', 60_000);
	const publishMs = Date.now() - publishStarted;

	const deliverStarted = Date.now();
	const load = await runLoad({ url, amount, connections: CONCURRENCY, make: make(url), title: label });
	const deliverMs = Date.now() - deliverStarted;
	const counts = await waitForFinished(n8n, workflow.id, load.okIds.length, { timeoutMs: 30 * 60_000, intervalMs: 1000 });
	const drainMs = Date.now() - deliverStarted;

	const readStarted = Date.now();
	const executions = await readExecutions(n8n, workflow.id, { status: 'success' });
	const readMs = Date.now() - readStarted;
	const found = executions.flatMap((execution) => nodeOutput(execution, built.nodeName).map((json) => String(json[idField])));

	const unpublishStarted = Date.now();
	await n8n.deactivate(workflow.id);
	const unpublishMs = Date.now() - unpublishStarted;
	report(
		`${label}: ${amount} deliveries at concurrency ${CONCURRENCY} in ${seconds(deliverMs)} ` +
			`(${load.eventsPerSecond.toFixed(1)}/s; p50 ${load.latencyMs.p50.toFixed(0)} ms, p99 ${load.latencyMs.p99.toFixed(0)} ms); ` +
			`all executed after ${seconds(drainMs)} (${(amount / (drainMs / 1000)).toFixed(1)}/s); ` +
			`${executions.length} read back in ${seconds(readMs)}; publish ${seconds(publishMs)}, unpublish ${seconds(unpublishMs)}`,
	);
	return { load, counts, executions, found };
}

function expectNothingLost(
	amount: number,
	result: { load: LoadResult; counts: Record<string, number>; executions: ExecutionWithData[]; found: string[] },
): void {
	const problems = deliveryProblems(result.load);
	expect({ sent: result.load.sentIds.length, duplicateSent: problems.duplicateSent.length, notAnswered2xx: problems.notOk.length }).toEqual({
		sent: amount,
		duplicateSent: 0,
		notAnswered2xx: 0,
	});
	expect(result.load.statuses).toEqual({ 200: amount });
	expect(result.load.errors).toBe(0);
	expect({ success: result.counts.success, error: result.counts.error, crashed: result.counts.crashed }).toEqual({
		success: amount,
		error: 0,
		crashed: 0,
	});
	expect(result.executions).toHaveLength(amount);
	const match = matchIds(result.load.okIds, result.found);
	expect({
		found: result.found.length,
		missing: match.missing.slice(0, 5),
		duplicated: match.duplicated.slice(0, 5),
		unexpected: match.unexpected.slice(0, 5),
	}).toEqual({ found: amount, missing: [], duplicated: [], unexpected: [] });
}

/** Generous: the machine may be shared; the printed durations say how long it really took. */
const timeoutFor = (events: number): number => 5 * 60_000 + events * 150;

describe('load: nothing lost', () => {
	it(
		`${SIMPLYMEET_EVENTS} signed SimplyMeet events at concurrency ${CONCURRENCY}: as many successful executions, each meeting once`,
		async () => {
			const credential = await n8n.createCredential('Load SimplyMeet', 'simplyMeetApi', {
				apiKey: simplyMeet.apiKey,
				baseUrl: simplyMeet.baseUrl,
			});
			const built = simplyMeetWorkflow('Load: SimplyMeet', { id: credential.id, name: credential.name });
			const result = await deliverAndCollect(
				'SimplyMeet',
				built,
				(url) => simplyMeet.hooksFor(url).length === 1,
				(url) => simplyMeetDeliveries(String(simplyMeet.hooksFor(url)[0].secret)),
				SIMPLYMEET_EVENTS,
				'uuid',
			);
			expectNothingLost(SIMPLYMEET_EVENTS, result);
			expect(result.executions.every((execution) => execution.mode === 'webhook')).toBe(true);
		},
		timeoutFor(SIMPLYMEET_EVENTS),
	);

	it(
		`${AIRMEET_EVENTS} Airmeet events at concurrency ${CONCURRENCY}: as many successful executions, each registrant once`,
		async () => {
			const event = airmeet.seedEvent({ name: 'Load event' });
			const credential = await n8n.createCredential('Load Airmeet', 'airmeetApi', {
				accessKey: airmeet.accessKey,
				secretKey: airmeet.secretKey,
				region: 'custom',
				baseUrl: airmeet.baseUrl,
			});
			const built = airmeetWorkflow('Load: Airmeet', { id: credential.id, name: credential.name }, event.uid);
			const result = await deliverAndCollect(
				'Airmeet',
				built,
				(url) => airmeet.hooksFor(url).length === 1,
				() => airmeetDeliveries(event.uid),
				AIRMEET_EVENTS,
				'email',
			);
			expectNothingLost(AIRMEET_EVENTS, result);
		},
		timeoutFor(AIRMEET_EVENTS),
	);
});
