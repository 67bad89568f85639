/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-side test code, not node code: the rules for code running inside n8n do not apply */
/**
 * Issue 12, "no silent outage", in a real n8n: fault sequences that real accounts go through and
 * that used to end with a workflow n8n shows as published while events are lost. One n8n for the
 * file; every case has its own workflows (and its own fake where a fault must not leak into
 * another case).
 *
 * What n8n 2.41.1 does that these tests lean on (dist/ of the pinned runtime):
 * - A production delivery loads the workflow's static data when its headers arrive
 *   (webhooks/live-webhooks.js:105, loadWebhookExecutionData), reads the body later
 *   (webhook-helpers.js:515, parseRequestBody), and saves the static data after the node answered
 *   if anything marked it changed (live-webhooks.js:147, workflow-static-data.service.js:31).
 * - Publishing stores n8n's webhook record before the node's checkExists/create
 *   (workflows/triggers/webhook-trigger-registrar.js:89-91) and saves the static data only once all
 *   triggers are registered (workflows/triggers/workflow-trigger-activator.js:213-216).
 * - A failed attempt calls the node's delete(); only when it does not throw does n8n drop its
 *   record (webhook-trigger-registrar.js:172-183); publishing again registers only nodes without a
 *   record (workflows/publication/workflow-publication-applier.js:92-101).
 */
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

import type { Credential, Execution, N8nInstance, WorkflowInput } from './n8n';
import type { ExampleKey } from './examples';
import { EXAMPLES_DIR, credentialTypeOf, prepareExample } from './examples';
import { START_TIMEOUT_MS, holdDelivery, nodeItems, postRaw, simplyMeetSignature, startFileN8n, startServiceFakes } from './support';
import { AirmeetFake, samplePayloadFor } from '../fakes/airmeetFake';
import type { FakeService, RecordedCall } from '../fakes/fakeService';
import { seedDemoCommunity } from '../fakes/sandboxSeed';
import { SimplyMeetFake, sampleMeeting } from '../fakes/simplyMeetFake';

const fileStartedAt = Date.now();

/** Long enough that a delivery opened meanwhile is surely being handled before create returns. */
const SLOW_CREATE_MS = 3000;
/** n8n 2.41.1 gives up a publish after 5 attempts, 1 + 2 + 4 + 8 s apart. */
const FAILED_PUBLISH_TIMEOUT_MS = 60_000;
const REGISTER_PATH = '/platform-integration/v1/webhook-register';

let n8n: N8nInstance;
let finish: () => Promise<void>;
let simplyMeet: SimplyMeetFake;
let airmeet: AirmeetFake;
/** The credentials for the two shared fakes. */
const credentials = {} as { simplyMeet: Credential; airmeet: Credential };
/** Fakes of their own for faults that hit every call (an outage, revoked keys). */
const extraFakes: FakeService[] = [];

beforeAll(async () => {
	({ simplyMeet, airmeet } = await startServiceFakes());
	({ n8n, finish } = await startFileN8n(__filename, fileStartedAt));
	credentials.simplyMeet = await simplyMeetCredentialFor(simplyMeet, 'SimplyMeet (fake)');
	credentials.airmeet = await airmeetCredentialFor(airmeet, 'Airmeet (fake)');
}, START_TIMEOUT_MS);

afterAll(async () => {
	await finish?.();
	await simplyMeet?.stop();
	await airmeet?.stop();
	for (const fake of extraFakes) await fake.stop();
});

afterEach(() => {
	simplyMeet.clearFaults();
	airmeet.clearFaults();
	airmeet.revoked = false;
});

async function simplyMeetCredentialFor(fake: SimplyMeetFake, name: string, apiKey = fake.apiKey): Promise<Credential> {
	return await n8n.createCredential(name, 'simplyMeetApi', { apiKey, baseUrl: fake.baseUrl });
}

