import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { useSimplyMeetWorld } from './world';

const { fake, n8n, credentials } = useSimplyMeetWorld();

async function run(parameters: INodeParameters, options: { continueOnFail?: boolean; input?: IDataObject[] } = {}) {
	const [items] = await n8n.execute(
		'simplyMeet',
		{
			parameters: { resource: 'webhook', ...parameters },
			credentials: credentials(),
			onError: options.continueOnFail ? 'continueRegularOutput' : undefined,
		},
		options.input,
	);
	return items.map((item) => item.json);
}

describe('webhook: get many', () => {
	beforeEach(() => {
		for (let i = 0; i < 25; i++) fake.seedHook({ url: `https://example.com/hook/${i}` });
	});

	it('returns every hook across pages with Return All, one call per page', async () => {
		const hooks = await run({ operation: 'getAll', returnAll: true });
		expect(hooks).toHaveLength(25);
		expect(hooks.map((hook) => hook.url)).toEqual(fake.hooks.map((hook) => hook.url));
		expect(fake.count({ method: 'GET' })).toBe(3);
	});

	it('stops at the limit', async () => {
		const hooks = await run({ operation: 'getAll', returnAll: false, limit: 5 });
		expect(hooks).toHaveLength(5);
		expect(fake.count({ method: 'GET' })).toBe(1);
		expect(fake.calls[0].query.get('limit')).toBe('5');
	});

	it('never outputs a signing secret, only whether one is set', async () => {
		const hooks = await run({ operation: 'getAll', returnAll: true });
		expect(hooks.every((hook) => hook.secret === undefined && hook.hasSecret === true)).toBe(true);
		const output = JSON.stringify(hooks);
		for (const hook of fake.hooks) expect(output).not.toContain(String(hook.secret));
	});
});

