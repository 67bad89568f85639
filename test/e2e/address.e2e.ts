/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * Issue 18: n8n's address changes under published triggers. A SimplyMeet Trigger and an
 * event-scoped Airmeet Trigger are published, then the SAME n8n (same user folder and database)
 * is restarted with another N8N_WEBHOOK_URL (`localhost` instead of `127.0.0.1`, which still
 * reaches it). Through n8n 2.x's publication service that restart calls no trigger method, so
 * both services keep delivering to the old address: checked that those deliveries run and that
 * n8n's log warns once per hook. The legacy activation runs the triggers' checkExists at startup,
 * which moves both hooks to the new URL: checked by the fakes' hooks and calls. On every path: a
 * copy carrying the original's static data leaves the original's hook alone, publishing again
 * leaves exactly one hook per trigger at the new URL and none at the old, and unpublishing then
 * leaves none.
 *
 * Run on each activation path of the line: n8n 2.x's publication service (default) and its legacy
 * activation (`N8N_USE_WORKFLOW_PUBLICATION_SERVICE=false`); the 1.x line has only the legacy one
 * (`N8N_RUNTIME_LINE=1.x`). Only calls every line serves are used: each publish and unpublish is
 * followed by waiting on the fakes' side. What was measured is printed at the end of each path.
 */
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import type { Credential, N8nInstance, WorkflowInput } from './n8n';
import { prepareExample } from './examples';
import { START_TIMEOUT_MS, airmeetCredentialFor, simplyMeetCredentialFor, startFileN8n, startServiceFakes } from './support';
import { runtimePaths } from '../../scripts/n8n-runtime';
import type { AirmeetFake } from '../fakes/airmeetFake';
import type { SimplyMeetFake } from '../fakes/simplyMeetFake';

const fileStartedAt = Date.now();

const AIRMEET_TRIGGER = 'trigger.airmeet.registrant.added';
const WARNING = /still delivers to (\S+), an address n8n had when the webhook was registered/g;

/**
 * The activation paths of the line under test, and what a restart does on each (measured):
 * through the publication service n8n calls no trigger method at a restart, so the services keep
 * delivering to the old address; the legacy activation re-activates every published workflow at
 * startup, running the triggers' checkExists with the new URL, which moves the hooks there.
 */