async function airmeetCredentialFor(fake: AirmeetFake, name: string): Promise<Credential> {
	return await n8n.createCredential(name, 'airmeetApi', {
		accessKey: fake.accessKey,
		secretKey: fake.secretKey,
		region: 'custom',
		baseUrl: fake.baseUrl,
	});
}

async function startedFake<Fake extends FakeService>(fake: Fake): Promise<Fake> {
	await fake.start();
	extraFakes.push(fake);
	return fake;
}

interface TriggerWorkflow {
	id: string;
	url: string;
	testUrl: string;
}

/** A copy of a trigger example with its own webhookId, so one n8n holds many. */
async function createTriggerWorkflow(
	key: ExampleKey,
	name: string,
	credential: Credential,
	startNodeParameters?: Record<string, unknown>,
): Promise<TriggerWorkflow> {
	const webhookId = randomUUID();
	const attached = key === 'simplyMeet' ? { simplyMeetApi: credential } : { airmeetApi: credential };
	const example = prepareExample(key, { credentials: attached, name, webhookId, startNodeParameters });
	const workflow = await n8n.createWorkflow(example.workflow);
	return { id: workflow.id, url: n8n.webhookUrl(webhookId, 'webhook'), testUrl: n8n.testWebhookUrl(webhookId, 'webhook') };
}

async function publish(id: string, timeoutMs?: number): Promise<string> {
	await n8n.activate(id);
	return (await n8n.waitForPublication(id, timeoutMs)).status;
}

async function unpublish(id: string): Promise<string> {
	await n8n.deactivate(id);
	return (await n8n.waitForPublication(id)).status;
}

function callsSince(fake: FakeService, mark: number, filter: { method: string; path: string }): RecordedCall[] {
	return fake.calls.slice(mark).filter((call) => call.method === filter.method && call.path.startsWith(filter.path));
}

/** A SimplyMeet delivery signed with `secret`, posted to `url`. */
async function signedDelivery(url: string, secret: string, meeting = sampleMeeting('meetingScheduled')) {
	const raw = JSON.stringify({ data: meeting });
	return { meeting, ...(await postRaw(url, raw, { 'webhook-signature': simplyMeetSignature(secret, raw) })) };
}

/** Delivers `count` events the way SimplyMeet does and expects each to be accepted. */
async function expectDeliveriesRun(fake: SimplyMeetFake, workflow: TriggerWorkflow, count: number, executionsBefore = 0): Promise<Execution[]> {
	for (let i = 0; i < count; i++) {
		expect((await fake.deliver('meetingScheduled', { url: workflow.url })).map((result) => result.status)).toEqual([200]);
	}
	const executions = await n8n.waitForExecutions(workflow.id, executionsBefore + count);
	expect(executions).toHaveLength(executionsBefore + count);
	expect(executions.map((execution) => execution.status)).toEqual(executions.map(() => 'success'));
	return executions;
}

function logSince(offset: number): string {
	return fs.readFileSync(n8n.logFile, 'utf8').slice(offset);
}

function logSize(): number {
	return fs.statSync(n8n.logFile).size;
}

