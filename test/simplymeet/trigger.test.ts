import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { signBody } from '../../nodes/SimplyMeet/signature';
import { postJson } from '../fakes/fakeService';
import { SIGNATURE_ENCODINGS, sampleMeeting, simplyMeetSignature } from '../fakes/simplyMeetFake';
import type { TriggerUnderTest } from '../harness/n8nHarness';
import { caught, errorText } from '../harness/errors';
import { captureLogs, withCapturedLogs } from '../harness/logs';
import { useSimplyMeetWorld } from './world';

const { fake, n8n, credentials } = useSimplyMeetWorld();

function newTrigger(events: string[] = ['meetingScheduled']): TriggerUnderTest {
	return n8n.trigger('simplyMeetTrigger', { parameters: { events }, credentials: credentials() });
}

describe('publishing', () => {
	it('registers one hook with our URL, the chosen events and a fresh secret', async () => {
		const trigger = newTrigger(['meetingScheduled', 'meetingCancelled']);
		await trigger.publish();

		const hooks = fake.hooksFor(trigger.productionUrl);
		expect(hooks).toHaveLength(1);
		expect(hooks[0].events.sort()).toEqual(['meetingCancelled', 'meetingScheduled']);
		expect(hooks[0].secret).toMatch(/^[0-9a-f]{64}$/);
		expect(fake.count({ method: 'GET', path: '/webhooks' })).toBe(1);
		expect(fake.count({ method: 'POST', path: '/webhooks' })).toBe(1);
		const stored = trigger.nodeStaticData.hooks as Record<string, { id: string }>;
		expect(stored[trigger.productionUrl].id).toBe(hooks[0].uuid);
	});

	it('sends the API key and asks for pages of 50, the largest a released client uses', async () => {
		await newTrigger().publish();
		const list = fake.calls.find((call) => call.method === 'GET');
		expect(list?.headers['x-api-key']).toBe(fake.apiKey);
		expect(list?.query.get('limit')).toBe('50');
	});

	it('secrets differ between hooks', async () => {
		const first = newTrigger();
		const second = newTrigger();
		await first.publish();
		await second.publish();
		expect(fake.hooksFor(first.productionUrl)[0].secret).not.toBe(fake.hooksFor(second.productionUrl)[0].secret);
	});

	it('after a restart with the hook still live, adopts it and creates nothing', async () => {
		const trigger = newTrigger();
		await trigger.publish();
		const uuid = fake.hooksFor(trigger.productionUrl)[0].uuid;
		trigger.restart();
		fake.resetCalls();

		await trigger.publish();

		expect(fake.count({ method: 'POST' })).toBe(0);
		expect(fake.hooksFor(trigger.productionUrl).map((hook) => hook.uuid)).toEqual([uuid]);
		const delivery = await fake.deliver('meetingScheduled');
		expect(delivery.map((result) => result.status)).toEqual([200]);
	});

	it('finds our hook on a later page among 30 others and adopts it, even without stored data', async () => {
		for (let i = 0; i < 30; i++) fake.seedHook({ url: `https://elsewhere.example/${i}` });
		const trigger = newTrigger();
		await trigger.publish();
		const ours = fake.hooksFor(trigger.productionUrl)[0];
		// Move ours to the end, and lose n8n's static data.
		fake.removeHook(ours.uuid);
		fake.hooks.push(ours);
		trigger.forgetStaticData();
		fake.resetCalls();

		await trigger.publish();

		expect(fake.count({ method: 'GET', path: '/webhooks' })).toBe(4); // 31 hooks, pages of 10
		expect(fake.count({ method: 'POST' })).toBe(0);
		expect(fake.hooks).toHaveLength(31);
		const stored = trigger.nodeStaticData.hooks as Record<string, { id: string; secret: string }>;
		expect(stored[trigger.productionUrl]).toMatchObject({ id: ours.uuid, secret: ours.secret });
	});

	it('re-creates a hook that was deleted by hand on SimplyMeet', async () => {
		const trigger = newTrigger();
		await trigger.publish();
		fake.removeHook(fake.hooksFor(trigger.productionUrl)[0].uuid);
		trigger.restart();

		await trigger.publish();

		expect(fake.hooksFor(trigger.productionUrl)).toHaveLength(1);
		expect((await fake.deliver('meetingScheduled')).map((result) => result.status)).toEqual([200]);
		expect(trigger.executions).toHaveLength(1);
	});

	it('does not adopt a hook on our URL with another event set: replaces it', async () => {
		const trigger = newTrigger(['meetingScheduled']);
		const old = fake.seedHook({ url: trigger.productionUrl, events: ['meetingCancelled'] });

		await trigger.publish();

		const hooks = fake.hooksFor(trigger.productionUrl);
		expect(hooks).toHaveLength(1);
		expect(hooks[0].uuid).not.toBe(old.uuid);
		expect(hooks[0].events).toEqual(['meetingScheduled']);
	});

	it('does not adopt a hook on our URL that has no secret, since deliveries could not be verified', async () => {
		const trigger = newTrigger();
		fake.seedHook({ url: trigger.productionUrl, secret: null });
		await trigger.publish();
		const hooks = fake.hooksFor(trigger.productionUrl);
		expect(hooks).toHaveLength(1);
		expect(hooks[0].secret).toMatch(/^[0-9a-f]{64}$/);
	});

	it('collapses duplicate hooks on our URL to one', async () => {
		const trigger = newTrigger();
		fake.seedHook({ url: trigger.productionUrl });
		fake.seedHook({ url: trigger.productionUrl });
		await trigger.publish();
		expect(fake.hooksFor(trigger.productionUrl)).toHaveLength(1);
		expect(fake.count({ method: 'POST' })).toBe(0);
	});

	it('a re-publish (unpublish, publish) ends with exactly one hook', async () => {
		const trigger = newTrigger();
		await trigger.publish();
		await trigger.unpublish();
		await trigger.publish();
		expect(fake.hooksFor(trigger.productionUrl)).toHaveLength(1);
		expect(fake.hooks).toHaveLength(1);
	});

	it('tolerates slow answers', async () => {
		fake.inject({ method: 'GET' }, { kind: 'delay', ms: 300 });
		fake.inject({ method: 'POST' }, { kind: 'delay', ms: 300 });
		const trigger = newTrigger();
		await trigger.publish();
		expect(fake.hooksFor(trigger.productionUrl)).toHaveLength(1);
	});
});

