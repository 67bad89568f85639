/* eslint-disable @n8n/community-nodes/no-restricted-globals -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * The SimplyMeet trigger in a real n8n (the pinned 2.x, this package installed as a community
 * package) against the fake SimplyMeet API: what SimplyMeet ends up holding after publishing,
 * unpublishing and failures, and what n8n runs when SimplyMeet delivers.
 *
 * n8n 2.41.1 publishes through an outbox: the publish call answers before the trigger's
 * checkExists/create has run, so every publish here waits for the publication status to settle
 * before looking at the fake.
 */
import { randomUUID } from 'crypto';

import type { Credential, N8nInstance } from './n8n';
import { PACKAGE, prepareExample } from './examples';
import { START_TIMEOUT_MS, meetingUuidOf, nodeItems, postRaw, simplyMeetSignature, startFileN8n } from './support';
import { SimplyMeetFake, sampleMeeting } from '../fakes/simplyMeetFake';

const fileStartedAt = Date.now();
const ALL_EVENTS = ['meetingCancelled', 'meetingRescheduled', 'meetingScheduled'];

let n8n: N8nInstance;
let finish: () => Promise<void>;
let fake: SimplyMeetFake;
let credential: Credential;

beforeAll(async () => {
	fake = new SimplyMeetFake();
	await fake.start();
	({ n8n, finish } = await startFileN8n(__filename, fileStartedAt));
	credential = await n8n.createCredential('SimplyMeet (fake)', 'simplyMeetApi', { apiKey: fake.apiKey, baseUrl: fake.baseUrl });
}, START_TIMEOUT_MS);

afterAll(async () => {
	await finish?.();
	await fake?.stop();
});

/** The production URL n8n gives a trigger with this webhookId, written out rather than asked from the driver. */
function productionUrl(webhookId: string): string {
	return `${n8n.url}/webhook/${webhookId}/webhook`;
}

/** Creates a copy of the SimplyMeet example with its own webhookId (one n8n holds several). */
async function createTriggerWorkflow(name: string, events?: string[]): Promise<{ id: string; url: string; webhookId: string }> {
	const webhookId = randomUUID();
	const example = prepareExample('simplyMeet', {
		credentials: { simplyMeetApi: credential },
		name,
		webhookId,
		...(events ? { startNodeParameters: { events } } : {}),
	});
	const workflow = await n8n.createWorkflow(example.workflow);
	return { id: workflow.id, url: productionUrl(webhookId), webhookId };
}

async function publish(id: string): Promise<string> {
	await n8n.activate(id);
	return (await n8n.waitForPublication(id)).status;
}

async function unpublish(id: string): Promise<string> {
	await n8n.deactivate(id);
	return (await n8n.waitForPublication(id)).status;
}

test('n8n loads the package as a community package, under the node types users get', async () => {
	const names = await n8n.nodeTypeNames();
	for (const name of ['simplyMeetTrigger', 'simplyMeet', 'airmeetTrigger', 'airmeet']) {
		expect(names).toContain(`${PACKAGE}.${name}`);
	}
});

test("the credential's Test button: OK with the right key, SimplyMeet's refusal explained otherwise", async () => {
	expect(await n8n.testCredential(credential)).toEqual({ status: 'OK', message: 'Connection successful!' });
	expect(await n8n.testCredential(credential, { apiKey: 'not-the-key' })).toEqual({
		status: 'Error',
		message: 'SimplyMeet rejected the API key: copy it again from Integrations in SimplyMeet',
	});
	const switchHost = {
		status: 'Error',
		message:
			"No SimplyMeet API answers at this Base URL: SimplyMeet's API is at https://secure.simplymeet.me/api (https://app.simplymeet.me/api is its 2021 address); put that in the Base URL field",
	};
	expect(await n8n.testCredential(credential, { baseUrl: `${new URL(fake.baseUrl).origin}/not-the-api` })).toEqual(switchHost);
	// A host that answers with a web page, as the 2021 host may now: a 200 that is not the API.
	fake.websiteStatus = 200;
	try {
		expect(await n8n.testCredential(credential)).toEqual(switchHost);
	} finally {
		fake.websiteStatus = undefined;
	}
});