describe('1. a delivery in flight while the workflow is published', () => {
	/**
	 * Publishes (or re-publishes, through `start`) with SimplyMeet slow on create, opens a correctly
	 * signed delivery once create has reached SimplyMeet (n8n serves the URL from then on, and the
	 * stored static data has no hook yet), holds its body back until publishing has finished and
	 * create's hook is stored, then lets it end. The deliveries after it must still run.
	 */
	async function holdDeliveryAcrossPublish(workflow: TriggerWorkflow, start: () => Promise<unknown>): Promise<number> {
		const creates = simplyMeet.count({ method: 'POST', path: '/webhooks' });
		simplyMeet.inject({ method: 'POST', path: '/webhooks' }, { kind: 'delay', ms: SLOW_CREATE_MS }, 1);
		await start();
		const create = await n8n.waitFor(
			() => simplyMeet.calls.filter((call) => call.method === 'POST' && call.path === '/webhooks')[creates],
			30_000,
			20,
			'create to reach SimplyMeet',
		);
		const secret = String((create.body as { secret?: unknown }).secret);
		const raw = JSON.stringify({ data: sampleMeeting('meetingScheduled') });
		const held = holdDelivery(workflow.url, raw, { 'webhook-signature': simplyMeetSignature(secret, raw) });

		expect((await n8n.waitForPublication(workflow.id)).status).toBe('published');
		expect(simplyMeet.hooksFor(workflow.url).map((hook) => hook.secret)).toEqual([secret]);
		const stale = await held.finish();
		// The stale delivery began before the hook existed: it may be refused (401, or 404 for a URL
		// the node held no hook for when n8n loaded its data) or accepted, but not fail, and it
		// must not take the stored hook with it.
		expect([200, 401, 404]).toContain(stale.status);
		return stale.status === 200 ? 1 : 0;
	}

	test('first publish: the signed deliveries that follow the held one run', async () => {
		const workflow = await createTriggerWorkflow('simplyMeet', 'Outage 1: delivery during first publish', credentials.simplyMeet);
		const staleRuns = await holdDeliveryAcrossPublish(workflow, async () => await n8n.activate(workflow.id));
		await expectDeliveriesRun(simplyMeet, workflow, 2, staleRuns);
		expect(await unpublish(workflow.id)).toBe('not_published');
	});

	test('re-publish with other events: the signed deliveries that follow the held one run', async () => {
		const workflow = await createTriggerWorkflow('simplyMeet', 'Outage 1: delivery during re-publish', credentials.simplyMeet);
		expect(await publish(workflow.id)).toBe('published');
		const [first] = simplyMeet.hooksFor(workflow.url);
		const current = await n8n.getWorkflow(workflow.id);
		const nodes = current.nodes.map((node) =>
			node.name === 'SimplyMeet Trigger'
				? { ...node, parameters: { ...node.parameters, events: ['meetingCancelled', 'meetingScheduled'] } }
				: node,
		);
		const staleRuns = await holdDeliveryAcrossPublish(workflow, async () =>
			await n8n.updateWorkflow(workflow.id, { name: current.name, nodes, connections: current.connections, settings: current.settings }),
		);
		const hooks = simplyMeet.hooksFor(workflow.url);
		expect(hooks).toHaveLength(1);
		expect(hooks[0].uuid).not.toBe(first.uuid);
		await expectDeliveriesRun(simplyMeet, workflow, 2, staleRuns);
		expect(await unpublish(workflow.id)).toBe('not_published');
	});
});

