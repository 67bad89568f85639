import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { FakeAirmeetEvent, FakeSession } from '../fakes/airmeetFake';
import { sampleCustomFields } from '../fakes/airmeetFake';
import { AIRMEET_TRIGGERS } from '../../nodes/Airmeet/triggers';
import type { World } from './world';
import { ACTION_NODE, TRIGGER_NODE, caught, errorText, expectNoSecrets, rl, startWorld, stopWorld } from './world';

let world: World;
let event: FakeAirmeetEvent;
let session: FakeSession;

async function setup(options: Parameters<typeof startWorld>[0] = {}): Promise<void> {
	await stopWorld(world);
	world = await startWorld(options);
	event = world.fake.seedEvent({ name: 'Product Launch' });
	session = world.fake.seedSession(event, { name: 'Keynote' });
}

beforeEach(async () => await setup());
afterEach(async () => await stopWorld(world));

async function run(parameters: INodeParameters, input: IDataObject[] = [{}], continueOnFail = false): Promise<INodeExecutionData[]> {
	const [items] = await world.n8n.execute(
		ACTION_NODE,
		{ parameters, credentials: world.credentials, onError: continueOnFail ? 'continueRegularOutput' : undefined },
		input,
	);
	expectNoSecrets(world, JSON.stringify(items));
	return items;
}

const json = (items: INodeExecutionData[]) => items.map((item) => item.json);

function seedCustomFields(target: FakeAirmeetEvent): void {
	target.customFields.push(...sampleCustomFields());
}

/** Runs and expects a NodeOperationError naming `field`, with no call made. */
async function refusedBeforeAnyCall(parameters: INodeParameters, field: RegExp): Promise<void> {
	const error = await caught(run(parameters));
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toMatch(field);
	expect(world.fake.calls).toHaveLength(0);
}