describe('configuration mistakes', () => {
	it.each(['checkExists', 'create'] as const)('an empty Events field fails in %s before any call, naming the field', async (method) => {
		const error = await caught(newTrigger([]).run(method));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('"Events"');
		expect(fake.calls).toHaveLength(0);
	});

	it('an unknown event fails before any call', async () => {
		const error = await caught(newTrigger(['meetingExploded']).run('checkExists'));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('meetingExploded');
		expect(fake.calls).toHaveLength(0);
	});

	it('publishing with a mistake registers nothing', async () => {
		await expect(newTrigger([]).publish()).rejects.toThrow('"Events"');
		expect(fake.count({ method: 'POST' })).toBe(0);
		expect(fake.hooks).toHaveLength(0);
	});
});

describe('remote failures', () => {
	it('a 5xx on create gives a clear error, stores nothing and leaves no hook; a later publish works', async () => {
		fake.inject({ method: 'POST', path: '/webhooks' }, { kind: 'status', status: 503, body: { code: 503, message: 'Service Unavailable' } });
		const trigger = newTrigger();

		const error = await caught(trigger.publish());

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('Service Unavailable');
		expect(error.message).toContain('503');
		expect((error as NodeApiError).description).toMatch(/retry/i);
		expect(trigger.nodeStaticData.hooks).toBeUndefined();
		expect(fake.hooks).toHaveLength(0);

		await trigger.publish();
		expect(fake.hooksFor(trigger.productionUrl)).toHaveLength(1);
	});

	it('a hook created although the answer was lost is cleaned up by n8n\'s delete after the failure', async () => {
		const trigger = newTrigger();
		// SimplyMeet creates the hook but the connection drops before the answer.
		fake.inject({ method: 'POST', path: '/webhooks' }, { kind: 'dropAnswer' });
		const error = await caught(trigger.publish());
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/SimplyMeet could not create the webhook/);
		expect((error as NodeApiError).description).toMatch(/reach SimplyMeet/);
		expect(fake.count({ method: 'POST' })).toBe(1);
		expect(fake.hooksFor(trigger.productionUrl)).toHaveLength(0);
	});

	it('a 422 names the offending field in SimplyMeet\'s words', async () => {
		fake.inject(
			{ method: 'POST', path: '/webhooks' },
			{ kind: 'status', status: 422, body: { message: 'Invalid arguments', errors: { url: ['This value is not a valid URL.'] } } },
		);
		const error = await caught(newTrigger().publish());
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('url: This value is not a valid URL.');
	});

	it('a wrong API key gives SimplyMeet\'s message and a hint, without the key', async () => {
		const trigger = n8n.trigger('simplyMeetTrigger', {
			parameters: { events: ['meetingScheduled'] },
			credentials: credentials('wrong-key-123456'),
		});
		const error = await caught(trigger.publish());
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('Invalid API key.');
		expect((error as NodeApiError).description).toContain('API key');
		expect(errorText(error)).not.toContain('wrong-key-123456');
	});

	it('never shows a secret that the service echoes back in its error', async () => {
		fake.inject(
			{ method: 'POST', path: '/webhooks' },
			{ kind: 'status', status: 422, body: { message: `Bad key ${fake.apiKey}`, errors: { secret: ['too weak'] } } },
		);
		const error = await caught(newTrigger().publish());
		expect(error.message).toContain('[redacted]');
		expect(errorText(error)).not.toContain(fake.apiKey);
	});
});

