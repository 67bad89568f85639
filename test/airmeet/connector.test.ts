/**
 * What the certified Power Automate connector for Airmeet declares and the node now sends: Participant
 * > Add (attendance type, the two required switches, custom field values as lists), Booth > Create,
 * the new Session > Create and Event > Create fields, and Participant > Get Many's sorting. Each body
 * is checked exactly as the fake received it; each bad value is refused before any call.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { Airmeet } from '../../nodes/Airmeet/Airmeet.node';
import type { FakeAirmeetEvent } from '../fakes/airmeetFake';
import { sampleCustomFields } from '../fakes/airmeetFake';
import type { World } from './world';
import { ACTION_NODE, caught, expectNoSecrets, rl, startWorld, stopWorld } from './world';

let world: World;
let event: FakeAirmeetEvent;

/** The version new nodes get; saved workflows keep 1. */
const CURRENT = 1.1;

async function setup(options: Parameters<typeof startWorld>[0] = {}): Promise<void> {
	await stopWorld(world);
	world = await startWorld(options);
	event = world.fake.seedEvent({ name: 'Product Launch' });
	event.customFields.push(...sampleCustomFields());
}

beforeEach(async () => await setup());
afterEach(async () => await stopWorld(world));

async function run(parameters: INodeParameters, typeVersion = CURRENT): Promise<IDataObject[]> {
	const [items] = await world.n8n.execute(ACTION_NODE, { parameters, credentials: world.credentials, typeVersion }, [{}]);
	expectNoSecrets(world, JSON.stringify(items));
	return items.map((item) => item.json);
}

/** The bodies the fake received on paths ending with `suffix`. */
const bodies = (suffix: string) => world.fake.calls.filter((call) => call.path.endsWith(suffix)).map((call) => call.body);

/** Runs and expects a NodeOperationError whose message matches `message`, with no call made. */
async function refusedBeforeAnyCall(parameters: INodeParameters, message: RegExp, typeVersion = CURRENT): Promise<void> {
	const error = await caught(run(parameters, typeVersion));
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toMatch(message);
	expect(world.fake.calls).toHaveLength(0);
}