describe('2. a failed publish, the cause fixed, published again (no unpublish in between)', () => {
	/** Publishes into the fault, fixes it, publishes again: the hook must be registered then. */
	async function failFixPublish(options: {
		workflow: TriggerWorkflow;
		fake: FakeService;
		expectedError: RegExp;
		fix: () => Promise<void>;
		hookCount: () => number;
		deliver: () => Promise<number[]>;
	}): Promise<void> {
		const { workflow, fake } = options;
		await n8n.activate(workflow.id);
		const failed = await n8n.waitForPublication(workflow.id, FAILED_PUBLISH_TIMEOUT_MS);
		expect(failed.status).toBe('failed');
		expect(failed.triggers.map((trigger) => trigger.errorMessage ?? '')).toEqual([expect.stringMatching(options.expectedError)]);
		expect(options.hookCount()).toBe(0);

		await options.fix();
		const mark = fake.calls.length;
		expect(await publish(workflow.id, FAILED_PUBLISH_TIMEOUT_MS)).toBe('published');
		expect(fake.calls.length).toBeGreaterThan(mark);
		expect(options.hookCount()).toBe(1);
		expect(await options.deliver()).toEqual([200]);
		const [execution] = await n8n.waitForExecutions(workflow.id, 1);
		expect(execution).toMatchObject({ status: 'success', mode: 'webhook' });
	}

	test('wrong SimplyMeet key, SimplyMeet down (503), Airmeet keys revoked: each ends with one hook and running deliveries', async () => {
		const wrongKey = await simplyMeetCredentialFor(simplyMeet, 'SimplyMeet (wrong key)', 'not-the-key');
		const wrongKeyWorkflow = await createTriggerWorkflow('simplyMeet', 'Outage 2: wrong SimplyMeet key', wrongKey);

		const down = await startedFake(new SimplyMeetFake());
		const downWorkflow = await createTriggerWorkflow('simplyMeet', 'Outage 2: SimplyMeet down', await simplyMeetCredentialFor(down, 'SimplyMeet (down)'));
		down.inject({}, { kind: 'status', status: 503, body: { code: 503, message: 'Service Unavailable' } }, 1000);

		const revoked = await startedFake(new AirmeetFake());
		seedDemoCommunity(revoked);
		const revokedCredential = await airmeetCredentialFor(revoked, 'Airmeet (keys to be revoked)');
		const revokedWorkflow = await createTriggerWorkflow('airmeetEvent', 'Outage 2: Airmeet keys revoked', revokedCredential);
		revoked.revoked = true;

		// All three at once (each failed publish takes n8n's five attempts); every outcome is reported.
		const sequences = ['wrong SimplyMeet key', 'SimplyMeet down', 'Airmeet keys revoked'];
		const outcomes = await Promise.allSettled([
			failFixPublish({
				workflow: wrongKeyWorkflow,
				fake: simplyMeet,
				expectedError: /SimplyMeet could not list webhooks \(HTTP 401\): Invalid API key\./,
				fix: async () => {
					await n8n.updateCredential(wrongKey.id, {
						type: 'simplyMeetApi',
						data: { apiKey: simplyMeet.apiKey, baseUrl: simplyMeet.baseUrl },
					});
				},
				hookCount: () => simplyMeet.hooksFor(wrongKeyWorkflow.url).length,
				deliver: async () => (await simplyMeet.deliver('meetingScheduled', { url: wrongKeyWorkflow.url })).map((r) => r.status),
			}),
			failFixPublish({
				workflow: downWorkflow,
				fake: down,
				expectedError: /SimplyMeet could not list webhooks \(HTTP 503\): Service Unavailable/,
				fix: async () => down.clearFaults(),
				hookCount: () => down.hooksFor(downWorkflow.url).length,
				deliver: async () => (await down.deliver('meetingScheduled', { url: downWorkflow.url })).map((r) => r.status),
			}),
			failFixPublish({
				workflow: revokedWorkflow,
				fake: revoked,
				expectedError: /Airmeet/,
				// A new key pair generated in the community dashboard, put into the credential.
				fix: async () => {
					revoked.accessKey = 'am-access-key-new-pair';
					revoked.secretKey = 'am-secret-key-new-pair';
					revoked.revoked = false;
					await n8n.updateCredential(revokedCredential.id, {
						type: 'airmeetApi',
						data: { accessKey: revoked.accessKey, secretKey: revoked.secretKey, region: 'custom', baseUrl: revoked.baseUrl },
					});
				},
				hookCount: () => revoked.hooksFor(revokedWorkflow.url).length,
				deliver: async () =>
					(await revoked.deliver('trigger.airmeet.registrant.added', undefined, { url: revokedWorkflow.url })).map((r) => r.status),
			}),
		]);
		const failures = outcomes.flatMap((outcome, index) =>
			outcome.status === 'rejected' ? [`${sequences[index]}: ${String((outcome.reason as Error).message ?? outcome.reason)}`] : [],
		);
		expect(failures).toEqual([]);

		for (const workflow of [wrongKeyWorkflow, downWorkflow, revokedWorkflow]) expect(await unpublish(workflow.id)).toBe('not_published');
		expect(simplyMeet.hooksFor(wrongKeyWorkflow.url)).toEqual([]);
		expect(down.hooksFor(downWorkflow.url)).toEqual([]);
		expect(revoked.hooksFor(revokedWorkflow.url)).toEqual([]);
	}, 3 * FAILED_PUBLISH_TIMEOUT_MS);
});

