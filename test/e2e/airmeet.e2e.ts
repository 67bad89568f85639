/* eslint-disable @n8n/community-nodes/no-restricted-globals -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * The Airmeet trigger in a real n8n against the fake Airmeet API, through the three example
 * workflows: one event-scoped (registration for one event), one session-scoped (attendees of a
 * session) and one community-wide (event created) trigger. The fake is seeded with the demo
 * community the examples name, so they publish exactly as they are in examples/.
 */
import { randomUUID } from 'crypto';

import type { Credential, N8nInstance } from './n8n';
import type { ExampleKey } from './examples';
import { prepareExample } from './examples';
import { START_TIMEOUT_MS, airmeetCredentialFor, nodeItems, postRaw, startFileN8n } from './support';
import { AirmeetFake, samplePayloadFor } from '../fakes/airmeetFake';
import { DEMO_EVENT_ID, DEMO_SESSION_ID, seedDemoCommunity } from '../fakes/sandboxSeed';

const fileStartedAt = Date.now();

let n8n: N8nInstance;
let finish: () => Promise<void>;
let fake: AirmeetFake;
let credential: Credential;

beforeAll(async () => {
	fake = new AirmeetFake();
	await fake.start();
	seedDemoCommunity(fake);
	({ n8n, finish } = await startFileN8n(__filename, fileStartedAt));
	credential = await airmeetCredentialFor(n8n, fake);
}, START_TIMEOUT_MS);

afterAll(async () => {
	await finish?.();
	await fake?.stop();
});

function productionUrl(webhookId: string): string {
	return `${n8n.url}/webhook/${webhookId}/webhook`;
}

async function publish(id: string): Promise<string> {
	await n8n.activate(id);
	return (await n8n.waitForPublication(id)).status;
}

async function unpublish(id: string): Promise<string> {
	await n8n.deactivate(id);
	return (await n8n.waitForPublication(id)).status;
}

async function createExample(key: ExampleKey, copy?: string): Promise<{ id: string; url: string }> {
	const example = prepareExample(key, {
		credentials: { airmeetApi: credential },
		...(copy ? { name: copy, webhookId: randomUUID() } : {}),
	});
	const workflow = await n8n.createWorkflow(example.workflow);
	return { id: workflow.id, url: productionUrl(String(example.webhookId)) };
}

test("the credential's Test button: OK with the right keys, Airmeet's refusal explained otherwise", async () => {
	expect(await n8n.testCredential(credential)).toEqual({ status: 'OK', message: 'Connection successful!' });
	// Airmeet answers wrong keys on /auth with 400 (its API pages, Parsons): the message names both keys and where new ones come from.
	const wrongKeys = await n8n.testCredential(credential, { secretKey: 'not-the-secret' });
	expect(wrongKeys).toEqual({
		status: 'Error',
		message: expect.stringMatching(
			/^Airmeet refused the test \(HTTP 400\): the access key and secret key in the Airmeet credential were not accepted .*Airmeet community dashboard \(Integrations > API Access Key\)/,
		),
	});
	expect(wrongKeys.message).not.toContain('not-the-secret');
	expect(await n8n.testCredential(credential, { baseUrl: `${new URL(fake.baseUrl).origin}/not-the-api` })).toEqual({
		status: 'Error',
		message: 'No Airmeet API answers at this address: check the Region (or the custom Base URL)',
	});
});