test('a server that refuses any page size, deliveries signed in each encoding, a hook for one event', async () => {
	fake.limitPolicy = 'refuseAny';
	try {
		const { id, url } = await createTriggerWorkflow('SimplyMeet first contact', ['meetingRescheduled']);
		// Without `limit`, the fake gives SimplyMeet's default pages of 10.
		const pages = Math.max(1, Math.ceil(fake.hooks.length / 10));
		const listsBefore = fake.count({ method: 'GET', path: '/webhooks' });
		expect(await publish(id)).toBe('published');
		const lists = fake.calls.filter((call) => call.method === 'GET' && call.path === '/webhooks').slice(listsBefore);
		expect(lists.map((call) => call.query.get('limit'))).toEqual(['50', ...Array<null>(pages).fill(null)]);
		expect(fake.hooksFor(url)).toHaveLength(1);

		const meetings = (['base64', 'base64OfHex', 'hex'] as const).map((encoding) => ({ encoding, meeting: sampleMeeting('meetingScheduled') }));
		for (const { encoding, meeting } of meetings) {
			expect((await fake.deliver('meetingRescheduled', { url, meeting, encoding })).map((result) => result.status)).toEqual([200]);
		}
		const executions = await n8n.waitForExecutions(id, meetings.length);
		expect(executions.map((execution) => execution.status)).toEqual(meetings.map(() => 'success'));
		const items = executions.map((execution) => nodeItems(execution, 'SimplyMeet Trigger')[0]);
		expect(items.map((item) => item.event)).toEqual(meetings.map(() => 'meetingRescheduled'));
		expect(items.map((item) => item.uuid).sort()).toEqual(meetings.map(({ meeting }) => meeting.uuid).sort());

		expect(await unpublish(id)).toBe('not_published');
		expect(fake.hooksFor(url)).toEqual([]);
	} finally {
		fake.limitPolicy = 'cap';
	}
});

describe('the SimplyMeet example workflow, published', () => {
	const example = () => prepareExample('simplyMeet', { credentials: { simplyMeetApi: credential } });
	let workflowId: string;
	let url: string;
	let secret: string;
	let hookUuid: string;
	const delivered: string[] = [];

	test('publishing registers exactly one hook, for all three events, with n8n production URL', async () => {
		const prepared = example();
		workflowId = (await n8n.createWorkflow(prepared.workflow)).id;
		url = productionUrl(String(prepared.webhookId));
		expect(await publish(workflowId)).toBe('published');

		expect(fake.hooks).toHaveLength(1);
		const [hook] = fake.hooksFor(url);
		expect(hook).toBeDefined();
		expect([...hook.events].sort()).toEqual(ALL_EVENTS);
		// A random secret per hook: 32 bytes as hex.
		expect(hook.secret).toMatch(/^[0-9a-f]{64}$/);
		secret = String(hook.secret);
		hookUuid = hook.uuid;
	});

	test('a signed delivery starts exactly one successful execution with the meeting and its event', async () => {
		const meeting = sampleMeeting('meetingScheduled');
		const results = await fake.deliver('meetingScheduled', { meeting });
		expect(results.map((result) => result.status)).toEqual([200]);
		delivered.push(String(meeting.uuid));

		const [execution] = await n8n.waitForExecutions(workflowId, 1);
		expect(execution).toMatchObject({ status: 'success', mode: 'webhook', finished: true });
		expect(nodeItems(execution, 'SimplyMeet Trigger')).toEqual([{ event: 'meetingScheduled', ...meeting }]);
		expect(nodeItems(execution, 'Meeting summary')).toEqual([
			{
				event: 'meetingScheduled',
				invitee: 'Ada Lovelace',
				email: 'ada@example.com',
				meetingType: '30 min call',
				scheduledAt: '2026-12-01T10:00:00+00:00',
			},
		]);
	});

	test('the flat delivery shape seen in the wild works too, and its event is inferred', async () => {
		const meeting = sampleMeeting('meetingCancelled');
		const results = await fake.deliver('meetingCancelled', { meeting, shape: 'flat' });
		expect(results.map((result) => result.status)).toEqual([200]);
		delivered.push(String(meeting.uuid));

		const [newest] = await n8n.waitForExecutions(workflowId, 2);
		expect(newest.status).toBe('success');
		expect(nodeItems(newest, 'SimplyMeet Trigger')).toEqual([{ event: 'meetingCancelled', ...meeting }]);
	});

	test('forged, unsigned and tampered deliveries are refused with 401 and start nothing', async () => {
		const raw = JSON.stringify({ data: sampleMeeting('meetingScheduled') });
		const forged = await postRaw(url, raw, { 'webhook-signature': simplyMeetSignature('someone-elses-secret', raw) });
		const unsigned = await postRaw(url, raw);
		const tampered = await postRaw(url, raw.replace('Ada Lovelace', 'Eve Mallory'), {
			'webhook-signature': simplyMeetSignature(secret, raw),
		});
		expect([forged.status, unsigned.status, tampered.status]).toEqual([401, 401, 401]);

		// A valid delivery after them: once its execution is there, anything the refused ones had
		// started would be too (they were answered first).
		const meeting = sampleMeeting('meetingRescheduled');
		expect((await fake.deliver('meetingRescheduled', { meeting })).map((result) => result.status)).toEqual([200]);
		delivered.push(String(meeting.uuid));
		const executions = await n8n.waitForExecutions(workflowId, 3);
		expect(executions).toHaveLength(3);
		expect(executions.map((execution) => execution.status)).toEqual(['success', 'success', 'success']);
		expect(executions.map((execution) => meetingUuidOf(execution)).sort()).toEqual([...delivered].sort());
	});

	test('unpublishing removes the hook from SimplyMeet, and n8n stops answering at the URL', async () => {
		expect(await unpublish(workflowId)).toBe('not_published');
		expect(fake.hooksFor(url)).toEqual([]);
		expect(fake.count({ method: 'DELETE', path: `/webhooks/${hookUuid}` })).toBe(1);
		const raw = JSON.stringify({ data: sampleMeeting('meetingScheduled') });
		expect((await postRaw(url, raw, { 'webhook-signature': simplyMeetSignature(secret, raw) })).status).toBe(404);
	});
});