describe('3. Airmeet: a URL without a registration of its own starts nothing', () => {
	test('after a failed publish (keys revoked), a POST to the production URL is answered 404 and starts no execution', async () => {
		const workflow = await createTriggerWorkflow('airmeetEvent', 'Outage 3: Airmeet publish failed', credentials.airmeet);
		airmeet.revoked = true;
		await n8n.activate(workflow.id);
		expect((await n8n.waitForPublication(workflow.id, FAILED_PUBLISH_TIMEOUT_MS)).status).toBe('failed');
		expect(airmeet.hooksFor(workflow.url)).toEqual([]);

		const raw = JSON.stringify(samplePayloadFor('trigger.airmeet.registrant.added'));
		const answer = await postRaw(workflow.url, raw, { 'user-agent': 'Airmeet-Webhooks' });
		expect(answer.status).toBe(404);
		expect(await n8n.executions(workflow.id)).toEqual([]);
		airmeet.revoked = false;
		expect(await unpublish(workflow.id)).toBe('not_published');
	}, FAILED_PUBLISH_TIMEOUT_MS + 30_000);

	test('"Listen for test event": a POST to the test URL before its own registration is stored is answered 404; after it, the run starts', async () => {
		const workflow = await createTriggerWorkflow('airmeetEvent', 'Outage 3: Airmeet test URL', credentials.airmeet);
		expect(await publish(workflow.id)).toBe('published');
		expect(airmeet.hooksFor(workflow.url)).toHaveLength(1);

		// n8n serves the test URL from just before the trigger's create until the listening ends;
		// while create is under way, the only registration the node holds is the production one.
		airmeet.inject({ method: 'POST', path: REGISTER_PATH }, { kind: 'delay', ms: SLOW_CREATE_MS }, 1);
		// n8n answers "Execute workflow" only once create has returned: ask, but look meanwhile.
		const listening = n8n.runManually(workflow.id, 'Airmeet Trigger');
		// Awaited below; if a check fails first, n8n's shutdown must not surface as a stray rejection.
		listening.catch(() => undefined);
		await n8n.waitFor(
			() => airmeet.calls.some((call) => call.path === REGISTER_PATH && (call.body as { url?: unknown }).url === workflow.testUrl),
			15_000,
			20,
			'the test registration to reach Airmeet',
		);
		const early = samplePayloadFor('trigger.airmeet.registrant.added');
		expect((await postRaw(workflow.testUrl, JSON.stringify(early))).status).toBe(404);
		expect(await listening).toEqual({ waitingForWebhook: true });

		await n8n.waitFor(() => airmeet.hooksFor(workflow.testUrl).length === 1, 15_000, 50, 'the test hook');
		const registered = { email: `late-${randomUUID()}@example.com` };
		const late = { ...(early as Record<string, unknown>), ...registered };
		// As Airmeet would, deliver again until n8n has taken the registration in (milliseconds).
		await n8n.waitFor(async () => (await postRaw(workflow.testUrl, JSON.stringify(late))).status === 200, 15_000, 100, 'the test URL to accept');
		const executions = await n8n.waitForExecutions(workflow.id, 1);
		expect(executions).toHaveLength(1);
		expect(executions[0]).toMatchObject({ status: 'success', mode: 'manual' });
		expect(nodeItems(executions[0], 'Airmeet Trigger')).toEqual([expect.objectContaining(late)]);
		await n8n.waitFor(() => airmeet.hooksFor(workflow.testUrl).length === 0, 15_000, 100, 'the test hook to be removed');
		expect(await unpublish(workflow.id)).toBe('not_published');
	});
});