describe('the three Airmeet trigger examples', () => {
	const workflows: Record<'event' | 'session' | 'community', { id: string; url: string }> = {
		event: { id: '', url: '' },
		session: { id: '', url: '' },
		community: { id: '', url: '' },
	};

	test('publishing registers exactly one hook each, with the production URL and the right scope', async () => {
		workflows.event = await createExample('airmeetEvent');
		workflows.session = await createExample('airmeetSession');
		workflows.community = await createExample('airmeetCommunity');
		for (const { id } of Object.values(workflows)) await n8n.activate(id);
		for (const { id } of Object.values(workflows)) expect((await n8n.waitForPublication(id)).status).toBe('published');

		expect(fake.hooks).toHaveLength(3);
		const registered = (url: string) =>
			fake.hooksFor(url).map((hook) => ({
				url: hook.url,
				trigger: hook.triggerMetaInfoId,
				name: hook.name,
				platformName: hook.platformName,
				airmeetId: hook.airmeetId ?? null,
				sessionId: hook.sessionId ?? null,
			}));
		const expected = (url: string, trigger: string, name: string, airmeetId: string | null, sessionId: string | null) => [
			{ url, trigger, name, platformName: 'n8n', airmeetId, sessionId },
		];
		expect(registered(workflows.event.url)).toEqual(
			expected(workflows.event.url, 'trigger.airmeet.registrant.added', 'REGISTRANT_ADDED', DEMO_EVENT_ID, null),
		);
		expect(registered(workflows.session.url)).toEqual(
			expected(workflows.session.url, 'trigger.session.attendee.joined', 'ATTENDEE_JOINED_SESSION', DEMO_EVENT_ID, DEMO_SESSION_ID),
		);
		expect(registered(workflows.community.url)).toEqual(
			expected(workflows.community.url, 'trigger.airmeet.created', 'AIRMEET_CREATED', null, null),
		);
	});

	test('a delivery to each starts exactly one successful execution with the payload items', async () => {
		const registrant = samplePayloadFor('trigger.airmeet.registrant.added', DEMO_EVENT_ID);
		const attendees = samplePayloadFor('trigger.session.attendee.joined', DEMO_EVENT_ID);
		const created = samplePayloadFor('trigger.airmeet.created');
		for (const [trigger, payload] of [
			['trigger.airmeet.registrant.added', registrant],
			['trigger.session.attendee.joined', attendees],
			['trigger.airmeet.created', created],
		] as const) {
			expect((await fake.deliver(trigger, payload)).map((result) => result.status)).toEqual([200]);
		}

		const [event] = await n8n.waitForExecutions(workflows.event.id, 1);
		expect(event).toMatchObject({ status: 'success', mode: 'webhook' });
		// Items lead with the trigger that fired.
		expect(nodeItems(event, 'Airmeet Trigger')).toEqual([{ trigger: 'trigger.airmeet.registrant.added', ...(registrant as Record<string, unknown>) }]);
		expect(Object.keys(nodeItems(event, 'Airmeet Trigger')[0])[0]).toBe('trigger');
		expect(nodeItems(event, 'New registrant')).toEqual([
			{ name: 'Ada Lovelace', email: 'ada@example.com', event: 'Product Launch 2026', registeredAt: '2026-11-20T09:00:00.000Z' },
		]);

		// A list delivery gives one item per entry.
		const [session] = await n8n.waitForExecutions(workflows.session.id, 1);
		expect(session.status).toBe('success');
		expect(nodeItems(session, 'Airmeet Trigger')).toEqual(
			(attendees as Array<Record<string, unknown>>).map((attendee) => ({ trigger: 'trigger.session.attendee.joined', ...attendee })),
		);
		expect(nodeItems(session, 'Attendee')).toEqual([
			{ name: 'Ada Lovelace', email: 'ada@example.com', minutesInSession: 42 },
			{ name: 'Grace Hopper', email: 'grace@example.com', minutesInSession: 17 },
		]);

		const [community] = await n8n.waitForExecutions(workflows.community.id, 1);
		expect(community.status).toBe('success');
		expect(nodeItems(community, 'Airmeet Trigger')).toEqual([{ trigger: 'trigger.airmeet.created', ...(created as Record<string, unknown>) }]);
		expect(nodeItems(community, 'New event')).toEqual([
			{ eventId: '11111111-2222-4333-8444-555555555555', name: 'Product Launch 2026', startsAt: '2026-12-01T10:00:00.000Z' },
		]);
	});

	test('an empty list or a body that is not JSON is answered without starting anything', async () => {
		const { url, id } = workflows.community;
		expect((await postRaw(url, '[]')).status).toBe(200);
		// Labelled JSON but not JSON: n8n's own body parser refuses it (422 in 2.41.1) before the node runs.
		const mislabelled = (await postRaw(url, 'not json')).status;
		expect(mislabelled).toBeGreaterThanOrEqual(400);
		expect(mislabelled).toBeLessThan(500);
		// Labelled as text, it reaches the trigger, which reads the raw bytes and refuses them.
		expect((await postRaw(url, 'not json', { 'content-type': 'text/plain' })).status).toBe(400);
		// A valid delivery after them: once its execution is there, anything they had started would be too.
		expect((await fake.deliver('trigger.airmeet.created')).map((result) => result.status)).toEqual([200]);
		const executions = await n8n.waitForExecutions(id, 2);
		expect(executions).toHaveLength(2);
		expect(executions.map((execution) => execution.status)).toEqual(['success', 'success']);
	});

	test('unpublishing deregisters each hook', async () => {
		const ids = fake.hooks.map((hook) => String(hook.id));
		for (const { id } of Object.values(workflows)) expect(await unpublish(id)).toBe('not_published');
		expect(fake.hooks).toEqual([]);
		const deregistered = fake.calls
			.filter((call) => call.path.endsWith('/webhook-deregister'))
			.map((call) => String((call.body as { id?: unknown }).id));
		expect(deregistered.sort()).toEqual(ids.sort());
	});
});