describe('unpublishing', () => {
	it('removes the hook and clears the static data', async () => {
		const trigger = newTrigger();
		await trigger.publish();
		await trigger.unpublish();
		expect(fake.hooks).toHaveLength(0);
		expect(trigger.nodeStaticData.hooks).toBeUndefined();
	});

	it('a 404 counts as gone', async () => {
		const trigger = newTrigger();
		await trigger.publish();
		fake.removeHook(fake.hooksFor(trigger.productionUrl)[0].uuid);
		await trigger.unpublish();
		expect(fake.count({ method: 'DELETE' })).toBe(1);
		expect(trigger.nodeStaticData.hooks).toBeUndefined();
	});

	it('any other failure is logged with the hook id and SimplyMeet\'s message, never thrown, and the hook stays stored', async () => {
		const trigger = newTrigger();
		await trigger.publish();
		fake.inject({ method: 'DELETE' }, { kind: 'status', status: 500, body: { code: 500, message: 'Internal error' } });
		const hookId = fake.hooks[0].uuid;
		const logs = captureLogs();
		try {
			// A throw would make n8n keep its record of the webhook, and the next publish would call nothing.
			await trigger.unpublish();
		} finally {
			logs.restore();
		}
		const errors = logs.lines.filter((line) => line.level === 'error');
		expect(errors).toHaveLength(1);
		expect(errors[0].message).toContain(`delete webhook ${hookId} (HTTP 500): Internal error`);
		expect(errors[0].message).not.toContain(fake.apiKey);
		expect(trigger.nodeStaticData.hooks).toBeDefined();
		await trigger.unpublish();
		expect(fake.hooks).toHaveLength(0);
		expect(trigger.nodeStaticData.hooks).toBeUndefined();
	});

	it('with no stored hook, removes whatever points at our URL', async () => {
		const trigger = newTrigger();
		fake.seedHook({ url: trigger.productionUrl });
		fake.seedHook({ url: 'https://elsewhere.example/keep' });
		await trigger.unpublish();
		expect(fake.hooksFor(trigger.productionUrl)).toHaveLength(0);
		expect(fake.hooks).toHaveLength(1);
	});
});