describe('4. a failed delete during unpublish', () => {
	test("is visible in n8n's log with the hook id and SimplyMeet's message; the next publish adopts the leftover", async () => {
		const workflow = await createTriggerWorkflow('simplyMeet', 'Outage 4: delete fails', credentials.simplyMeet);
		expect(await publish(workflow.id)).toBe('published');
		const [hook] = simplyMeet.hooksFor(workflow.url);

		const logOffset = logSize();
		simplyMeet.inject(
			{ method: 'DELETE', path: `/webhooks/${hook.uuid}` },
			{ kind: 'status', status: 500, body: { code: 500, message: 'Webhook store unavailable' } },
			100,
		);
		expect(await unpublish(workflow.id)).toBe('not_published');
		expect(simplyMeet.hooksFor(workflow.url).map((leftover) => leftover.uuid)).toEqual([hook.uuid]);
		const logged = await n8n.waitFor(
			() => {
				const log = logSince(logOffset);
				return log.includes(hook.uuid) && log.includes('Webhook store unavailable') ? log : undefined;
			},
			10_000,
			200,
			'the failed delete in the log',
		).catch(() => logSince(logOffset));
		expect(logged).toContain(hook.uuid);
		expect(logged).toContain('Webhook store unavailable');
		expect(logged).not.toContain(String(hook.secret));
		expect(logged).not.toContain(simplyMeet.apiKey);

		simplyMeet.clearFaults();
		const creates = simplyMeet.count({ method: 'POST', path: '/webhooks' });
		expect(await publish(workflow.id)).toBe('published');
		expect(simplyMeet.hooksFor(workflow.url).map((adopted) => adopted.uuid)).toEqual([hook.uuid]);
		expect(simplyMeet.count({ method: 'POST', path: '/webhooks' })).toBe(creates);
		await expectDeliveriesRun(simplyMeet, workflow, 1);
		expect(await unpublish(workflow.id)).toBe('not_published');
	});

	test('examples/find-orphaned-webhooks.json removes a hook for this n8n that no published workflow serves, and keeps the rest', async () => {
		const live = await createTriggerWorkflow('simplyMeet', 'Outage 4: live workflow', credentials.simplyMeet);
		expect(await publish(live.id)).toBe('published');
		const [liveHook] = simplyMeet.hooksFor(live.url);
		const orphan = simplyMeet.seedHook({ url: n8n.webhookUrl(randomUUID(), 'webhook'), events: ['meetingScheduled'] });
		const elsewhere = simplyMeet.seedHook({ url: `https://elsewhere.example.com/webhook/${randomUUID()}/webhook`, events: ['meetingScheduled'] });
		const listening = simplyMeet.seedHook({ url: n8n.testWebhookUrl(randomUUID(), 'webhook'), events: ['meetingScheduled'] });

		const n8nApi = await n8n.createCredential('n8n API (this instance)', 'n8nApi', { apiKey: n8n.apiKey, baseUrl: `${n8n.url}/api/v1` });
		const imported = importExample('find-orphaned-webhooks.json', { simplyMeetApi: credentials.simplyMeet, n8nApi });
		const finder = await n8n.createWorkflow(imported);
		const deletesBefore = simplyMeet.count({ method: 'DELETE' });
		expect(await n8n.runManually(finder.id, 'When clicking ‘Execute workflow’')).toEqual({ executionId: expect.any(String) });
		const [run] = await n8n.waitForExecutions(finder.id, 1, 30_000);
		expect(run.status).toBe('success');

		expect(nodeItems(run, 'Delete orphaned webhook')).toEqual([{ uuid: orphan.uuid, deleted: true }]);
		expect(simplyMeet.hooks.some((hook) => hook.uuid === orphan.uuid)).toBe(false);
		for (const kept of [liveHook, elsewhere, listening]) expect(simplyMeet.hooks.some((hook) => hook.uuid === kept.uuid)).toBe(true);
		expect(simplyMeet.count({ method: 'DELETE' }) - deletesBefore).toBe(1);

		simplyMeet.removeHook(elsewhere.uuid);
		simplyMeet.removeHook(listening.uuid);
		expect(await unpublish(live.id)).toBe('not_published');
	});
});