describe('event', () => {
	it('gets many across cursor pages with Return All', async () => {
		await setup({ maxEventPage: 500 });
		for (let i = 0; i < 1202; i++) world.fake.seedEvent();
		const items = await run({ resource: 'event', operation: 'getAll', returnAll: true });
		expect(items).toHaveLength(1203);
		expect(new Set(json(items).map((item) => item.uid)).size).toBe(1203);
		const pages = world.fake.calls.filter((call) => call.path === '/airmeets');
		expect(pages.map((call) => [call.query.get('size'), call.query.get('after')])).toEqual([
			['500', null],
			['500', '500'],
			['500', '1000'],
		]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('follows the cursor even when Airmeet serves smaller pages than asked', async () => {
		await setup({ maxEventPage: 3 });
		for (let i = 0; i < 6; i++) world.fake.seedEvent();
		const items = await run({ resource: 'event', operation: 'getAll', returnAll: true });
		expect(items).toHaveLength(7);
		expect(world.fake.count({ path: '/airmeets' })).toBe(3);
	});

	it('gets many up to the limit, asking for no more than needed', async () => {
		for (let i = 0; i < 20; i++) world.fake.seedEvent();
		const items = await run({ resource: 'event', operation: 'getAll', returnAll: false, limit: 7 });
		expect(json(items).map((item) => item.uid)).toEqual(world.fake.events.slice(0, 7).map((e) => e.uid));
		expect(world.fake.calls.filter((call) => call.path === '/airmeets').map((call) => call.query.get('size'))).toEqual(['7']);
	});

	it('gets one event with its sessions, by list, ID or link', async () => {
		for (const locator of [rl(event.uid, 'list'), rl(event.uid, 'id'), rl(`https://www.airmeet.com/e/${event.uid}`, 'url')]) {
			const [item] = await run({ resource: 'event', operation: 'get', airmeetId: locator });
			expect(item.json).toEqual(expect.objectContaining({ uid: event.uid, name: 'Product Launch' }));
			expect(item.json.sessions).toEqual([expect.objectContaining({ sessionid: session.sessionid, name: 'Keynote' })]);
		}
		expect(world.fake.calls.filter((call) => call.path.endsWith('/info')).map((call) => call.path)).toEqual(
			Array(3).fill(`/airmeet/${event.uid}/info`),
		);
	});

	it('an unknown event is a NodeApiError saying so', async () => {
		const error = await caught(run({ resource: 'event', operation: 'get', airmeetId: rl('00000000-0000-4000-8000-000000000000') }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Airmeet could not get event 00000000-0000-4000-8000-000000000000 (HTTP 404): Airmeet not found');
		expect((error as NodeApiError).description).toMatch(/does not know this event/);
	});

	it('an event outside the community reads as a permission problem', async () => {
		world.fake.forbiddenEvents.add(event.uid);
		const error = await caught(run({ resource: 'event', operation: 'get', airmeetId: rl(event.uid) }));
		expect(error.message).toMatch(/HTTP 401/);
		expect((error as NodeApiError).description).toMatch(/no permission for that event/);
	});

	it.each([
		[rl(''), /"Event"/],
		[rl('has spaces'), /"Event" field needs an ID/],
		[rl('https://example.com/x', 'url'), /"Event" field needs an Airmeet event link/],
	])('refuses event %j before any call', async (airmeetId, message) => {
		await refusedBeforeAnyCall({ resource: 'event', operation: 'get', airmeetId }, message);
	});
});

describe('participant', () => {
	it('gets many across pages (pageNumber from 1) with Return All', async () => {
		world.fake.seedParticipants(event, 2345);
		const items = await run({ resource: 'participant', operation: 'getAll', airmeetId: rl(event.uid), returnAll: true });
		expect(items).toHaveLength(2345);
		expect(json(items)[2344].email).toBe('person2345@example.com');
		const pages = world.fake.calls.filter((call) => call.path.endsWith('/participants'));
		expect(pages.map((call) => [call.query.get('pageNumber'), call.query.get('resultSize')])).toEqual([
			['1', '1000'],
			['2', '1000'],
			['3', '1000'],
		]);
	});

	it('gets many up to the limit', async () => {
		world.fake.seedParticipants(event, 80);
		const items = await run({ resource: 'participant', operation: 'getAll', airmeetId: rl(event.uid), limit: 30 });
		expect(items).toHaveLength(30);
		expect(world.fake.calls.filter((call) => call.path.endsWith('/participants'))).toHaveLength(1);
	});

	it('stops on an event without participants', async () => {
		const items = await run({ resource: 'participant', operation: 'getAll', airmeetId: rl(event.uid), returnAll: true });
		expect(items).toHaveLength(0);
		expect(world.fake.calls.filter((call) => call.path.endsWith('/participants'))).toHaveLength(1);
	});

	it('adds an authorized attendee with the optional fields, returning the entry link', async () => {
		const [item] = await run({
			resource: 'participant',
			operation: 'add',
			airmeetId: rl(event.uid),
			email: ' ada@example.com ',
			firstName: 'Ada',
			lastName: 'Lovelace',
			additionalFields: {
				city: 'London',
				organisation: 'Analytical Engines',
				sendEmailInvite: true,
				registerAttendee: false,
				customFieldMapping: '{"q1": "Yes"}',
			},
		});
		expect(item.json).toEqual({ email: 'ada@example.com', entryLink: expect.stringContaining(`/e/${event.uid}`) });
		const call = world.fake.calls.find((c) => c.path.endsWith('/attendee'));
		expect(call?.body).toEqual({
			email: 'ada@example.com',
			firstName: 'Ada',
			lastName: 'Lovelace',
			city: 'London',
			organisation: 'Analytical Engines',
			sendEmailInvite: true,
			registerAttendee: false,
			customFieldMapping: { q1: 'Yes' },
		});
		expect(event.participants).toHaveLength(1);
	});

	const add = (fields: INodeParameters): INodeParameters => ({
		resource: 'participant',
		operation: 'add',
		airmeetId: rl(event.uid),
		email: 'ada@example.com',
		firstName: 'Ada',
		lastName: 'Lovelace',
		...fields,
	});

	it.each([
		[{ email: 'ada.example.com' }, /"Email" field needs an e-mail address/],
		[{ email: '' }, /"Email" field is empty/],
		[{ firstName: '  ' }, /"First Name" field is empty/],
		[{ lastName: '' }, /"Last Name" field is empty/],
		[{ additionalFields: { customFieldMapping: '{not json' } }, /"Custom Field Mapping"/],
		[{ additionalFields: { customFields: { field: [{ fieldId: 'f-size', value: 'm' }, { value: 'Vegan' }] } } }, /"Custom Fields" field has no field chosen/],
		[
			{ additionalFields: { customFieldMapping: '{"q1": "Yes"}', customFields: { field: [{ fieldId: 'f-size', value: 'm' }] } } },
			/"Custom Field Mapping" field is a JSON object, which "Custom Fields" entries cannot be added to/,
		],
		[{ airmeetId: rl('') }, /"Event"/],
	])('refuses %j before any call', async (fields, message) => {
		await refusedBeforeAnyCall(add(fields), message);
	});

	const sentMapping = () => (world.fake.calls.find((c) => c.path.endsWith('/attendee'))?.body as IDataObject | undefined)?.customFieldMapping;

	it('sends the Custom Fields entries as [{fieldId, value}], a later entry for the same field winning', async () => {
		seedCustomFields(event);
		const entries = [
			{ fieldId: 'f-size', value: 's' },
			{ fieldId: 'f-diet', value: 'Vegan' },
			{ fieldId: 'f-size', value: 'm' },
		];
		await run(add({ additionalFields: { customFields: { field: entries } } }));
		const expected = [
			{ fieldId: 'f-size', value: ['m'] },
			{ fieldId: 'f-diet', value: ['Vegan'] },
		];
		expect(sentMapping()).toEqual(expected);
		expect(event.participants[0].customFieldMapping).toEqual(expected);
	});

	it('adds the Custom Fields entries to a JSON list, replacing its entries for the same field', async () => {
		seedCustomFields(event);
		await run(
			add({
				additionalFields: {
					customFieldMapping: '[{"fieldId": "f-size", "value": "s"}, {"fieldId": "f-diet", "value": "None"}]',
					customFields: { field: [{ fieldId: 'f-size', value: 'm' }] },
				},
			}),
		);
		expect(sentMapping()).toEqual([
			{ fieldId: 'f-diet', value: ['None'] },
			{ fieldId: 'f-size', value: ['m'] },
		]);
	});

	it("a field the event does not have is Airmeet's refusal, as a NodeApiError", async () => {
		seedCustomFields(event);
		const error = await caught(run(add({ additionalFields: { customFields: { field: [{ fieldId: 'f-gone', value: 'x' }] } } })));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/HTTP 400.*Custom field f-gone is not part of this Airmeet/);
		expect(event.participants).toHaveLength(0);
	});

	it('with Continue On Fail, a bad item yields an error item and the others still run', async () => {
		const items = await run(
			add({ email: '={{ $json.email }}' }),
			[{ email: 'not-an-address' }, { email: 'grace@example.com' }],
			true,
		);
		expect(json(items)).toEqual([
			{ error: expect.stringMatching(/"Email" field needs an e-mail address/) },
			{ email: 'grace@example.com', entryLink: expect.any(String) },
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('sample payload', () => {
	it('gets an object sample as one item, with the key pair', async () => {
		const items = await run({ resource: 'samplePayload', operation: 'get', trigger: 'trigger.airmeet.registrant.added' });
		expect(json(items)).toEqual([expect.objectContaining({ email: 'ada@example.com', firstName: 'Ada' })]);
		const call = world.fake.calls.find((c) => c.path.endsWith('/sample-payload'));
		expect(call?.query.get('triggerMetaInfoId')).toBe('trigger.airmeet.registrant.added');
		expect(call?.headers['x-access-key']).toBe(world.fake.accessKey);
		expect(call?.headers['x-airmeet-access-token']).toBeUndefined();
	});

	it('gets a list sample as one item per entry, like the trigger', async () => {
		const items = await run({ resource: 'samplePayload', operation: 'get', trigger: 'trigger.session.attendee.joined' });
		expect(json(items).map((item) => item.email)).toEqual(['ada@example.com', 'grace@example.com']);
	});

	it('refuses an unknown trigger before any call, listing the trigger IDs it takes', async () => {
		await refusedBeforeAnyCall({ resource: 'samplePayload', operation: 'get', trigger: 'trigger.nope' }, /"Trigger" field/);
		const error = await caught(run({ resource: 'samplePayload', operation: 'get', trigger: 'trigger.nope' }));
		expect(error.message).toContain('"trigger.nope". Use one of: trigger.airmeet.created, trigger.airmeet.started,');
		for (const trigger of AIRMEET_TRIGGERS) expect(error.message).toContain(trigger.id);
	});

	it('refuses a List For it does not take before any call, listing the ones it does', async () => {
		const error = await caught(run({ resource: 'webhook', operation: 'getAll', scope: 'community', airmeetId: rl(event.uid) }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('The "List For" field has values it does not take: "community". Use one of: event, session');
		expect(world.fake.calls).toHaveLength(0);
	});
});

describe('webhook', () => {
	const url = 'https://example.com/airmeet-hook';

	it('registers for an event and lists it; deregisters it', async () => {
		const [created] = await run({
			resource: 'webhook',
			operation: 'register',
			trigger: 'trigger.airmeet.registrant.added',
			airmeetId: rl(event.uid),
			url,
		});
		expect(created.json).toEqual(
			expect.objectContaining({ id: expect.any(String), triggerMetaInfoId: 'trigger.airmeet.registrant.added', url }),
		);
		const register = world.fake.calls.find((call) => call.path.endsWith('/webhook-register'));
		expect(register?.query.get('airmeetId')).toBe(event.uid);
		expect(register?.body).toEqual(expect.objectContaining({ name: 'REGISTRANT_ADDED', platformName: 'n8n' }));

		const listed = await run({ resource: 'webhook', operation: 'getAll', scope: 'event', airmeetId: rl(event.uid), returnAll: true });
		expect(json(listed).map((hook) => hook.id)).toEqual([created.json.id]);

		const [removed] = await run({
			resource: 'webhook',
			operation: 'deregister',
			webhookId: String(created.json.id),
			trigger: 'trigger.airmeet.registrant.added',
			url,
		});
		expect(removed.json).toEqual({
			id: created.json.id,
			triggerMetaInfoId: 'trigger.airmeet.registrant.added',
			url,
			deleted: true,
			deregistered: true,
		});
		expect(world.fake.hooks).toHaveLength(0);
	});

	it('registers a session trigger with event and session, and lists by session', async () => {
		await run({
			resource: 'webhook',
			operation: 'register',
			trigger: 'trigger.session.attendee.joined',
			airmeetId: rl(event.uid),
			sessionId: rl(session.sessionid),
			url,
		});
		const listed = await run({ resource: 'webhook', operation: 'getAll', scope: 'session', sessionId: rl(session.sessionid), limit: 5 });
		expect(json(listed)).toEqual([expect.objectContaining({ triggerMetaInfoId: 'trigger.session.attendee.joined' })]);
		expect(world.fake.calls.find((call) => call.path.endsWith('/webhook-list'))?.query.get('sessionId')).toBe(session.sessionid);
	});

	it('registers a community-wide trigger without an event, whatever the hidden field holds', async () => {
		await run({ resource: 'webhook', operation: 'register', trigger: 'trigger.airmeet.created', airmeetId: rl(event.uid), url });
		expect(world.fake.calls.find((call) => call.path.endsWith('/webhook-register'))?.query.get('airmeetId')).toBeNull();
		expect(world.fake.hooks).toEqual([expect.objectContaining({ triggerMetaInfoId: 'trigger.airmeet.created', url })]);
	});

	it('lists up to the limit', async () => {
		for (let i = 0; i < 4; i++) world.fake.seedHook({ url: `${url}/${i}`, triggerMetaInfoId: 'trigger.airmeet.polls', airmeetId: event.uid });
		const listed = await run({ resource: 'webhook', operation: 'getAll', scope: 'event', airmeetId: rl(event.uid), limit: 3 });
		expect(listed).toHaveLength(3);
	});

	it('lists of an unknown event fail with Airmeet\'s 404', async () => {
		const error = await caught(
			run({ resource: 'webhook', operation: 'getAll', scope: 'event', airmeetId: rl('00000000-0000-4000-8000-000000000000'), limit: 3 }),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/HTTP 404\): Airmeet not found/);
	});

	it('passes the Webhook Name option on, and shows Airmeet refusing it', async () => {
		const error = await caught(
			run({
				resource: 'webhook',
				operation: 'register',
				trigger: 'trigger.airmeet.polls',
				airmeetId: rl(event.uid),
				url,
				options: { name: 'POLLS', description: 'mine' },
			}),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/name does not match trigger\.airmeet\.polls \(Airmeet status 400\)/);
		expect(world.fake.calls.find((call) => call.path.endsWith('/webhook-register'))?.body).toEqual(
			expect.objectContaining({ name: 'POLLS', description: 'mine' }),
		);
	});

	it('deregisters by trigger and URL when Webhook ID is left empty (a hook Airmeet named no ID for)', async () => {
		await run({ resource: 'webhook', operation: 'register', trigger: 'trigger.airmeet.created', url });
		const before = world.fake.calls.length;
		const [removed] = await run({ resource: 'webhook', operation: 'deregister', webhookId: '', trigger: 'trigger.airmeet.created', url });
		const calls = world.fake.calls.slice(before);
		expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual(['POST /platform-integration/v1/webhook-deregister']);
		expect(calls[0].body).toEqual({ triggerMetaInfoId: 'trigger.airmeet.created', url });
		expect(removed.json).toEqual({ triggerMetaInfoId: 'trigger.airmeet.created', url, deleted: true, deregistered: true });
		expect(world.fake.hooks).toHaveLength(0);
	});

	it('deregistering an unknown webhook is an error here (unlike tidying up in the trigger)', async () => {
		const error = await caught(
			run({ resource: 'webhook', operation: 'deregister', webhookId: '12345', trigger: 'trigger.airmeet.created', url }),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/Airmeet could not deregister webhook 12345 \(HTTP 404\): Webhook not found/);
	});

	it.each([
		[{ operation: 'register', trigger: 'trigger.airmeet.polls', airmeetId: rl(''), url }, /"Event"/],
		[{ operation: 'register', trigger: 'trigger.session.attendee.joined', airmeetId: rl('ev-1'), sessionId: rl(''), url }, /"Session"/],
		[{ operation: 'register', trigger: 'trigger.airmeet.created', url: 'ftp://example.com/x' }, /"URL" field needs a full http\(s\) address/],
		[{ operation: 'register', trigger: 'trigger.airmeet.created', url: '' }, /"URL" field is empty/],
		[{ operation: 'register', trigger: 'trigger.bogus', url }, /"Trigger" field/],
		[{ operation: 'deregister', trigger: 'trigger.airmeet.created', webhookId: 'a b', url }, /"Webhook ID" field needs an ID/],
		[{ operation: 'deregister', trigger: 'trigger.airmeet.created', webhookId: '1', url: 'nope' }, /"URL" field/],
		[{ operation: 'getAll', scope: 'event', airmeetId: rl('') }, /"Event"/],
		[{ operation: 'getAll', scope: 'session', sessionId: rl('') }, /"Session"/],
	])('refuses %j before any call', async (parameters, message) => {
		await refusedBeforeAnyCall({ resource: 'webhook', ...parameters } as INodeParameters, message);
	});

	it('a trigger registered by the action is delivered like any other', async () => {
		const node = world.n8n.trigger(TRIGGER_NODE, {
			parameters: { trigger: 'trigger.airmeet.polls', airmeetId: rl(event.uid) },
			credentials: world.credentials,
		});
		await node.publish();
		const listed = await run({ resource: 'webhook', operation: 'getAll', scope: 'event', airmeetId: rl(event.uid), returnAll: true });
		expect(json(listed)).toEqual([expect.objectContaining({ url: node.productionUrl, triggerMetaInfoId: 'trigger.airmeet.polls' })]);
	});
});

describe('pickers', () => {
	const search = (method: string, parameters: INodeParameters = {}, filter?: string, token?: string) =>
		world.n8n.listSearch(ACTION_NODE, { parameters, credentials: world.credentials }, method, filter, token);

	it('lists events with their status and day', async () => {
		world.fake.seedEvent({ name: 'Webinar', status: 'ONGOING', startTime: Date.UTC(2026, 0, 15, 9) });
		const { results, paginationToken } = await search('searchEvents');
		expect(results).toEqual([
			{ name: expect.stringMatching(/^Product Launch \(CREATED, 2026-12-\d\d\)$/), value: event.uid },
			{ name: 'Webinar (ONGOING, 2026-01-15)', value: world.fake.events[1].uid },
		]);
		expect(paginationToken).toBeUndefined();
	});

	it('filters events by name or id, reading on through pages until one matches', async () => {
		await setup({ maxEventPage: 2 });
		for (let i = 0; i < 4; i++) world.fake.seedEvent();
		const target = world.fake.seedEvent({ name: 'Annual Summit' });
		const { results } = await search('searchEvents', {}, 'summit');
		expect(results).toEqual([{ name: expect.stringMatching(/^Annual Summit/), value: target.uid }]);
		expect((await search('searchEvents', {}, target.uid.slice(0, 8))).results.map((r) => r.value)).toContain(target.uid);
	});

	it('hands out a pagination token when there are more events', async () => {
		await setup({ maxEventPage: 2 });
		for (let i = 0; i < 3; i++) world.fake.seedEvent();
		const first = await search('searchEvents');
		expect(first.results).toHaveLength(2);
		expect(first.paginationToken).toBe('2');
		const second = await search('searchEvents', {}, undefined, first.paginationToken as string);
		expect(second.results.map((r) => r.value)).toEqual(world.fake.events.slice(2).map((e) => e.uid));
		expect(second.paginationToken).toBeUndefined();
	});

	it('lists the sessions of the chosen event, filtered by name', async () => {
		const other = world.fake.seedSession(event, { name: 'Workshop', start_time: '2026-12-01T13:00:00.000Z', status: 'FINISHED' });
		const all = await search('searchSessions', { airmeetId: rl(event.uid, 'list') });
		expect(all.results).toEqual([
			{ name: 'Keynote (2026-12-01, CREATED)', value: session.sessionid },
			{ name: 'Workshop (2026-12-01, FINISHED)', value: other.sessionid },
		]);
		const filtered = await search('searchSessions', { airmeetId: rl(`https://www.airmeet.com/e/${event.uid}`, 'url') }, 'work');
		expect(filtered.results.map((r) => r.value)).toEqual([other.sessionid]);
	});

	it('asks for the event first when listing sessions without one, calling nothing', async () => {
		const error = await caught(search('searchSessions', { airmeetId: rl('') }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/Choose an event in the "Event" field first/);
		expect(world.fake.calls).toHaveLength(0);
	});

	const fieldPicker = (parameters: INodeParameters) =>
		world.n8n.loadOptions(ACTION_NODE, { parameters, credentials: world.credentials }, 'getCustomFields');

	it("lists the chosen event's custom fields: label (marked when required), fieldId, type, and a choice field's codes", async () => {
		seedCustomFields(event);
		// Both shapes of `type`: an object whose fieldType is shown (the certified connector), and text shown as is.
		expect(event.customFields.map((field) => field.type)).toEqual([expect.objectContaining({ fieldType: 'DROPDOWN' }), 'TEXT']);
		expect(await fieldPicker({ resource: 'participant', operation: 'add', airmeetId: rl(event.uid, 'list') })).toEqual([
			{ name: 'Company Size (required)', value: 'f-size', description: 'DROPDOWN field; Value is one of the codes: s (1-10), m (11-200)' },
			{ name: 'Dietary Needs', value: 'f-diet', description: 'TEXT field' },
		]);
		expect(world.fake.calls.filter((call) => call.path.startsWith('/airmeet/')).map((call) => call.path)).toEqual([
			`/airmeet/${event.uid}/custom-fields`,
		]);
	});

	it('asks for the event first when listing custom fields without one, calling nothing', async () => {
		const error = await caught(fieldPicker({ resource: 'participant', operation: 'add', airmeetId: rl('') }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Choose an event in the "Event" field first: its custom fields are listed here');
		expect(world.fake.calls).toHaveLength(0);
	});

	it('the trigger node offers the same pickers', async () => {
		const { results } = await world.n8n.listSearch(
			TRIGGER_NODE,
			{ parameters: { airmeetId: rl(event.uid) }, credentials: world.credentials },
			'searchSessions',
		);
		expect(results.map((r) => r.value)).toEqual([session.sessionid]);
	});
});

describe('secrets', () => {
	it('no access key, secret key or token in errors from every failure path', async () => {
		const failures: Error[] = [];
		await run({ resource: 'event', operation: 'getAll', limit: 1 }); // issue a token first
		world.fake.inject({ path: '/airmeets' }, { kind: 'status', status: 500, body: { message: `echo ${world.fake.issuedTokens[0]} ${world.fake.accessKey}` } });
		failures.push(await caught(run({ resource: 'event', operation: 'getAll', limit: 1 })));
		world.fake.failInBody({ path: '/platform-integration/v1/webhook-register' }, `bad secret ${world.fake.secretKey}`);
		failures.push(
			await caught(run({ resource: 'webhook', operation: 'register', trigger: 'trigger.airmeet.created', url: 'https://example.com/h' })),
		);
		world.fake.inject({ path: '/airmeets' }, { kind: 'reset' });
		failures.push(await caught(run({ resource: 'event', operation: 'getAll', limit: 1 })));
		world.fake.expireTokens();
		world.fake.revoked = true;
		failures.push(await caught(run({ resource: 'event', operation: 'getAll', limit: 1 })));
		expect(failures.map((error) => error.constructor.name)).toEqual(['NodeApiError', 'NodeApiError', 'NodeApiError', 'NodeApiError']);
		expect(failures[0].message).toContain('[redacted]');
		expect(failures[1].message).toContain('[redacted]');
		expect(failures[3].message).toMatch(/revoked/);
		for (const error of failures) expectNoSecrets(world, errorText(error));
	});
});
