/**
 * What SimplyMeet's own pages and released clients say and the first fakes did not: the page size a
 * server accepts, the Content-Type every call needs, and the host the API lives on.
 */
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SimplyMeetApi } from '../../credentials/SimplyMeetApi.credentials';
import { caught, rl } from '../harness/errors';
import { captureLogs } from '../harness/logs';
import type { LimitPolicy } from '../fakes/simplyMeetFake';
import { useSimplyMeetWorld } from './world';

const { fake, n8n, credentials } = useSimplyMeetWorld();

beforeEach(() => {
	fake.meetingTypes.length = 0;
});

async function run(parameters: INodeParameters): Promise<IDataObject[]> {
	const [items] = await n8n.execute('simplyMeet', { parameters, credentials: credentials() }, [{}]);
	return items.map((item) => item.json);
}

/** The `limit` of each list call, in order (null: none asked). */
const limitsAsked = () => fake.calls.filter((call) => call.method === 'GET').map((call) => call.query.get('limit'));
const pagesAsked = () => fake.calls.filter((call) => call.method === 'GET').map((call) => call.query.get('page'));

/**
 * 23 entries, pages capped at 10 by the world's fake: 3 pages. A server that takes a `limit` of
 * 50 needs no extra call; one that refuses any `limit` costs exactly one, on the first page.
 */
const MODES: Array<{ name: string; policy: LimitPolicy; limits: Array<string | null>; pages: string[] }> = [
	{ name: 'takes the page size', policy: 'cap', limits: ['50', '50', '50'], pages: ['1', '2', '3'] },
	{ name: 'refuses a limit above 50', policy: { refuseAbove: 50 }, limits: ['50', '50', '50'], pages: ['1', '2', '3'] },
	{ name: 'refuses any limit', policy: 'refuseAny', limits: ['50', null, null, null], pages: ['1', '1', '2', '3'] },
];

describe.each(MODES)('a server that $name', ({ policy, limits, pages }) => {
	beforeEach(() => {
		fake.limitPolicy = policy;
	});

	it('Webhook > Get Many returns every hook', async () => {
		for (let i = 0; i < 23; i++) fake.seedHook({ url: `https://example.com/hook/${i}` });
		const hooks = await run({ resource: 'webhook', operation: 'getAll', returnAll: true });
		expect(hooks.map((hook) => hook.uuid)).toEqual(fake.hooks.map((hook) => hook.uuid));
		expect(limitsAsked()).toEqual(limits);
		expect(pagesAsked()).toEqual(pages);
	});

	it('Meeting Type > Get Many returns every meeting type', async () => {
		for (let i = 0; i < 23; i++) fake.seedMeetingType();
		const types = await run({ resource: 'meetingType', operation: 'getAll', returnAll: true });
		expect(types.map((type) => type.uuid)).toEqual(fake.meetingTypes.map((type) => type.uuid));
		expect(limitsAsked()).toEqual(limits);
	});

	it('publishing finds our hook on the last page, adopts it and creates nothing', async () => {
		for (let i = 0; i < 22; i++) fake.seedHook({ url: `https://example.com/hook/${i}` });
		const trigger = n8n.trigger('simplyMeetTrigger', { parameters: { events: ['meetingScheduled'] }, credentials: credentials() });
		await trigger.publish();
		const ours = fake.hooksFor(trigger.productionUrl)[0];
		trigger.restart();
		fake.resetCalls();

		await trigger.publish();

		expect(fake.hooksFor(trigger.productionUrl)).toEqual([ours]);
		expect(fake.count({ method: 'POST' })).toBe(0);
		expect(limitsAsked()).toEqual(limits);
		expect((await fake.deliver('meetingScheduled', { url: trigger.productionUrl })).map((result) => result.status)).toEqual([200]);
	});

	it('publishing registers a hook, and unpublishing without stored data finds and removes it', async () => {
		for (let i = 0; i < 22; i++) fake.seedHook({ url: `https://example.com/hook/${i}` });
		const trigger = n8n.trigger('simplyMeetTrigger', { parameters: { events: ['meetingScheduled'] }, credentials: credentials() });
		await trigger.publish();
		expect(fake.hooksFor(trigger.productionUrl)).toHaveLength(1);
		expect(limitsAsked()).toEqual(limits);
		trigger.forgetStaticData();
		fake.resetCalls();

		await trigger.unpublish();

		expect(fake.hooksFor(trigger.productionUrl)).toHaveLength(0);
		expect(limitsAsked()).toEqual(limits);
		expect(fake.count({ method: 'DELETE' })).toBe(1);
	});

	it('the pickers list every entry', async () => {
		for (let i = 0; i < 23; i++) fake.seedHook({ url: `https://example.com/hook/${i}` });
		for (let i = 0; i < 23; i++) fake.seedMeetingType();
		const setup = { parameters: {}, credentials: credentials() };
		const webhooks = await n8n.listSearch('simplyMeet', setup, 'searchWebhooks');
		expect(webhooks.results).toHaveLength(23);
		expect(limitsAsked()).toEqual(limits);
		fake.resetCalls();
		const types = await n8n.listSearch('simplyMeet', setup, 'searchMeetingTypes');
		expect(types.results).toHaveLength(23);
		expect(limitsAsked()).toEqual(limits);
	});
});