describe('publishing again', () => {
	test('re-publishing, or publishing a published workflow once more, leaves exactly one hook', async () => {
		const { id, url } = await createTriggerWorkflow('SimplyMeet re-publish');
		expect(await publish(id)).toBe('published');
		const first = fake.hooksFor(url);
		expect(first).toHaveLength(1);

		// Publishing what is already published changes nothing, on either side.
		const creates = fake.count({ method: 'POST', path: '/webhooks' });
		expect(await publish(id)).toBe('published');
		expect(fake.hooksFor(url).map((hook) => hook.uuid)).toEqual([first[0].uuid]);
		expect(fake.count({ method: 'POST', path: '/webhooks' })).toBe(creates);

		// Unpublish + publish: the old hook goes, one new one comes.
		expect(await unpublish(id)).toBe('not_published');
		expect(await publish(id)).toBe('published');
		const second = fake.hooksFor(url);
		expect(second).toHaveLength(1);
		expect(second[0].uuid).not.toBe(first[0].uuid);

		// Saving a new version with other events re-publishes it: still one hook, now for those events.
		const current = await n8n.getWorkflow(id);
		const nodes = current.nodes.map((node) =>
			node.name === 'SimplyMeet Trigger' ? { ...node, parameters: { ...node.parameters, events: ['meetingCancelled'] } } : node,
		);
		await n8n.updateWorkflow(id, { name: current.name, nodes, connections: current.connections, settings: current.settings });
		await n8n.waitFor(async () => (await n8n.publicationStatus(id)).status === 'published' && fake.hooksFor(url)[0]?.events.length === 1, 30_000, 200, 'the new version to be published');
		expect(fake.hooksFor(url).map((hook) => hook.events)).toEqual([['meetingCancelled']]);

		expect(await unpublish(id)).toBe('not_published');
		expect(fake.hooksFor(url)).toEqual([]);
	});

	test('after the hook was deleted in SimplyMeet, publishing again registers exactly one, and deliveries work', async () => {
		const { id, url } = await createTriggerWorkflow('SimplyMeet hook deleted remotely');
		expect(await publish(id)).toBe('published');
		const [original] = fake.hooksFor(url);
		fake.removeHook(original.uuid); // as a user would in SimplyMeet's settings

		expect(await unpublish(id)).toBe('not_published'); // the delete meets a 404: already gone is fine
		expect(await publish(id)).toBe('published');
		const hooks = fake.hooksFor(url);
		expect(hooks).toHaveLength(1);
		expect(hooks[0].uuid).not.toBe(original.uuid);

		expect((await fake.deliver('meetingScheduled', { url })).map((result) => result.status)).toEqual([200]);
		const [execution] = await n8n.waitForExecutions(id, 1);
		expect(execution.status).toBe('success');
		expect(await unpublish(id)).toBe('not_published');
	});

	test('a hook left for our URL by an earlier registration is adopted when it fits, replaced when it does not', async () => {
		// Fits (same URL, same events, a secret): adopted, nothing created; its secret signs deliveries.
		const adopt = await createTriggerWorkflow('SimplyMeet adopt', ['meetingScheduled']);
		const leftover = fake.seedHook({ url: adopt.url, events: ['meetingScheduled'], secret: 'secret-of-an-earlier-registration' });
		const creates = fake.count({ method: 'POST', path: '/webhooks' });
		expect(await publish(adopt.id)).toBe('published');
		expect(fake.hooksFor(adopt.url).map((hook) => hook.uuid)).toEqual([leftover.uuid]);
		expect(fake.count({ method: 'POST', path: '/webhooks' })).toBe(creates);
		expect((await fake.deliver('meetingScheduled', { url: adopt.url })).map((result) => result.status)).toEqual([200]);
		expect((await n8n.waitForExecutions(adopt.id, 1))[0].status).toBe('success');

		// Does not fit (other events): deleted, and one hook for what the trigger wants created.
		const replace = await createTriggerWorkflow('SimplyMeet replace');
		const stale = fake.seedHook({ url: replace.url, events: ['meetingCancelled'] });
		expect(await publish(replace.id)).toBe('published');
		const hooks = fake.hooksFor(replace.url);
		expect(hooks).toHaveLength(1);
		expect(hooks[0].uuid).not.toBe(stale.uuid);
		expect([...hooks[0].events].sort()).toEqual(ALL_EVENTS);

		expect(await unpublish(adopt.id)).toBe('not_published');
		expect(await unpublish(replace.id)).toBe('not_published');
		expect(fake.hooksFor(adopt.url)).toEqual([]);
		expect(fake.hooksFor(replace.url)).toEqual([]);
	});
});