describe('webhook: create', () => {
	it('registers the hook with the given secret and outputs it without the secret', async () => {
		const [created] = await run({
			operation: 'create',
			url: 'https://example.com/receiver',
			events: ['meetingCancelled'],
			secret: 'my-own-signing-secret',
		});
		expect(fake.hooks).toHaveLength(1);
		expect(fake.hooks[0]).toMatchObject({ url: 'https://example.com/receiver', events: ['meetingCancelled'], secret: 'my-own-signing-secret' });
		expect(created).toMatchObject({ uuid: fake.hooks[0].uuid, url: 'https://example.com/receiver', hasSecret: true });
		expect(JSON.stringify(created)).not.toContain('my-own-signing-secret');
	});

	it('generates a secret when none is given, since SimplyMeet wants one', async () => {
		await run({ operation: 'create', url: 'https://example.com/receiver', events: ['meetingScheduled'], secret: '' });
		expect(fake.hooks[0].secret).toMatch(/^[0-9a-f]{64}$/);
	});

	it.each(['', 'not a url', 'ftp://example.com/x'])('refuses the URL %j before any call, naming the field', async (url) => {
		const error = await run({ operation: 'create', url, events: ['meetingScheduled'] }).catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toContain('"URL"');
		expect(fake.calls).toHaveLength(0);
	});

	it('takes the events as text too, the way an expression or an AI agent gives them', async () => {
		await run({ operation: 'create', url: 'https://example.com/text', events: 'meetingScheduled, meetingCancelled' });
		await run({ operation: 'create', url: 'https://example.com/json', events: '["meetingRescheduled"]' });
		expect(fake.hooks.map((hook) => [hook.url, hook.events])).toEqual([
			['https://example.com/text', ['meetingCancelled', 'meetingScheduled']],
			['https://example.com/json', ['meetingRescheduled']],
		]);
	});

	it('refuses unknown events before any call, listing the ones it takes', async () => {
		const error = await run({ operation: 'create', url: 'https://example.com/x', events: 'meetingScheduled, meetingBooked' }).catch(
			(e: Error) => e,
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toBe(
			'The "Events" field has values it does not take: "meetingBooked". Use one of: meetingCancelled, meetingRescheduled, meetingScheduled',
		);
		expect(fake.calls).toHaveLength(0);
	});

	it('refuses an empty event list before any call', async () => {
		const error = await run({ operation: 'create', url: 'https://example.com/x', events: [] }).catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toContain('"Events"');
		expect(fake.calls).toHaveLength(0);
	});

	it('passes on SimplyMeet\'s 422 naming the field', async () => {
		fake.inject(
			{ method: 'POST' },
			{ kind: 'status', status: 422, body: { message: 'Invalid arguments', errors: { url: ['This URL is not reachable.'] } } },
		);
		const error = await run({ operation: 'create', url: 'https://example.com/x', events: ['meetingScheduled'] }).catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toContain('url: This URL is not reachable.');
	});
});

describe('webhook: delete', () => {
	it('deletes the chosen hook', async () => {
		const hook = fake.seedHook({ url: 'https://example.com/a' });
		const keep = fake.seedHook({ url: 'https://example.com/b' });
		const result = await run({ operation: 'delete', webhookId: { __rl: true, mode: 'list', value: hook.uuid } });
		expect(result).toEqual([{ uuid: hook.uuid, deleted: true }]);
		expect(fake.hooks).toEqual([keep]);
	});

	it('an unknown hook is a NodeApiError in SimplyMeet\'s words', async () => {
		const error = await run({ operation: 'delete', webhookId: { __rl: true, mode: 'id', value: 'no-such-hook' } }).catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toContain('Not found.');
		expect((error as Error).message).toContain('404');
	});

	it('refuses an ID that is not a UUID before any call', async () => {
		const error = await run({ operation: 'delete', webhookId: { __rl: true, mode: 'id', value: '../users/me' } }).catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toContain('"Webhook"');
		expect(fake.calls).toHaveLength(0);
	});

	it('with Continue On Fail, a failed item becomes an error item and the others go on', async () => {
		const hook = fake.seedHook({ url: 'https://example.com/a' });
		const results = await run(
			{ operation: 'delete', webhookId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ continueOnFail: true, input: [{ id: 'missing-one' }, { id: hook.uuid }] },
		);
		expect(results).toHaveLength(2);
		expect(String(results[0].error)).toContain('Not found.');
		expect(results[1]).toEqual({ uuid: hook.uuid, deleted: true });
	});
});

describe('webhook picker', () => {
	it('lists the account\'s hooks and filters them by the search text', async () => {
		fake.seedHook({ url: 'https://example.com/sales', events: ['meetingScheduled'] });
		fake.seedHook({ url: 'https://example.com/support', events: ['meetingCancelled'] });
		const setup = { credentials: credentials() };
		const all = await n8n.listSearch('simplyMeet', setup, 'searchWebhooks');
		expect(all.results.map((result) => result.value)).toEqual(fake.hooks.map((hook) => hook.uuid));
		const filtered = await n8n.listSearch('simplyMeet', setup, 'searchWebhooks', 'support');
		expect(filtered.results).toEqual([{ name: 'https://example.com/support (meetingCancelled)', value: fake.hooks[1].uuid }]);
	});
});

describe('credential test', () => {
	it('passes with a valid key, in one call that names no page size (a server may refuse one)', async () => {
		const result = await n8n.testCredential('simplyMeetApi', { apiKey: fake.apiKey, baseUrl: fake.baseUrl });
		expect(result.status).toBe('OK');
		expect(fake.calls).toHaveLength(1);
		expect(fake.calls[0].query.get('page')).toBe('1');
		expect(fake.calls[0].query.has('limit')).toBe(false);
	});

	it('passes against a server that refuses any page size', async () => {
		fake.limitPolicy = 'refuseAny';
		const result = await n8n.testCredential('simplyMeetApi', { apiKey: fake.apiKey, baseUrl: fake.baseUrl });
		expect(result.status).toBe('OK');
	});

	it('reports a bad key clearly', async () => {
		const result = await n8n.testCredential('simplyMeetApi', { apiKey: 'nope', baseUrl: fake.baseUrl });
		expect(result).toEqual({ status: 'Error', message: expect.stringContaining('rejected the API key') });
	});

	const switchHost =
		"No SimplyMeet API answers at this Base URL: SimplyMeet's API is at https://secure.simplymeet.me/api (https://app.simplymeet.me/api is its 2021 address); put that in the Base URL field";

	it('reports a wrong base URL clearly, naming the current host', async () => {
		const result = await n8n.testCredential('simplyMeetApi', { apiKey: fake.apiKey, baseUrl: fake.baseUrl.replace('/api', '/nothing') });
		expect(result).toEqual({ status: 'Error', message: switchHost });
	});

	it.each([200, 404, 410])('a host that answers %i with a web page is not the API: says to switch to the current host', async (status) => {
		fake.websiteStatus = status;
		const result = await n8n.testCredential('simplyMeetApi', { apiKey: fake.apiKey, baseUrl: fake.baseUrl });
		expect(result).toEqual({ status: 'Error', message: switchHost });
		expect(fake.calls).toHaveLength(1);
	});

	it('JSON that is not a SimplyMeet list is not the API either', async () => {
		fake.inject({ method: 'GET' }, { kind: 'status', status: 200, body: { status: 'ok' } });
		const result = await n8n.testCredential('simplyMeetApi', { apiKey: fake.apiKey, baseUrl: fake.baseUrl });
		expect(result).toEqual({ status: 'Error', message: switchHost });
	});

	it('sends Content-Type: application/json, which SimplyMeet requires on every call', async () => {
		await n8n.testCredential('simplyMeetApi', { apiKey: fake.apiKey, baseUrl: fake.baseUrl });
		expect(fake.calls[0].headers['content-type']).toMatch(/^application\/json/);
	});
});