const ACTIVATION_PATHS: Array<{ name: string; env: Record<string, string>; restartRunsTriggers: boolean }> =
	runtimePaths().line === '1.x'
		? [{ name: 'n8n 1.x (legacy activation, its only one)', env: {}, restartRunsTriggers: true }]
		: [
				{ name: 'n8n 2.x, publication service (default)', env: {}, restartRunsTriggers: false },
				{
					name: 'n8n 2.x, legacy activation',
					env: { N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false' },
					restartRunsTriggers: true,
				},
			];

let simplyMeet: SimplyMeetFake;
let airmeet: AirmeetFake;

beforeAll(async () => {
	({ simplyMeet, airmeet } = await startServiceFakes());
});

afterAll(async () => {
	await Promise.all([simplyMeet?.stop(), airmeet?.stop()]);
});

interface TriggerWorkflow {
	id: string;
	webhookId: string;
	workflow: WorkflowInput;
}

/** Hooks at each fake, by the address they deliver to. */
function hooksByAddress(): Record<string, { simplyMeet: number; airmeet: number }> {
	const byAddress: Record<string, { simplyMeet: number; airmeet: number }> = {};
	const add = (url: string, service: 'simplyMeet' | 'airmeet') => {
		const origin = new URL(url).origin;
		byAddress[origin] ??= { simplyMeet: 0, airmeet: 0 };
		byAddress[origin][service] += 1;
	};
	simplyMeet.hooks.forEach((hook) => add(hook.url, 'simplyMeet'));
	airmeet.hooks.forEach((hook) => add(hook.url, 'airmeet'));
	return byAddress;
}

/** The calls each fake received (since `mark`), as `Service METHOD path`, Airmeet's token calls left out. */
function callLog(mark = { simplyMeet: 0, airmeet: 0 }): string[] {
	return [
		...simplyMeet.calls.slice(mark.simplyMeet).map((call) => `SimplyMeet ${call.method} ${call.path}`),
		...airmeet.calls
			.slice(mark.airmeet)
			.filter((call) => call.path !== '/auth')
			.map((call) => `Airmeet ${call.method} ${call.path.replace('/platform-integration/v1/', '')}`),
	];
}

describe.each(ACTIVATION_PATHS)('$name', ({ name, env, restartRunsTriggers }) => {
	let n8n: N8nInstance;
	let finish: (() => Promise<void>) | undefined;
	let userFolder: string;
	let credentials: { simplyMeet: Credential; airmeet: Credential };
	let sm: TriggerWorkflow;
	let am: TriggerWorkflow;
	let oldOrigin: string;
	let newOrigin: string;
	let logOffset = 0;
	const report: string[] = [];
	/** Deliveries the services sent, by address, with the statuses n8n answered. */
	const served: Record<string, number[]> = {};
	/** Deliveries sent to each trigger so far: each must have run. */
	let deliveredEach = 0;

	const urlAt = (origin: string, webhookId: string) => `${origin}/webhook/${webhookId}/webhook`;

	async function deliverBoth(): Promise<void> {
		const results = [...(await simplyMeet.deliver('meetingScheduled')), ...(await airmeet.deliver(AIRMEET_TRIGGER))];
		for (const result of results) (served[new URL(result.url).origin] ??= []).push(result.status);
		expect(results.map((result) => result.status)).toEqual([200, 200]);
		deliveredEach += 1;
		for (const id of [sm.id, am.id]) {
			const executions = await n8n.waitForExecutions(id, deliveredEach);
			expect(executions.map((execution) => execution.status)).toEqual(executions.map(() => 'success'));
			expect(executions).toHaveLength(deliveredEach);
		}
	}

	async function waitForHooks(what: string, expected: Record<string, { simplyMeet: number; airmeet: number }>): Promise<void> {
		await n8n
			.waitFor(() => JSON.stringify(hooksByAddress()) === JSON.stringify(expected), 60_000, 200, what)
			.catch((error: Error) => {
				throw new Error(`${error.message}: hooks are ${JSON.stringify(hooksByAddress())}, calls ${JSON.stringify(callLog())}`);
			});
		report.push(`${what}: ${JSON.stringify(hooksByAddress())}`);
	}

	async function createTrigger(key: 'simplyMeet' | 'airmeetEvent', credential: Credential, workflowName: string, staticData?: Record<string, unknown>): Promise<TriggerWorkflow> {
		const example = prepareExample(key, {
			credentials: key === 'simplyMeet' ? { simplyMeetApi: credential } : { airmeetApi: credential },
			name: workflowName,
			webhookId: randomUUID(),
		});
		const created = await n8n.createWorkflow({ ...example.workflow, ...(staticData ? { staticData } : {}) });
		return { id: created.id, webhookId: String(example.webhookId), workflow: example.workflow };
	}

	/**
	 * Waits until n8n has saved both triggers' hooks for `origin` in their static data: a delivery
	 * is served from what n8n saved, and saving follows the services' calls.
	 */
	async function waitForStoredHooks(origin: string): Promise<void> {
		for (const [trigger, node] of [
			[sm, 'SimplyMeet Trigger'],
			[am, 'Airmeet Trigger'],
		] as const) {
			await n8n.waitFor(
				async () => {
					const { staticData } = await n8n.getWorkflow(trigger.id);
					const hooks = (staticData as Record<string, { hooks?: Record<string, unknown> }> | null)?.[`node:${node}`]?.hooks ?? {};
					return Object.keys(hooks).join() === urlAt(origin, trigger.webhookId);
				},
				60_000,
				200,
				`${node}'s hook for ${origin} to be saved`,
			);
		}
	}

	function warningsSince(offset: number): string[] {
		return [...fs.readFileSync(n8n.logFile, 'utf8').slice(offset).matchAll(WARNING)].map((match) => match[1]);
	}

	beforeAll(async () => {
		simplyMeet.hooks.length = 0;
		airmeet.hooks.length = 0;
		userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-address-'));
		({ n8n, finish } = await startFileN8n(__filename, fileStartedAt, { userFolder, env }));
		oldOrigin = n8n.url;
		newOrigin = oldOrigin.replace('127.0.0.1', 'localhost');
		credentials = {
			simplyMeet: await simplyMeetCredentialFor(n8n, simplyMeet),
			airmeet: await airmeetCredentialFor(n8n, airmeet),
		};
	}, START_TIMEOUT_MS);

	afterAll(async () => {
		await finish?.();
		console.log(
			[`[e2e] address.e2e.ts, ${name}:`, ...report, `deliveries served, by address: ${JSON.stringify(served)}`].join('\n  '),
		);
		if (process.env.N8N_E2E_KEEP !== '1') fs.rmSync(userFolder, { recursive: true, force: true });
	});

	test('published under the first address: one hook per trigger there', async () => {
		sm = await createTrigger('simplyMeet', credentials.simplyMeet, 'Address: SimplyMeet');
		am = await createTrigger('airmeetEvent', credentials.airmeet, 'Address: Airmeet');
		await n8n.activate(sm.id);
		await n8n.activate(am.id);
		await waitForHooks('hooks after the first publish', { [oldOrigin]: { simplyMeet: 1, airmeet: 1 } });
		await waitForStoredHooks(oldOrigin);
		expect(simplyMeet.hooksFor(urlAt(oldOrigin, sm.webhookId))).toHaveLength(1);
		expect(airmeet.hooksFor(urlAt(oldOrigin, am.webhookId))).toHaveLength(1);
	});

	test(
		restartRunsTriggers
			? 'restarted with another N8N_WEBHOOK_URL: the startup moves both hooks to the new URL, and deliveries run'
			: 'restarted with another N8N_WEBHOOK_URL: no call reaches the services, and their deliveries to the old address run',
		async () => {
			const port = n8n.port;
			const callsBefore = { simplyMeet: simplyMeet.calls.length, airmeet: airmeet.calls.length };
			await finish?.();
			finish = undefined;
			logOffset = fs.statSync(path.join(userFolder, 'n8n.log')).size;
			const newBase = `${newOrigin}/`;
			({ n8n, finish } = await startFileN8n(__filename, fileStartedAt, {
				userFolder,
				port,
				env: { ...env, N8N_WEBHOOK_URL: newBase, WEBHOOK_URL: newBase },
			}));
			await n8n.waitForWebhook(urlAt(newOrigin, sm.webhookId));
			if (restartRunsTriggers) {
				await waitForHooks('hooks after the restart', { [newOrigin]: { simplyMeet: 1, airmeet: 1 } });
				await waitForStoredHooks(newOrigin);
				report.push(`calls at the restart: ${JSON.stringify(callLog(callsBefore))}`);
			} else {
				expect({ simplyMeet: simplyMeet.calls.length, airmeet: airmeet.calls.length }).toEqual(callsBefore);
				await waitForHooks('hooks after the restart', { [oldOrigin]: { simplyMeet: 1, airmeet: 1 } });
			}
			const deliveredTo = restartRunsTriggers ? newOrigin : oldOrigin;
			await deliverBoth();
			await deliverBoth();
			expect(served).toEqual({ [deliveredTo]: [200, 200, 200, 200] });
		},
	);

	test(
		restartRunsTriggers
			? "n8n's log warns of no old address: nothing delivered there"
			: "n8n's log warns once per hook, naming the old address",
		async () => {
			const warned = warningsSince(logOffset);
			report.push(`warnings after 2 deliveries per trigger: ${JSON.stringify(warned)}`);
			expect(warned.sort()).toEqual(restartRunsTriggers ? [] : [urlAt(oldOrigin, sm.webhookId), urlAt(oldOrigin, am.webhookId)].sort());
		},
	);

	test("a copy carrying the original's static data, published and unpublished under the new address, leaves the original's hook alone", async () => {
		const original = await n8n.getWorkflow(sm.id);
		const staticData = original.staticData as Record<string, { hooks?: Record<string, unknown> }>;
		const originalUrl = urlAt(restartRunsTriggers ? newOrigin : oldOrigin, sm.webhookId);
		expect(Object.keys(staticData['node:SimplyMeet Trigger']?.hooks ?? {})).toEqual([originalUrl]);
		const [originalHook] = simplyMeet.hooksFor(originalUrl);
		const before = hooksByAddress();
		const copy = await createTrigger('simplyMeet', credentials.simplyMeet, 'Address: copy of SimplyMeet', staticData);
		await n8n.activate(copy.id);
		const withCopy = structuredClone(before);
		withCopy[newOrigin] ??= { simplyMeet: 0, airmeet: 0 };
		withCopy[newOrigin].simplyMeet += 1;
		await waitForHooks('hooks with the copy published', withCopy);
		await n8n.deactivate(copy.id);
		await waitForHooks('hooks after the copy was unpublished', before);
		expect(simplyMeet.hooksFor(originalUrl)).toEqual([originalHook]);
	});

	test('publishing again (unpublish, publish) leaves exactly one hook per trigger at the new URL and none at the old', async () => {
		// A new version re-registers a trigger only when the trigger itself changed (n8n 2.41's
		// publication service compares its name, type, version, webhook id, credentials and
		// parameters): unpublishing and publishing is the step that works on every path.
		const mark = { simplyMeet: simplyMeet.calls.length, airmeet: airmeet.calls.length };
		for (const { id } of [sm, am]) await n8n.deactivate(id);
		await waitForHooks('hooks after unpublishing to publish again', {});
		for (const { id } of [sm, am]) await n8n.activate(id);
		await waitForHooks('hooks after publishing again', { [newOrigin]: { simplyMeet: 1, airmeet: 1 } });
		report.push(`calls while publishing again: ${JSON.stringify(callLog(mark))}`);
		expect(simplyMeet.hooksFor(urlAt(newOrigin, sm.webhookId))).toHaveLength(1);
		expect(airmeet.hooksFor(urlAt(newOrigin, am.webhookId))).toHaveLength(1);
		await waitForStoredHooks(newOrigin);

		await deliverBoth();
		expect(served[newOrigin]?.slice(-2)).toEqual([200, 200]);
		expect(warningsSince(logOffset)).toHaveLength(restartRunsTriggers ? 0 : 2);
	});

	test('unpublishing then leaves no hook at either address', async () => {
		await n8n.deactivate(sm.id);
		await n8n.deactivate(am.id);
		await waitForHooks('hooks after unpublishing', {});
	});
});