describe('SimplyMeet failing while n8n publishes', () => {
	afterEach(() => fake.clearFaults());

	test('one 503 on create: n8n tries again a second later and ends with exactly one hook', async () => {
		const { id, url } = await createTriggerWorkflow('SimplyMeet one failure');
		fake.inject({ method: 'POST', path: '/webhooks' }, { kind: 'status', status: 503 }, 1);
		const creates = fake.count({ method: 'POST', path: '/webhooks' });
		expect(await publish(id)).toBe('published');
		expect(fake.count({ method: 'POST', path: '/webhooks' }) - creates).toBe(2);
		expect(fake.hooksFor(url)).toHaveLength(1);
		expect(await unpublish(id)).toBe('not_published');
	});

	test('503 on every attempt: nothing half-registered on either side; a later publish gives one hook', async () => {
		const { id, url } = await createTriggerWorkflow('SimplyMeet down');
		// More than n8n's attempts (5 in 2.41.1, 1 + 2 + 4 + 8 s apart).
		fake.inject({ method: 'POST', path: '/webhooks' }, { kind: 'status', status: 503 }, 100);
		await n8n.activate(id);
		const failed = await n8n.waitForPublication(id, 60_000);
		expect(failed.status).toBe('failed');
		expect(failed.triggers.map((trigger) => trigger.errorMessage)).toEqual([
			'SimplyMeet could not create the webhook (HTTP 503): Injected 503',
		]);
		// Nothing at SimplyMeet, nothing served by n8n at the URL.
		expect(fake.hooksFor(url)).toEqual([]);
		const raw = JSON.stringify({ data: sampleMeeting('meetingScheduled') });
		expect((await postRaw(url, raw, { 'webhook-signature': 'x' })).status).toBe(404);

		// n8n 2.41.1 keeps `active: true` and does not retry a failed publication by itself:
		// publishing again, once SimplyMeet answers, registers the hook.
		fake.clearFaults();
		expect(await publish(id)).toBe('published');
		expect(fake.hooksFor(url)).toHaveLength(1);
		expect((await fake.deliver('meetingScheduled', { url })).map((result) => result.status)).toEqual([200]);
		expect((await n8n.waitForExecutions(id, 1))[0].status).toBe('success');
		expect(await unpublish(id)).toBe('not_published');
		expect(fake.hooksFor(url)).toEqual([]);
	}, 120_000);
});

describe('"Listen for test event" beside the published workflow', () => {
	test('the test URL gets its own hook for one event; the published hook and its secret stay intact', async () => {
		const { id, url, webhookId } = await createTriggerWorkflow('SimplyMeet listen for test event');
		expect(await publish(id)).toBe('published');
		const [published] = fake.hooksFor(url);

		const testUrl = `${n8n.url}/webhook-test/${webhookId}/webhook`;
		expect(await n8n.runManually(id, 'SimplyMeet Trigger')).toEqual({ waitingForWebhook: true });
		await n8n.waitFor(() => fake.hooksFor(testUrl).length === 1, 15_000, 100, 'the test hook');
		expect(fake.hooksFor(testUrl)[0].secret).not.toBe(published.secret);

		const meeting = sampleMeeting('meetingScheduled');
		expect((await fake.deliver('meetingScheduled', { url: testUrl, meeting })).map((result) => result.status)).toEqual([200]);
		const [manual] = await n8n.waitForExecutions(id, 1);
		expect(manual).toMatchObject({ status: 'success', mode: 'manual' });
		expect(meetingUuidOf(manual)).toBe(meeting.uuid);
		// n8n stops listening after one event, and the trigger removes the test hook.
		await n8n.waitFor(() => fake.hooksFor(testUrl).length === 0, 15_000, 100, 'the test hook to be removed');

		// The published hook is untouched and still verifies with its own secret.
		expect(fake.hooksFor(url).map((hook) => hook.uuid)).toEqual([published.uuid]);
		expect((await fake.deliver('meetingScheduled', { url })).map((result) => result.status)).toEqual([200]);
		const executions = await n8n.waitForExecutions(id, 2);
		expect(executions[0]).toMatchObject({ status: 'success', mode: 'webhook' });
		expect(await unpublish(id)).toBe('not_published');
	});
});