/** Sends a body to the fake directly (with a token), as a client other than the node would. */
async function post(path: string, body: unknown): Promise<{ status: number; body: IDataObject }> {
	const auth = await fetch(`${world.fake.baseUrl}/auth`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-airmeet-access-key': world.fake.accessKey, 'x-airmeet-secret-key': world.fake.secretKey },
		body: '{}',
	});
	const { token } = (await auth.json()) as { token: string };
	const response = await fetch(`${world.fake.baseUrl}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-airmeet-access-token': token },
		body: JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as IDataObject };
}

/** The fake answered 400 through the contract table, naming the field and what is wrong with it. */
async function expectRefused(answer: Promise<{ status: number; body: IDataObject }>, problem: string): Promise<void> {
	const { status, body } = await answer;
	expect(status).toBe(400);
	expect(String(body.message)).toMatch(/^Not in the contract table: /);
	expect(String(body.message)).toContain(problem);
}

const ATTENDEE = { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' };

describe('Participant > Add', () => {
	const add = (fields: INodeParameters = {}): INodeParameters => ({
		resource: 'participant',
		operation: 'add',
		airmeetId: rl(event.uid),
		...ATTENDEE,
		...fields,
	});

	it('always sends Register Attendee and Send Email Invite (false by default), and no attendance type unless chosen', async () => {
		const [added] = await run(add());
		expect(added).toEqual({ email: 'ada@example.com', entryLink: expect.stringContaining(`/e/${event.uid}`) });
		expect(bodies('/attendee')).toEqual([{ ...ATTENDEE, registerAttendee: false, sendEmailInvite: false }]);
	});

	it('sends the attendance type and both switches as set', async () => {
		await run(add({ attendanceType: 'IN-PERSON', registerAttendee: true, sendEmailInvite: true, additionalFields: { city: 'London' } }));
		await run(add({ attendanceType: 'VIRTUAL', sendEmailInvite: true }));
		expect(bodies('/attendee')).toEqual([
			{ ...ATTENDEE, attendance_type: 'IN-PERSON', city: 'London', registerAttendee: true, sendEmailInvite: true },
			{ ...ATTENDEE, attendance_type: 'VIRTUAL', registerAttendee: false, sendEmailInvite: true },
		]);
	});

	it('a saved version-1 node still sends the switches from its Additional Fields, and false when it had none', async () => {
		await run(add({ additionalFields: { registerAttendee: true, sendEmailInvite: true } }), 1);
		await run(add({ additionalFields: { sendEmailInvite: true } }), 1);
		await run(add(), 1);
		expect(bodies('/attendee')).toEqual([
			{ ...ATTENDEE, registerAttendee: true, sendEmailInvite: true },
			{ ...ATTENDEE, registerAttendee: false, sendEmailInvite: true },
			{ ...ATTENDEE, registerAttendee: false, sendEmailInvite: false },
		]);
	});

	it('the new version reads only its own fields: Additional Fields no longer hold the switches', async () => {
		await run(add({ registerAttendee: false, additionalFields: { registerAttendee: true } }));
		expect(bodies('/attendee')).toEqual([{ ...ATTENDEE, registerAttendee: false, sendEmailInvite: false }]);
	});

	it('sends each custom field answer as a list of strings: one text as one element, a JSON list as several', async () => {
		const customFields = {
			field: [
				{ fieldId: 'f-diet', value: 'Vegan, no nuts' },
				{ fieldId: 'f-size', value: '["s", "m"]' },
			],
		};
		await run(add({ additionalFields: { customFields } }));
		await run(add({ additionalFields: { customFieldMapping: '[{"fieldId": "f-diet", "value": "None"}, {"fieldId": "f-size", "value": ["s", 2]}]' } }));
		await run(add({ additionalFields: { customFields: { field: [{ fieldId: 'f-size', value: "={{ ['m', 's'] }}" }] } } }));
		expect(bodies('/attendee').map((body) => (body as IDataObject).customFieldMapping)).toEqual([
			[
				{ fieldId: 'f-diet', value: ['Vegan, no nuts'] },
				{ fieldId: 'f-size', value: ['s', 'm'] },
			],
			[
				{ fieldId: 'f-diet', value: ['None'] },
				{ fieldId: 'f-size', value: ['s', '2'] },
			],
			[{ fieldId: 'f-size', value: ['m', 's'] }],
		]);
	});

	it('Text sends the answers as before, for an account where Airmeet expects text; a list there is refused by that account', async () => {
		await setup({ customFieldValues: 'text' });
		const fields = {
			customFieldMapping: '[{"fieldId": "f-diet", "value": "None"}]',
			customFields: { field: [{ fieldId: 'f-size', value: 'm' }] },
		};
		await run(add({ additionalFields: { ...fields, customFieldValueFormat: 'text' } }));
		expect(bodies('/attendee').map((body) => (body as IDataObject).customFieldMapping)).toEqual([
			[
				{ fieldId: 'f-diet', value: 'None' },
				{ fieldId: 'f-size', value: 'm' },
			],
		]);
		const error = await caught(run(add({ additionalFields: fields })));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/HTTP 400\): customFieldMapping\[\]\.value must be a string/);
		expect(event.participants).toHaveLength(1);
	});

	it('a JSON object mapping is sent as it is in either format', async () => {
		await run(add({ additionalFields: { customFieldMapping: '{"q1": "Yes"}' } }));
		expect(bodies('/attendee')).toEqual([{ ...ATTENDEE, registerAttendee: false, sendEmailInvite: false, customFieldMapping: { q1: 'Yes' } }]);
	});

	it.each([
		[{ attendanceType: 'HYBRID' }, /^The "Attendance Type" field has values it does not take: "HYBRID". Use one of: IN-PERSON, VIRTUAL$/],
		[{ additionalFields: { customFieldValueFormat: 'csv' } }, /^The "Custom Field Value Format" field has values it does not take: "csv". Use one of: list, text$/],
		[
			{ additionalFields: { customFieldMapping: '[{"fieldId": "f-diet", "value": {"text": "x"}}]' } },
			/"Custom Field Mapping" field has an answer for f-diet that is neither a text nor a list of texts/,
		],
		[
			{ additionalFields: { customFields: { field: [{ fieldId: 'f-size', value: '={{ [["s"]] }}' }] } } },
			/"Custom Fields" field has an answer for f-size that is neither a text nor a list of texts/,
		],
	])('refuses %j before any call', async (fields, message) => {
		await refusedBeforeAnyCall(add(fields as INodeParameters), message);
	});

	it('the fake refuses what the connector does not declare (through the contract table), and text values on a list account', async () => {
		const body = { ...ATTENDEE, registerAttendee: false, sendEmailInvite: false };
		const path = `/airmeet/${event.uid}/attendee`;
		await expectRefused(post(path, { ...body, attendance_type: 'HYBRID' }), 'body.attendance_type notAllowed');
		await expectRefused(post(path, { ...ATTENDEE, registerAttendee: false }), 'body.sendEmailInvite missing');
		await expectRefused(post(path, { ...body, registerAttendee: 'yes' }), 'body.registerAttendee wrongType');
		await expectRefused(post(path, { ...body, platform: 'n8n' }), 'body.platform undeclared');
		const text = await post(path, { ...body, customFieldMapping: [{ fieldId: 'f-diet', value: 'x' }] });
		expect(text).toEqual({ status: 400, body: { statusCode: 400, statusMessage: 'customFieldMapping[].value must be a list of strings' } });
		const unknownField = await post(path, { ...body, customFieldMapping: [{ fieldId: 'f-none', value: ['x'] }] });
		expect(unknownField).toEqual({ status: 400, body: { statusCode: 400, statusMessage: 'Custom field f-none is not part of this Airmeet' } });
		expect((await post(path, { ...body, attendance_type: 'VIRTUAL', customFieldMapping: [{ fieldId: 'f-diet', value: ['x'] }] })).status).toBe(200);
	});
});

describe('Booth > Create', () => {
	const create = (fields: INodeParameters = {}): INodeParameters => ({
		resource: 'booth',
		operation: 'create',
		airmeetId: rl(event.uid),
		name: 'Sponsor A',
		...fields,
	});

	it('creates a booth with exhibitors, settings and tags', async () => {
		const [created] = await run(
			create({
				exhibitors: {
					exhibitor: [
						{ email: 'ada@example.com', attendanceType: 'HYBRID' },
						{ email: ' grace@example.com ', attendanceType: '' },
						{ email: 'alan@example.com', attendanceType: 'ONLINE' },
					],
				},
				chatEnabled: true,
				loungeEnabled: true,
				tableCount: 4,
				additionalFields: { tags: 'ai, , cloud ' },
			}),
		);
		expect(created).toEqual({ airmeetId: event.uid, uuid: event.booths[0].boothId });
		expect(bodies('/booths')).toEqual([
			{
				name: 'Sponsor A',
				exhibitorInfo: [
					{ email: 'ada@example.com', exhibitorAttendanceType: 'HYBRID' },
					{ email: 'grace@example.com' },
					{ email: 'alan@example.com', exhibitorAttendanceType: 'ONLINE' },
				],
				exhibitors: ['ada@example.com', 'grace@example.com', 'alan@example.com'],
				tags: ['ai', 'cloud'],
				metaData: { chatEnabled: true, loungeEnabled: true, broadcastEnabled: false, tableCount: 4 },
			},
		]);
		expect(event.booths.map((booth) => booth.name)).toEqual(['Sponsor A']);
	});

	it('by default: no exhibitors, every switch off, no table count (the lounge is off)', async () => {
		await run(create({ tableCount: 9 }));
		expect(bodies('/booths')).toEqual([
			{ name: 'Sponsor A', exhibitorInfo: [], exhibitors: [], metaData: { chatEnabled: false, loungeEnabled: false, broadcastEnabled: false } },
		]);
	});

	it('with the lounge on, the table count defaults to the connector\'s 6', async () => {
		await run(create({ loungeEnabled: true, broadcastEnabled: true }));
		expect((bodies('/booths')[0] as IDataObject).metaData).toEqual({
			chatEnabled: false,
			loungeEnabled: true,
			broadcastEnabled: true,
			tableCount: 6,
		});
	});

	it.each([
		[{ name: ' ' }, /"Name" field is empty/],
		[{ exhibitors: { exhibitor: [{ email: 'ada@example.com' }, { email: 'grace.example.com' }] } }, /^The "Exhibitors" field needs an e-mail address in each entry, got "grace.example.com"$/],
		[{ exhibitors: { exhibitor: [{ email: 'a@example.com, b@example.com' }] } }, /"Exhibitors" field needs an e-mail address in each entry/],
		[
			{ exhibitors: { exhibitor: [{ email: 'ada@example.com', attendanceType: 'IN-PERSON' }] } },
			/^The "Exhibitors: Attendance Type" field has values it does not take: "IN-PERSON". Use one of: HYBRID, ONLINE$/,
		],
		[{ loungeEnabled: true, tableCount: -1 }, /^The "Table Count" field needs a whole number of 0 or more, got "-1"$/],
		[{ loungeEnabled: true, tableCount: 2.5 }, /"Table Count" field needs a whole number/],
		[{ airmeetId: rl('') }, /"Event"/],
	])('refuses %j before any call', async (fields, message) => {
		await refusedBeforeAnyCall(create(fields as INodeParameters), message);
	});

	it('the fake refuses an exhibitor type, a field or a table count the connector does not declare', async () => {
		const body = { name: 'B', exhibitorInfo: [{ email: 'ada@example.com' }], metaData: { chatEnabled: false, loungeEnabled: false, broadcastEnabled: false } };
		const path = `/airmeet/${event.uid}/booths`;
		const hybrid = { email: 'ada@example.com', exhibitorAttendanceType: 'VIRTUAL' };
		await expectRefused(post(path, { ...body, exhibitorInfo: [hybrid] }), 'body.exhibitorInfo[].exhibitorAttendanceType notAllowed');
		await expectRefused(post(path, { ...body, exhibitorInfo: [{ email: 'ada@example.com', seat: 1 }] }), 'body.exhibitorInfo[].seat undeclared');
		await expectRefused(post(path, { ...body, metaData: { chatEnabled: false } }), 'body.metaData.loungeEnabled missing');
		await expectRefused(post(path, { ...body, tags: 'ai' }), 'body.tags wrongType');
		await expectRefused(post(path, { ...body, owner: 'x' }), 'body.owner undeclared');
		expect((await post(path, { ...body, metaData: { ...body.metaData, tableCount: -2 } })).body.statusMessage).toBe('metaData.tableCount must be 0 or more');
		expect((await post(path, { ...body, exhibitorInfo: [{ email: 'ada.example.com' }] })).status).toBe(400);
		expect((await post(path, body)).status).toBe(200);
	});
});

describe('Session > Create', () => {
	const create = (fields: INodeParameters = {}): INodeParameters => ({
		resource: 'session',
		operation: 'create',
		airmeetId: rl(event.uid),
		sessionTitle: 'Rounds',
		sessionStartTime: '2026-12-01T10:30:00Z',
		sessionDuration: 45,
		hostEmail: 'host@example.com',
		...fields,
	});
	const base = {
		sessionTitle: 'Rounds',
		sessionStartTime: Date.UTC(2026, 11, 1, 10, 30),
		sessionDuration: 45,
		hostEmail: 'host@example.com',
		speakerEmails: [],
	};

	it('a speed-networking session with its timing, tracks, tags and hidden host', async () => {
		const [created] = await run(
			create({
				type: 'SPEED_NETWORKING',
				speedNetworking: { conversationTime: 3, extendNetworkingTime: 0 },
				additionalFields: { tracks: 'Main, Partners', tags: 'intro', hideHost: true },
			}),
		);
		expect(created).toEqual({ airmeetId: event.uid, uuid: expect.any(String) });
		expect(bodies('/session')).toEqual([
			{
				...base,
				type: 'SPEED_NETWORKING',
				tracks: ['Main', 'Partners'],
				tags: ['intro'],
				speedNetworkingData: { conversationTime: 3, extendNetworkingTime: 0 },
				sessionMeta: { hideHost: true },
			},
		]);
		expect(event.sessions.map((session) => session.type)).toEqual(['SPEED_NETWORKING']);
	});

	it('a booth session names its booth; fields of other types are not sent', async () => {
		const booth = world.fake.seedBooth(event, { name: 'Sponsor A' });
		await run(create({ type: 'BOOTH', boothId: rl(booth.boothId, 'list'), speedNetworking: { conversationTime: 3 } }));
		await run(create({ type: 'HOSTING', boothId: rl(booth.boothId), speedNetworking: { conversationTime: 3 }, additionalFields: { hideHost: false } }));
		expect(bodies('/session')).toEqual([
			{ ...base, type: 'BOOTH', boothId: booth.boothId },
			{ ...base, type: 'HOSTING', sessionMeta: { hideHost: false } },
		]);
	});

	it('Type defaults to Hosting, as before', async () => {
		await run(create(), 1);
		expect(bodies('/session')).toEqual([{ ...base, type: 'HOSTING' }]);
	});

	it.each([
		[
			{ type: 'WEBINAR' },
			/^The "Type" field has values it does not take: "WEBINAR". Use one of: BOOTH, BREAK, FLUID_LOUNGE, HOSTING, LARGE_CALL, SPEED_NETWORKING, STREAMING$/,
		],
		[{ type: 'SPEED_NETWORKING', speedNetworking: { conversationTime: 0 } }, /"Conversation Time" field needs a whole number of 1 or more, got "0"/],
		[{ type: 'SPEED_NETWORKING', speedNetworking: { extendNetworkingTime: -1 } }, /"Extend Networking Time" field needs a whole number of 0 or more/],
		[{ type: 'BOOTH', boothId: rl('has spaces') }, /"Booth" field needs an ID/],
	])('refuses %j before any call', async (fields, message) => {
		await refusedBeforeAnyCall(create(fields as INodeParameters), message);
	});

	it('the fake refuses a session type or timing the connector does not declare (through the contract table)', async () => {
		const path = `/airmeet/${event.uid}/session`;
		await expectRefused(post(path, { ...base, type: 'WEBINAR' }), 'body.type notAllowed');
		await expectRefused(post(path, { ...base, speedNetworkingData: { conversationTime: '3' } }), 'body.speedNetworkingData.conversationTime wrongType');
		await expectRefused(post(path, { ...base, speedNetworkingData: { rounds: 3 } }), 'body.speedNetworkingData.rounds undeclared');
		await expectRefused(post(path, { ...base, sessionMeta: { hideHost: 'yes' } }), 'body.sessionMeta.hideHost wrongType');
		await expectRefused(post(path, { ...base, tracks: 'Main' }), 'body.tracks wrongType');
		expect((await post(path, { ...base, type: 'STREAMING', tracks: ['Main'] })).status).toBe(200);
	});
});

describe('Event > Create', () => {
	const create = (extra: INodeParameters): INodeParameters => ({
		resource: 'event',
		operation: 'create',
		hostEmail: 'host@example.com',
		eventName: 'Launch',
		shortDesc: 'Our launch',
		startTime: '2026-12-01T10:00:00Z',
		endTime: '2026-12-01T12:00:00Z',
		timezone: 'Europe/Berlin',
		additionalFields: extra,
	});

	it('sends the Event Image URL as eventImage', async () => {
		await run(create({ eventImage: ' https://cdn.example.com/banner.png ' }));
		expect(bodies('/airmeet')).toEqual([
			{
				hostEmail: 'host@example.com',
				eventName: 'Launch',
				shortDesc: 'Our launch',
				eventImage: 'https://cdn.example.com/banner.png',
				access: 'INVITED_ONLY',
				eventType: 'MEETUP',
				timing: { startTime: Date.UTC(2026, 11, 1, 10), endTime: Date.UTC(2026, 11, 1, 12), timezone: 'Europe/Berlin' },
			},
		]);
	});

	it.each(['banner.png', 'ftp://cdn.example.com/banner.png'])('refuses the image URL %s before any call', async (eventImage) => {
		await refusedBeforeAnyCall(create({ eventImage }), new RegExp(`^The "Event Image URL" field needs a full http\\(s\\) address, got "${eventImage}"$`));
	});
});

describe('Participant > Get Many', () => {
	const list = (options: INodeParameters, extra: INodeParameters = {}): INodeParameters => ({
		resource: 'participant',
		operation: 'getAll',
		airmeetId: rl(event.uid),
		returnAll: true,
		options,
		...extra,
	});

	beforeEach(() => {
		event.participants.push(
			{ email: 'carol@example.com', name: 'Carol', registrationDate: '2026-11-03' },
			{ email: 'alice@example.com', name: 'Zoe', registrationDate: '2026-11-01' },
			{ email: 'bob@example.com', name: 'Mallory', registrationDate: '2026-11-02' },
		);
	});

	const sortQuery = () =>
		world.fake.calls
			.filter((call) => call.path.endsWith('/participants'))
			.map((call) => [call.query.get('pageNumber'), call.query.get('sortingKey'), call.query.get('sortingDirection')]);

	it('sorts by the chosen key and direction, on every page', async () => {
		const items = await run(list({ sortingKey: 'email', sortingDirection: 'DESC' }, { returnAll: false, limit: 2 }));
		expect(items.map((item) => item.email)).toEqual(['carol@example.com', 'bob@example.com']);
		world.fake.resetCalls();
		world.fake.seedParticipants(event, 1500);
		expect(await run(list({ sortingKey: 'name' }))).toHaveLength(1503);
		expect(sortQuery()).toEqual([
			['1', 'name', null],
			['2', 'name', null],
		]);
	});

	it("without options, sends no sorting: Airmeet's own order", async () => {
		const items = await run(list({}));
		expect(items.map((item) => item.name)).toEqual(['Carol', 'Zoe', 'Mallory']);
		expect(sortQuery()).toEqual([['1', null, null]]);
	});

	it.each([
		[{ sortingKey: 'age' }, /^The "Sort By" field has values it does not take: "age". Use one of: email, name, registrationDate$/],
		[{ sortingKey: 'name, email' }, /^The "Sort By" field takes one value. Use one of: email, name, registrationDate$/],
		[{ sortingDirection: 'UP' }, /^The "Sort Direction" field has values it does not take: "UP". Use one of: ASC, DESC$/],
	])('refuses %j before any call', async (options, message) => {
		await refusedBeforeAnyCall(list(options), message);
	});
});

it('the Airmeet node now has 28 operations, Booth > Create among them', () => {
	const { properties } = new Airmeet().description;
	const operations = properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) => (property.options ?? []).map((option) => `${String(property.displayOptions?.show?.resource)} > ${'name' in option ? option.name : ''}`));
	expect(operations).toHaveLength(28);
	expect(operations).toContain('booth > Create');
});