describe('no silent outage', () => {
	it('a delivery never writes static data, whatever its outcome, so it cannot overwrite a concurrent publish', async () => {
		const trigger = newTrigger();
		await trigger.publish();
		trigger.markStaticDataSaved();
		const secret = fake.hooksFor(trigger.productionUrl)[0].secret ?? '';
		const raw = JSON.stringify({ data: sampleMeeting('meetingScheduled') });
		expect((await postJson(trigger.productionUrl, raw, { 'webhook-signature': signBody(secret, raw) })).status).toBe(200);
		expect((await postJson(trigger.productionUrl, raw, {})).status).toBe(401);
		expect(trigger.staticDataChanged).toBe(false);
		// A request that started before create stored anything (n8n loaded empty static data).
		trigger.forgetStaticData();
		trigger.markStaticDataSaved();
		const logs = captureLogs();
		try {
			expect((await postJson(trigger.productionUrl, raw, { 'webhook-signature': signBody(secret, raw) })).status).toBe(404);
		} finally {
			logs.restore();
		}
		expect(trigger.staticDataChanged).toBe(false);
		expect(trigger.nodeStaticData).toEqual({});
		expect(logs.lines.map((line) => line.level)).toEqual(['warn']);
		expect(logs.lines[0].message).toMatch(/unpublish and publish it again/);
	});

	it('a failed publish leaves n8n nothing to keep: delete() survives a failing sweep, and the fixed credential registers', async () => {
		const trigger = n8n.trigger('simplyMeetTrigger', {
			parameters: { events: ['meetingScheduled'] },
			credentials: credentials('wrong-key-123456'),
		});
		const logs = captureLogs();
		let error: Error;
		try {
			error = await caught(trigger.publish());
		} finally {
			logs.restore();
		}
		expect(error.message).toBe('SimplyMeet could not list webhooks (HTTP 401): Invalid API key.');
		// The sweep's own listing failed too; it is logged, and n8n can drop its record of the URL.
		expect(fake.count({ method: 'GET', path: '/webhooks' })).toBe(2);
		expect(trigger.isRouted()).toBe(false);
		expect(logs.lines.filter((line) => line.level === 'error').map((line) => line.message)).toEqual([
			expect.stringMatching(/could not list webhooks \(HTTP 401\).*the next publish removes them/),
		]);
		expect(errorText(error) + logs.lines.map((line) => line.message).join()).not.toContain('wrong-key-123456');

		trigger.node.credentials = credentials();
		await trigger.publish();
		expect(fake.hooksFor(trigger.productionUrl)).toHaveLength(1);
		const [delivered] = await fake.deliver('meetingScheduled');
		expect(delivered.status).toBe(200);
		expect(trigger.executions).toHaveLength(1);
	});

	it('checks a delivery against the secret of the URL it came in on, not any stored one', async () => {
		const trigger = newTrigger();
		await trigger.publish();
		await trigger.listenForTestEvent();
		const productionSecret = fake.hooksFor(trigger.productionUrl)[0].secret ?? '';
		const testSecret = fake.hooksFor(trigger.testUrl)[0].secret ?? '';
		expect(testSecret).not.toBe(productionSecret);
		const raw = JSON.stringify({ data: sampleMeeting('meetingScheduled') });
		const send = async (url: string, secret: string) =>
			(await postJson(url, raw, { 'webhook-signature': signBody(secret, raw) })).status;
		expect(await send(trigger.productionUrl, testSecret)).toBe(401);
		expect(await send(trigger.testUrl, productionSecret)).toBe(401);
		expect(trigger.executions).toHaveLength(0);
		expect(await send(trigger.productionUrl, productionSecret)).toBe(200);
		expect(await send(trigger.testUrl, testSecret)).toBe(200);
		expect(trigger.executions).toHaveLength(2);
	});

	it('a test URL with no registration of its own answers 404, even while the published hook exists', async () => {
		const trigger = newTrigger();
		await trigger.publish();
		const secret = fake.hooksFor(trigger.productionUrl)[0].secret ?? '';
		const raw = JSON.stringify({ data: sampleMeeting('meetingScheduled') });
		const logs = captureLogs();
		try {
			// What n8n would run if it still routed the test URL to the node.
			n8n.register(new URL(trigger.testUrl).pathname, trigger);
			expect((await postJson(trigger.testUrl, raw, { 'webhook-signature': signBody(secret, raw) })).status).toBe(404);
		} finally {
			logs.restore();
			n8n.unregister(new URL(trigger.testUrl).pathname);
		}
		expect(trigger.executions).toHaveLength(0);
	});
});