describe('falling back to the server\'s page size', () => {
	beforeEach(() => {
		for (let i = 0; i < 23; i++) fake.seedHook({ url: `https://example.com/hook/${i}` });
	});

	it('Get Many with a limit below the default: one refused call, then one page of the default size', async () => {
		fake.limitPolicy = 'refuseAny';
		const hooks = await run({ resource: 'webhook', operation: 'getAll', returnAll: false, limit: 5 });
		expect(hooks.map((hook) => hook.uuid)).toEqual(fake.hooks.slice(0, 5).map((hook) => hook.uuid));
		expect(limitsAsked()).toEqual(['5', null]);
	});

	it('says once in n8n\'s log that the page size was refused, for whoever reads it later', async () => {
		fake.limitPolicy = 'refuseAny';
		const logs = captureLogs();
		try {
			await run({ resource: 'webhook', operation: 'getAll', returnAll: true });
		} finally {
			logs.restore();
		}
		expect(logs.lines).toEqual([
			{ level: 'info', message: 'SimplyMeet refused the page size 50 (HTTP 422) to list webhooks: going on with its default page size' },
		]);
	});

	it.each([400, 422])('any refusal of the first page (HTTP %i) falls back', async (status) => {
		fake.inject({ method: 'GET' }, { kind: 'status', status, body: { message: 'Invalid arguments', errors: { limit: ['Too large.'] } } });
		const hooks = await run({ resource: 'webhook', operation: 'getAll', returnAll: true });
		expect(hooks).toHaveLength(23);
		expect(limitsAsked()).toEqual(['50', null, null, null]);
	});

	it.each([401, 403, 429, 500])('HTTP %i is not about the page size: no fallback', async (status) => {
		fake.inject({ method: 'GET' }, { kind: 'status', status, headers: { 'retry-after': '3600' } }, 4);
		const error = await caught(run({ resource: 'webhook', operation: 'getAll', returnAll: true }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain(`(HTTP ${status})`);
		expect(limitsAsked()).toEqual(['50']);
	});

	it('a refusal of the call without limit is SimplyMeet\'s error: at most one extra call', async () => {
		fake.inject({ method: 'GET' }, { kind: 'status', status: 422, body: { message: 'Invalid arguments', errors: { page: ['Invalid.'] } } }, 2);
		const error = await caught(run({ resource: 'webhook', operation: 'getAll', returnAll: true }));
		expect(error.message).toBe('SimplyMeet could not list webhooks (HTTP 422): Invalid arguments (page: Invalid.)');
		expect(limitsAsked()).toEqual(['50', null]);
	});

	it('after a first page at 50, a refusal of a later page is an error, not a new page size', async () => {
		const firstPage = { page: 1, limit: 50, pages: 3, _embedded: { items: [fake.hooks[0]] }, _links: {} };
		fake.inject({ method: 'GET' }, { kind: 'status', status: 200, body: firstPage });
		fake.inject({ method: 'GET' }, { kind: 'status', status: 422, body: { message: 'Invalid arguments', errors: { limit: ['No.'] } } });
		const error = await caught(run({ resource: 'webhook', operation: 'getAll', returnAll: true }));
		expect(error.message).toBe('SimplyMeet could not list webhooks (HTTP 422): Invalid arguments (limit: No.)');
		expect(limitsAsked()).toEqual(['50', '50']);
		expect(pagesAsked()).toEqual(['1', '2']);
	});
});

describe('Content-Type', () => {
	it('every call sends Content-Type: application/json: lists, creates, deletes', async () => {
		fake.seedMeetingType();
		const old = fake.seedHook({ url: 'https://example.com/old' });
		const trigger = n8n.trigger('simplyMeetTrigger', { parameters: { events: ['meetingScheduled'] }, credentials: credentials() });
		await trigger.publish();
		await trigger.unpublish();
		await run({ resource: 'webhook', operation: 'delete', webhookId: rl(old.uuid) });
		await run({ resource: 'meetingType', operation: 'getAll', returnAll: true });
		await run({ resource: 'singleUseLink', operation: 'create', meetingType: rl(fake.meetingTypes[0].uuid), count: 1 });
		expect(new Set(fake.calls.map((call) => call.method))).toEqual(new Set(['GET', 'POST', 'DELETE']));
		for (const call of fake.calls) expect(`${call.method} ${call.path} ${String(call.headers['content-type'])}`).toMatch(/ application\/json/);
	});

	it('the fake refuses a call without it, as SimplyMeet\'s pages require', async () => {
		const response = await fetch(`${fake.baseUrl}/webhooks`, { headers: { 'x-api-key': fake.apiKey } });
		expect(response.status).toBe(415);
	});
});

describe('base URL', () => {
	const field = () => new SimplyMeetApi().properties.find((property) => property.name === 'baseUrl');

	it('defaults to the host of SimplyMeet\'s pages since 2022, and the field names the 2021 host too', () => {
		expect(field()?.default).toBe('https://secure.simplymeet.me/api');
		expect(field()?.description).toContain('https://app.simplymeet.me/api');
	});
});