describe('publishing again', () => {
	test.each([
		['community-wide', 'airmeetCommunity'],
		['event-scoped', 'airmeetEvent'],
	] as const)(
		'%s: re-publishing, also after the hook was deleted in Airmeet, leaves exactly one hook',
		async (label, key) => {
			const { id, url } = await createExample(key, `Airmeet ${label} re-publish`);
			expect(await publish(id)).toBe('published');
			const [first] = fake.hooksFor(url);
			expect(first).toBeDefined();

			expect(await publish(id)).toBe('published'); // already published: nothing changes
			expect(fake.hooksFor(url).map((hook) => hook.id)).toEqual([first.id]);

			expect(await unpublish(id)).toBe('not_published');
			expect(await publish(id)).toBe('published');
			const [second, ...more] = fake.hooksFor(url);
			expect(more).toEqual([]);
			expect(second.id).not.toBe(first.id);

			// Deleted in Airmeet's dashboard; a community-wide hook cannot even be listed, so only
			// the unpublish (deregistration meets a 404, fine) + publish cycle brings it back.
			fake.removeHook(second.id);
			expect(await unpublish(id)).toBe('not_published');
			expect(await publish(id)).toBe('published');
			expect(fake.hooksFor(url)).toHaveLength(1);
			expect((await fake.deliver(fake.hooksFor(url)[0].triggerMetaInfoId, undefined, { url })).map((result) => result.status)).toEqual([200]);
			expect((await n8n.waitForExecutions(id, 1))[0].status).toBe('success');

			expect(await unpublish(id)).toBe('not_published');
			expect(fake.hooksFor(url)).toEqual([]);
		},
	);
});

describe('Airmeet failing while n8n publishes', () => {
	afterEach(() => fake.clearFaults());

	test('HTTP 200 with a failure in the body counts as a failure: n8n tries again and ends with one hook', async () => {
		const { id, url } = await createExample('airmeetEvent', 'Airmeet failure in body');
		const registerPath = '/platform-integration/v1/webhook-register';
		fake.failInBody({ method: 'POST', path: registerPath }, 'Internal error', '500', 1);
		const before = fake.count({ method: 'POST', path: registerPath });
		expect(await publish(id)).toBe('published');
		expect(fake.count({ method: 'POST', path: registerPath }) - before).toBe(2);
		expect(fake.hooksFor(url)).toHaveLength(1);
		expect(await unpublish(id)).toBe('not_published');
		expect(fake.hooksFor(url)).toEqual([]);
	});

	test('a 5xx on every attempt: no hook and nothing served at the URL; a later publish gives one hook', async () => {
		const { id, url } = await createExample('airmeetSession', 'Airmeet down');
		const registerPath = '/platform-integration/v1/webhook-register';
		fake.inject({ method: 'POST', path: registerPath }, { kind: 'status', status: 502 }, 100);
		await n8n.activate(id);
		const failed = await n8n.waitForPublication(id, 60_000);
		expect(failed.status).toBe('failed');
		expect(failed.triggers[0]?.errorMessage).toMatch(/^Airmeet could not .*502/);
		expect(fake.hooksFor(url)).toEqual([]);
		expect((await postRaw(url, '{}')).status).toBe(404);

		fake.clearFaults();
		expect(await publish(id)).toBe('published');
		expect(fake.hooksFor(url)).toHaveLength(1);
		expect(await unpublish(id)).toBe('not_published');
		expect(fake.hooksFor(url)).toEqual([]);
	}, 120_000);
});