/** An example file as the editor imports it, with credentials attached to every node that needs one. */
function importExample(file: string, byType: Record<string, Credential>): WorkflowInput {
	const workflow = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as WorkflowInput;
	for (const node of workflow.nodes) {
		const type = credentialTypeOf(node) ?? (node.type === 'n8n-nodes-base.n8n' ? 'n8nApi' : undefined);
		const credential = type ? byType[type] : undefined;
		if (credential) node.credentials = { [String(type)]: { id: credential.id, name: credential.name } };
	}
	return workflow;
}

describe('5. 429 with Retry-After while publishing', () => {
	const tooMany = { code: 429, message: 'Too many requests' };

	/** Publishes with one 429 on `filter`; returns the calls of that kind this publish made. */
	async function publishThrough429(name: string, filter: { method: string; path: string }, retryAfter: () => string) {
		const workflow = await createTriggerWorkflow('simplyMeet', name, credentials.simplyMeet);
		const mark = simplyMeet.calls.length;
		simplyMeet.inject(filter, { kind: 'status', status: 429, body: tooMany, headers: { 'Retry-After': retryAfter() } }, 1);
		await n8n.activate(workflow.id);
		const status = await n8n.waitForPublication(workflow.id);
		expect(status.status).toBe('published');
		expect(status.triggers.map((trigger) => trigger.errorMessage)).toEqual([null]);
		expect(simplyMeet.hooksFor(workflow.url)).toHaveLength(1);
		const calls = {
			lists: callsSince(simplyMeet, mark, { method: 'GET', path: '/webhooks' }),
			creates: callsSince(simplyMeet, mark, { method: 'POST', path: '/webhooks' }),
			deletes: callsSince(simplyMeet, mark, { method: 'DELETE', path: '/webhooks' }),
		};
		return { workflow, calls };
	}

	test('Retry-After in seconds on the list: one retry, at least 2 s later, within the first attempt', async () => {
		const { workflow, calls } = await publishThrough429('Outage 5: 429 on list', { method: 'GET', path: '/webhooks' }, () => '2');
		// A failed attempt would show as n8n's delete() sweep (another list) and a later checkExists.
		expect(calls.lists).toHaveLength(2);
		expect(calls.lists[1].at - calls.lists[0].at).toBeGreaterThanOrEqual(2000);
		expect(calls.creates).toHaveLength(1);
		expect(calls.deletes).toHaveLength(0);
		await expectDeliveriesRun(simplyMeet, workflow, 1);
		expect(await unpublish(workflow.id)).toBe('not_published');
	});

	test('Retry-After in seconds on create: create is sent again at least 2 s later, and exactly one hook exists', async () => {
		const { workflow, calls } = await publishThrough429('Outage 5: 429 on create', { method: 'POST', path: '/webhooks' }, () => '2');
		expect(calls.lists).toHaveLength(1);
		expect(calls.creates).toHaveLength(2);
		expect(calls.creates[1].at - calls.creates[0].at).toBeGreaterThanOrEqual(2000);
		expect(calls.deletes).toHaveLength(0);
		await expectDeliveriesRun(simplyMeet, workflow, 1);
		expect(await unpublish(workflow.id)).toBe('not_published');
	});

	test('Retry-After as an HTTP date: the list is sent again no earlier than that date', async () => {
		// Whole seconds, as an HTTP date carries them, at least 3 s ahead.
		const retryAt = Math.ceil((Date.now() + 3000) / 1000) * 1000 + 1000;
		const { workflow, calls } = await publishThrough429('Outage 5: 429 with a date', { method: 'GET', path: '/webhooks' }, () =>
			new Date(retryAt).toUTCString(),
		);
		expect(calls.lists).toHaveLength(2);
		expect(calls.lists[1].at - calls.lists[0].at).toBeGreaterThanOrEqual(2000);
		expect(calls.lists[1].at).toBeGreaterThanOrEqual(retryAt - 1000);
		expect(calls.deletes).toHaveLength(0);
		expect(await unpublish(workflow.id)).toBe('not_published');
	});
});