describe('rate limits (429)', () => {
	const rateLimited = (retryAfter: string) => ({
		kind: 'status' as const,
		status: 429,
		body: { code: 429, message: 'Too many requests' },
		headers: { 'retry-after': retryAfter },
	});

	it('waits as long as Retry-After (seconds) asks, then the publish goes on', async () => {
		fake.inject({ method: 'GET', path: '/webhooks' }, rateLimited('1'));
		const trigger = newTrigger();
		await trigger.publish();
		const lists = fake.calls.filter((call) => call.method === 'GET');
		expect(lists).toHaveLength(2);
		expect(lists[1].at - lists[0].at).toBeGreaterThanOrEqual(1000);
		expect(fake.hooksFor(trigger.productionUrl)).toHaveLength(1);
	});

	it('retries a rate-limited create (nothing was created) after a Retry-After given as an HTTP date', async () => {
		fake.inject({ method: 'POST', path: '/webhooks' }, rateLimited(new Date(Date.now() + 2000).toUTCString()));
		const trigger = newTrigger();
		await trigger.publish();
		const creates = fake.calls.filter((call) => call.method === 'POST');
		expect(creates).toHaveLength(2);
		expect(creates[1].at - creates[0].at).toBeGreaterThanOrEqual(900);
		expect(fake.hooksFor(trigger.productionUrl)).toHaveLength(1);
	});

	const listWebhooks = () =>
		n8n.execute('simplyMeet', { parameters: { resource: 'webhook', operation: 'getAll', returnAll: true }, credentials: credentials() });

	it('does not wait for a Retry-After beyond the cap: the service\'s message is shown at once', async () => {
		fake.inject({ method: 'GET', path: '/webhooks' }, rateLimited('3600'));
		const error = await caught(listWebhooks());
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('SimplyMeet could not list webhooks (HTTP 429): Too many requests');
		expect((error as NodeApiError).description).toMatch(/rate-limiting/);
		expect(fake.count({ method: 'GET' })).toBe(1);
	});

	it('gives up after three retries with the service\'s message', async () => {
		fake.inject({ method: 'GET', path: '/webhooks' }, rateLimited('0'), 4);
		const error = await caught(listWebhooks());
		expect(error.message).toBe('SimplyMeet could not list webhooks (HTTP 429): Too many requests');
		expect(fake.count({ method: 'GET' })).toBe(4);
	});
});

describe('a test run beside the published workflow', () => {
	it('uses its own hook and secret, and leaves exactly the published hook behind', async () => {
		const trigger = newTrigger();
		await trigger.publish();
		const published = fake.hooksFor(trigger.productionUrl)[0];

		await trigger.listenForTestEvent();
		expect(fake.hooksFor(trigger.testUrl)).toHaveLength(1);
		expect(fake.hooksFor(trigger.productionUrl)).toEqual([published]);
		const duringTest = await fake.deliver('meetingScheduled');
		expect(duringTest.map((result) => result.status)).toEqual([200, 200]);

		await trigger.stopListening();
		expect(fake.hooks).toEqual([published]);
		const afterTest = await fake.deliver('meetingScheduled');
		expect(afterTest).toEqual([expect.objectContaining({ url: trigger.productionUrl, status: 200 })]);
		expect(trigger.executions).toHaveLength(3);
	});
});

describe('deliveries', () => {
	async function published(events = ['meetingScheduled', 'meetingCancelled', 'meetingRescheduled']) {
		const trigger = newTrigger(events);
		await trigger.publish();
		return trigger;
	}

	it('a wrapped payload becomes one item: the meeting plus its event', async () => {
		const trigger = await published();
		const meeting = sampleMeeting('meetingScheduled');
		const [result] = await fake.deliver('meetingScheduled', { meeting, shape: 'wrapped' });
		expect(result.status).toBe(200);
		expect(trigger.executions).toHaveLength(1);
		expect(trigger.executions[0]).toHaveLength(1);
		expect(trigger.executions[0][0].json).toEqual({ event: 'meetingScheduled', ...meeting });
	});

	it('a flat payload gives the same item', async () => {
		const trigger = await published();
		const meeting = sampleMeeting('meetingScheduled');
		await fake.deliver('meetingScheduled', { meeting, shape: 'flat' });
		expect(trigger.executions[0][0].json).toEqual({ event: 'meetingScheduled', ...meeting });
	});

	it.each(['meetingCancelled', 'meetingRescheduled'])('infers %s from the meeting', async (event) => {
		const trigger = await published();
		await fake.deliver(event);
		expect(trigger.executions[0][0].json.event).toBe(event);
	});

	it('a hook for one event labels each delivery with it, even a meeting that looks like another', async () => {
		const trigger = await published(['meetingRescheduled']);
		const meeting = sampleMeeting('meetingScheduled');
		expect((await fake.deliver('meetingRescheduled', { meeting })).map((result) => result.status)).toEqual([200]);
		expect(trigger.executions[0][0].json).toEqual({ event: 'meetingRescheduled', ...meeting });
	});

	it('a hook for several events infers each from the meeting', async () => {
		const trigger = await published(['meetingRescheduled', 'meetingScheduled']);
		await fake.deliver('meetingRescheduled', { meeting: sampleMeeting('meetingScheduled') });
		await fake.deliver('meetingRescheduled');
		expect(trigger.executions.map((items) => items[0].json.event)).toEqual(['meetingScheduled', 'meetingRescheduled']);
	});

	it.each(SIGNATURE_ENCODINGS)('accepts a delivery signed as %s, and only with the hook\'s secret', async (encoding) => {
		const trigger = await published();
		expect((await fake.deliver('meetingScheduled', { encoding })).map((result) => result.status)).toEqual([200]);
		const raw = JSON.stringify({ data: sampleMeeting('meetingScheduled') });
		const forged = await postJson(trigger.productionUrl, raw, { 'webhook-signature': simplyMeetSignature('not-our-secret', raw, encoding) });
		expect(forged.status).toBe(401);
		expect(trigger.executions).toHaveLength(1);
	});

	it('rejects a forged signature with 401 and starts nothing', async () => {
		const trigger = await published();
		const raw = JSON.stringify({ data: sampleMeeting('meetingScheduled') });
		const result = await postJson(trigger.productionUrl, raw, { 'webhook-signature': signBody('not-our-secret', raw) });
		expect(result.status).toBe(401);
		expect(trigger.executions).toHaveLength(0);
	});

	it('rejects an altered body with 401', async () => {
		const trigger = await published();
		const secret = fake.hooksFor(trigger.productionUrl)[0].secret ?? '';
		const raw = JSON.stringify({ data: sampleMeeting('meetingScheduled') });
		const result = await postJson(trigger.productionUrl, raw.replace('Ada', 'Eve'), {
			'webhook-signature': signBody(secret, raw),
		});
		expect(result.status).toBe(401);
		expect(trigger.executions).toHaveLength(0);
	});

	it('rejects a missing signature with 401', async () => {
		const trigger = await published();
		const result = await postJson(trigger.productionUrl, JSON.stringify({ data: sampleMeeting('meetingScheduled') }), {});
		expect(result.status).toBe(401);
		expect(result.body).not.toContain(fake.hooksFor(trigger.productionUrl)[0].secret ?? 'no secret');
		expect(trigger.executions).toHaveLength(0);
	});

	it('accepts a signature with a sha256= prefix', async () => {
		const trigger = await published();
		const secret = fake.hooksFor(trigger.productionUrl)[0].secret ?? '';
		const raw = JSON.stringify(sampleMeeting('meetingScheduled'));
		const result = await postJson(trigger.productionUrl, raw, { 'webhook-signature': `sha256=${signBody(secret, raw)}` });
		expect(result.status).toBe(200);
		expect(trigger.executions).toHaveLength(1);
	});

	it('a signed body that is not a meeting gets 400 and starts nothing', async () => {
		const trigger = await published();
		const secret = fake.hooksFor(trigger.productionUrl)[0].secret ?? '';
		const raw = '[1,2,3]';
		const result = await postJson(trigger.productionUrl, raw, { 'webhook-signature': signBody(secret, raw) });
		expect(result.status).toBe(400);
		expect(trigger.executions).toHaveLength(0);
	});

	it('every delivery starts exactly one execution', async () => {
		const trigger = await published();
		for (let i = 0; i < 20; i++) await fake.deliver('meetingScheduled');
		expect(trigger.executions).toHaveLength(20);
		expect(new Set(trigger.executions.map((items) => items[0].json.uuid)).size).toBe(20);
	});
});