describe('6. signatures are checked against the hook of the URL being called', () => {
	test('published and listening for a test event: each URL accepts only its own secret', async () => {
		const workflow = await createTriggerWorkflow('simplyMeet', 'Outage 6: two hooks, two secrets', credentials.simplyMeet);
		expect(await publish(workflow.id)).toBe('published');
		expect(await n8n.runManually(workflow.id, 'SimplyMeet Trigger')).toEqual({ waitingForWebhook: true });
		await n8n.waitFor(() => simplyMeet.hooksFor(workflow.testUrl).length === 1, 15_000, 50, 'the test hook');
		// A delivery to the test URL is accepted only once n8n holds the registration: probe with a
		// forged signature (401 from the node, 404 from n8n before that).
		await n8n.waitFor(async () => (await postRaw(workflow.testUrl, '{}', { 'webhook-signature': 'probe' })).status === 401, 15_000, 100, 'the test URL to be served');
		const production = String(simplyMeet.hooksFor(workflow.url)[0].secret);
		const test = String(simplyMeet.hooksFor(workflow.testUrl)[0].secret);
		expect(test).not.toBe(production);

		expect((await signedDelivery(workflow.url, test)).status).toBe(401);
		expect((await signedDelivery(workflow.testUrl, production)).status).toBe(401);

		const live = await signedDelivery(workflow.url, production);
		expect(live.status).toBe(200);
		const listened = await signedDelivery(workflow.testUrl, test);
		expect(listened.status).toBe(200);
		const executions = await n8n.waitForExecutions(workflow.id, 2);
		expect(executions).toHaveLength(2);
		const started = executions.map((execution) => ({
			mode: execution.mode,
			status: execution.status,
			meeting: nodeItems(execution, 'SimplyMeet Trigger')[0]?.uuid,
		}));
		expect(started).toEqual(
			expect.arrayContaining([
				{ mode: 'webhook', status: 'success', meeting: live.meeting.uuid },
				{ mode: 'manual', status: 'success', meeting: listened.meeting.uuid },
			]),
		);
		await n8n.waitFor(() => simplyMeet.hooksFor(workflow.testUrl).length === 0, 15_000, 100, 'the test hook to be removed');
		expect(await unpublish(workflow.id)).toBe('not_published');
	});

	test("a secret stored for another URL of the node (left in the static data) does not open the production URL", async () => {
		// n8n 2.41.1 gives a test run fresh static data (webhooks/test-webhooks.js:427-437), so the
		// two hooks above never meet in one store. Static data carried over from elsewhere (an
		// import, another n8n version, a test registration that outlived its run) can still hold the
		// test URL's hook beside the production one: its secret must open only its own URL.
		const webhookId = randomUUID();
		const testUrl = n8n.testWebhookUrl(webhookId, 'webhook');
		const otherSecret = `secret-of-${testUrl}`;
		const example = prepareExample('simplyMeet', {
			credentials: { simplyMeetApi: credentials.simplyMeet },
			name: 'Outage 6: another URL in the static data',
			webhookId,
		});
		const created = await n8n.createWorkflow({
			...example.workflow,
			staticData: {
				'node:SimplyMeet Trigger': {
					hooks: { [testUrl]: { id: randomUUID(), secret: otherSecret, events: ['meetingScheduled'] } },
				},
			},
		});
		const workflow = { id: created.id, url: n8n.webhookUrl(webhookId, 'webhook'), testUrl };
		expect(await publish(workflow.id)).toBe('published');
		const production = String(simplyMeet.hooksFor(workflow.url)[0].secret);

		expect((await signedDelivery(workflow.url, otherSecret)).status).toBe(401);
		const live = await signedDelivery(workflow.url, production);
		expect(live.status).toBe(200);
		const executions = await n8n.waitForExecutions(workflow.id, 1);
		expect(executions).toHaveLength(1);
		expect(nodeItems(executions[0], 'SimplyMeet Trigger')[0]?.uuid).toBe(live.meeting.uuid);
		expect(await unpublish(workflow.id)).toBe('not_published');
	});
});