describe('a changed n8n address (N8N_WEBHOOK_URL)', () => {
	/** The same n8n under another origin: `localhost` reaches the server `127.0.0.1` listens on. */
	const moveN8n = () => {
		n8n.webhookOrigin = n8n.baseUrl.replace('127.0.0.1', 'localhost');
	};
	afterEach(() => {
		n8n.webhookOrigin = undefined;
	});

	async function publishedBeforeTheMove(): Promise<{ trigger: TriggerUnderTest; oldUrl: string; oldId: string }> {
		const trigger = newTrigger();
		await trigger.publish();
		const oldUrl = trigger.productionUrl;
		const oldId = fake.hooksFor(oldUrl)[0].uuid;
		trigger.restart();
		moveN8n();
		fake.resetCalls();
		return { trigger, oldUrl, oldId };
	}

	it('deliveries to the old address run, warned once per hook in the log, and write no static data', async () => {
		const { trigger, oldUrl } = await publishedBeforeTheMove();
		expect(trigger.productionUrl).not.toBe(oldUrl);
		trigger.markStaticDataSaved();
		const { result: deliveries, lines } = await withCapturedLogs(async () => [
			...(await fake.deliver('meetingScheduled')),
			...(await fake.deliver('meetingScheduled')),
		]);
		expect(deliveries.map((result) => [result.url, result.status])).toEqual([
			[oldUrl, 200],
			[oldUrl, 200],
		]);
		expect(trigger.executions).toHaveLength(2);
		expect(lines).toEqual([
			{
				level: 'warn',
				message: expect.stringContaining(
					`SimplyMeet still delivers to ${oldUrl}, an address n8n had when the webhook was registered; the delivery is served, but unpublish and publish the workflow again to move the webhook to ${trigger.productionUrl}`,
				),
			},
		]);
		expect(trigger.staticDataChanged).toBe(false);
		expect(fake.count()).toBe(0);
	});

	it('the old address opens only with its own secret: a forged or test signature is refused', async () => {
		const { trigger, oldUrl } = await publishedBeforeTheMove();
		await trigger.listenForTestEvent();
		const testSecret = fake.hooksFor(trigger.testUrl)[0].secret ?? '';
		const oldSecret = fake.hooksFor(oldUrl)[0].secret ?? '';
		const raw = JSON.stringify({ data: sampleMeeting('meetingScheduled') });
		const send = async (url: string, secret: string) => (await postJson(url, raw, { 'webhook-signature': signBody(secret, raw) })).status;
		expect(await send(oldUrl, testSecret)).toBe(401);
		expect(await send(trigger.productionUrl, testSecret)).toBe(401);
		expect(await send(trigger.testUrl, oldSecret)).toBe(401);
		expect(await send(oldUrl, 'not-the-secret')).toBe(401);
		expect(trigger.executions).toHaveLength(0);
		expect(await send(oldUrl, oldSecret)).toBe(200);
		expect(await send(trigger.productionUrl, oldSecret)).toBe(200);
		expect(await send(trigger.testUrl, testSecret)).toBe(200);
		expect(trigger.executions).toHaveLength(3);
	});

	it('publishing again removes the hook at the old address by its stored id and leaves exactly one at the new URL', async () => {
		const { trigger, oldUrl, oldId } = await publishedBeforeTheMove();
		const elsewhere = fake.seedHook({ url: 'https://other-n8n.example/webhook/x/webhook', events: ['meetingCancelled'] });

		await trigger.publish();

		expect(fake.calls.filter((call) => call.method === 'DELETE').map((call) => call.path)).toEqual([`/webhooks/${oldId}`]);
		expect(fake.count({ method: 'POST', path: '/webhooks' })).toBe(1);
		expect(fake.hooksFor(oldUrl)).toEqual([]);
		expect(fake.hooksFor(trigger.productionUrl)).toHaveLength(1);
		expect(fake.hooks).toHaveLength(2);
		expect(fake.hooks).toContainEqual(elsewhere);
		expect(Object.keys(trigger.nodeStaticData.hooks as object)).toEqual([trigger.productionUrl]);
		expect((await fake.deliver('meetingScheduled')).map((result) => [result.url, result.status])).toEqual([[trigger.productionUrl, 200]]);
	});

	it('unpublishing without publishing again removes the hook stored at the old address', async () => {
		const { trigger, oldId } = await publishedBeforeTheMove();

		await trigger.unpublish();

		expect(fake.calls.map((call) => `${call.method} ${call.path}`)).toEqual([`DELETE /webhooks/${oldId}`]);
		expect(fake.hooks).toEqual([]);
		expect(trigger.nodeStaticData).toEqual({});
	});

	it('when the old hook cannot be removed, publishing fails before registering, the hook stays stored, and unpublishing removes it later', async () => {
		const { trigger, oldUrl, oldId } = await publishedBeforeTheMove();
		fake.inject({ method: 'DELETE', path: `/webhooks/${oldId}` }, { kind: 'status', status: 500, body: { code: 500, message: 'Internal error' } }, 2);
		const { result: error, lines } = await withCapturedLogs(async () => await caught(trigger.publish()));
		expect(error.message).toMatch(/SimplyMeet could not delete .*\(HTTP 500\): Internal error/);
		// checkExists' removal, then the removal in n8n's delete() after the failure.
		expect(fake.count({ method: 'DELETE' })).toBe(2);
		expect(fake.count({ method: 'POST' })).toBe(0);
		expect(fake.hooks.map((hook) => hook.url)).toEqual([oldUrl]);
		expect(Object.keys(trigger.nodeStaticData.hooks as object)).toEqual([oldUrl]);
		expect(lines.filter((line) => line.level === 'error').map((line) => line.message)).toEqual([
			expect.stringContaining(`The webhook ${oldId} may still exist in SimplyMeet`),
		]);

		await trigger.unpublish();
		expect(fake.count({ method: 'DELETE' })).toBe(3);
		expect(fake.hooks).toEqual([]);
		expect(trigger.nodeStaticData).toEqual({});
	});

	it('a copy carrying the original\'s static data never removes the original\'s hook, at any address', async () => {
		const { trigger: original, oldUrl, oldId } = await publishedBeforeTheMove();
		const copy = newTrigger();
		copy.carryStaticDataOf(original);

		await copy.publish();
		await copy.unpublish();

		expect(fake.calls.filter((call) => call.method === 'DELETE').map((call) => call.path)).not.toContain(`/webhooks/${oldId}`);
		expect(fake.hooks.map((hook) => hook.uuid)).toEqual([oldId]);
		expect((await fake.deliver('meetingScheduled')).map((result) => [result.url, result.status])).toEqual([[oldUrl, 200]]);
		expect(original.executions).toHaveLength(1);
		expect(copy.executions).toHaveLength(0);
	});
});
