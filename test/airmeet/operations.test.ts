/**
 * The Airmeet operations beyond webhooks, events and participants, each against the fake over real
 * HTTP: paging to the last page, the asynchronous reports' "preparing" answers, and error bodies.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { FakeAirmeetEvent, FakeSession } from '../fakes/airmeetFake';
import { FAKE_POLLS_PAGE, FAKE_REPORT_PAGE } from '../fakes/airmeetFake';
import type { World } from './world';
import { ACTION_NODE, caught, expectNoSecrets, rl, startWorld, stopWorld } from './world';

let world: World;
let event: FakeAirmeetEvent;
let session: FakeSession;

/** One finished event with one finished session: attendance exists only for finished ones. */
function seedFinished(fake: World['fake']): { event: FakeAirmeetEvent; session: FakeSession } {
	const finished = fake.seedEvent({ name: 'Product Launch', status: 'FINISHED' });
	return { event: finished, session: fake.seedSession(finished, { name: 'Keynote', status: 'FINISHED' }) };
}

async function setup(options: Parameters<typeof startWorld>[0] = {}): Promise<void> {
	await stopWorld(world);
	world = await startWorld(options);
	({ event, session } = seedFinished(world.fake));
}

beforeEach(async () => await setup());
afterEach(async () => await stopWorld(world));

async function run(parameters: INodeParameters): Promise<IDataObject[]> {
	const [items] = await world.n8n.execute(ACTION_NODE, { parameters, credentials: world.credentials }, [{}]);
	expectNoSecrets(world, JSON.stringify(items));
	return items.map((item: INodeExecutionData) => item.json);
}

const calls = (suffix: string) => world.fake.calls.filter((call) => call.path.endsWith(suffix));

/** Fast polling for tests: the behaviour (call counts) is what is checked, not the pauses. */
const FAST = { waitOptions: { firstPause: 0.01, maxWait: 5 } };

describe('event lists answered in one call', () => {
	it.each([
		['getCustomFields', 'customFields', '/custom-fields'],
		['getTracks', 'tracks', '/tracks'],
		['getQuestions', 'questions', '/questions'],
	] as const)('%s lists what Airmeet answers', async (operation, key, path) => {
		event[key].push({ id: 'a', label: 'First' }, { id: 'b', label: 'Second' });
		const items = await run({ resource: 'event', operation, airmeetId: rl(event.uid) });
		expect(items).toEqual([{ id: 'a', label: 'First' }, { id: 'b', label: 'Second' }]);
		expect(calls(path).map((call) => call.path)).toEqual([`/airmeet/${event.uid}${path}`]);
	});

	it('getBooths lists the booths, and the booth picker offers them with their layout type', async () => {
		const booth = world.fake.seedBooth(event, { name: 'Sponsor A', layoutType: 'GRID' });
		world.fake.seedBooth(event, { name: 'Lounge', layoutType: 'DEFAULT' });
		expect((await run({ resource: 'event', operation: 'getBooths', airmeetId: rl(event.uid) }))[0]).toEqual({
			boothId: booth.boothId,
			name: 'Sponsor A',
			layoutType: 'GRID',
		});
		const { results } = await world.n8n.listSearch(
			ACTION_NODE,
			{ parameters: { airmeetId: rl(event.uid) }, credentials: world.credentials },
			'searchBooths',
			'spon',
		);
		expect(results).toEqual([{ name: 'Sponsor A (GRID)', value: booth.boothId }]);
	});

	it('an unknown event is Airmeet\'s 404, an event of another community its 401', async () => {
		const missing = await caught(run({ resource: 'event', operation: 'getTracks', airmeetId: rl('00000000-0000-4000-8000-000000000000') }));
		expect(missing).toBeInstanceOf(NodeApiError);
		expect(missing.message).toMatch(/could not get the tracks of event .* \(HTTP 404\): Airmeet not found/);
		world.fake.forbiddenEvents.add(event.uid);
		const forbidden = await caught(run({ resource: 'event', operation: 'getPolls', airmeetId: rl(event.uid) }));
		expect(forbidden.message).toMatch(/HTTP 401/);
	});

	it('an expired token is renewed once and the call repeated (412)', async () => {
		await run({ resource: 'event', operation: 'getQuestions', airmeetId: rl(event.uid) });
		world.fake.expireTokens();
		await run({ resource: 'event', operation: 'getQuestions', airmeetId: rl(event.uid) });
		expect(world.fake.count({ method: 'POST', path: '/auth' })).toBe(2);
		expect(calls('/questions').map((call) => call.path)).toHaveLength(3);
	});
});

describe('poll answers', () => {
	const pollCalls = () => calls('/polls').map((call) => Object.fromEntries(call.query));

	it('Return All follows the cursor to the last page: 60 respondents in exactly 2 calls of 50', async () => {
		world.fake.seedPollAnswers(event, 60);
		const items = await run({ resource: 'event', operation: 'getPolls', airmeetId: rl(event.uid), returnAll: true });
		expect(items).toHaveLength(60);
		expect(items[59]).toEqual({
			name: 'Respondent 60',
			email: 'respondent60@example.com',
			polls: [{ question: 'Ready?', answer: 'No', time_stamp: '2026-12-01T10:30:00.000Z' }],
		});
		expect(pollCalls()).toEqual([{ size: '50' }, { size: '50', after: '50' }]);
	});

	it('Limit 10 gives 10 respondents in one call', async () => {
		world.fake.seedPollAnswers(event, 60);
		const items = await run({ resource: 'event', operation: 'getPolls', airmeetId: rl(event.uid), returnAll: false, limit: 10 });
		expect(items.map((item) => item.email)).toEqual(Array.from({ length: 10 }, (_, i) => `respondent${i + 1}@example.com`));
		expect(pollCalls()).toEqual([{ size: '10' }]);
	});

	it('the fake refuses a page above 50, as the sources cap it', async () => {
		world.fake.seedPollAnswers(event, 1);
		await run({ resource: 'event', operation: 'getPolls', airmeetId: rl(event.uid), returnAll: true });
		const headers = { 'X-Airmeet-Access-Token': world.fake.issuedTokens[0] };
		const ask = async (size: number) => (await fetch(`${world.fake.baseUrl}/airmeet/${event.uid}/polls?size=${size}`, { headers })).status;
		expect([await ask(FAKE_POLLS_PAGE), await ask(FAKE_POLLS_PAGE + 1)]).toEqual([200, 400]);
	});
});

describe('recordings', () => {
	it('asks for the given sessions, or for every session of the event without naming them', async () => {
		const other = world.fake.seedSession(event, { name: 'Workshop' });
		event.recordings[session.sessionid] = [{ sessionId: session.sessionid, link: 'https://rec.example.com/1' }];
		event.recordings[other.sessionid] = [{ sessionId: other.sessionid, link: 'https://rec.example.com/2' }];
		const run1 = (sessionIds: string) => run({ resource: 'event', operation: 'getRecordings', airmeetId: rl(event.uid), sessionIds });
		expect((await run1(` ${other.sessionid} `)).map((item) => item.link)).toEqual(['https://rec.example.com/2']);
		expect((await run1(`${session.sessionid}, ${other.sessionid}`)).map((item) => item.link)).toEqual([
			'https://rec.example.com/1',
			'https://rec.example.com/2',
		]);
		expect((await run1('')).map((item) => item.link)).toEqual(['https://rec.example.com/1', 'https://rec.example.com/2']);
		// All sessions: one call with no query at all (no session listing first, no sessionIds).
		expect(world.fake.calls.filter((call) => call.path !== '/auth').map((call) => `${call.path}?${call.query.toString()}`)).toEqual([
			`/airmeet/${event.uid}/session-recordings?sessionIds=${other.sessionid}`,
			`/airmeet/${event.uid}/session-recordings?sessionIds=${session.sessionid}%2C${other.sessionid}`,
			`/airmeet/${event.uid}/session-recordings?`,
		]);
	});

	it('refuses a malformed session id before any call', async () => {
		const error = await caught(run({ resource: 'event', operation: 'getRecordings', airmeetId: rl(event.uid), sessionIds: 'a b' }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(world.fake.calls).toHaveLength(0);
	});
});

describe('asynchronous reports', () => {
	const reports: Array<[string, string, INodeParameters, (e: FakeAirmeetEvent) => Array<Record<string, unknown>>]> = [
		['event', 'getAttendance', {}, (e) => e.attendees],
		['event', 'getReplayAttendance', {}, (e) => e.replayAttendees],
		['event', 'getUtmReport', {}, (e) => e.utms],
		['session', 'getAttendance', {}, (e) => e.sessions[0].attendees],
		['booth', 'getAttendance', {}, (e) => e.booths[0].attendees],
	];

	function parametersFor(resource: string, operation: string, extra: INodeParameters): INodeParameters {
		const parameters: INodeParameters = { resource, operation, airmeetId: rl(event.uid), returnAll: true, ...FAST, ...extra };
		if (resource === 'session') parameters.sessionId = rl(session.sessionid);
		if (resource === 'booth') parameters.boothId = rl(event.booths[0].boothId);
		return parameters;
	}

	it.each(reports)('%s %s waits while Airmeet prepares it, then reads 50 a page to the last', async (resource, operation, extra, list) => {
		await setup({ preparingCalls: 3 });
		world.fake.seedBooth(event);
		world.fake.seedPeople(list(event), 2 * FAKE_REPORT_PAGE + 7);
		const items = await run(parametersFor(resource, operation, extra));
		expect(items).toHaveLength(107);
		expect(items[106].email).toBe('attendee107@example.com');
		const reportCalls = world.fake.calls.filter((call) => !call.path.startsWith('/auth'));
		// 3 answers "preparing", then the three pages.
		expect(reportCalls.map((call) => call.query.get('after'))).toEqual([null, null, null, null, '50', '100']);
	});

	it('the HTTP status 202 itself also reads as "preparing"', async () => {
		await setup({ preparingCalls: 2, preparingHttpStatus: 202 });
		world.fake.seedPeople(event.attendees, 3);
		expect(await run(parametersFor('event', 'getAttendance', {}))).toHaveLength(3);
		expect(calls('/attendees')).toHaveLength(3);
	});

	it('without waiting, a report being prepared is one item saying so', async () => {
		await setup({ preparingCalls: 5 });
		const items = await run(parametersFor('event', 'getUtmReport', { waitForReport: false }));
		expect(items).toEqual([expect.objectContaining({ status: 'preparing', airmeetId: event.uid, statusCode: 202 })]);
		expect(calls('/utms')).toHaveLength(1);
	});

	it('past Max Wait, fails saying the report is still being prepared and to run again later', async () => {
		await setup({ preparingCalls: 1000 });
		const error = await caught(
			run(parametersFor('event', 'getReplayAttendance', { waitOptions: { firstPause: 0.01, maxWait: 0.05 } })),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/could not get the replay attendance of event .*: the report is still being prepared/);
		expect((error as NodeApiError).description).toMatch(/Run the node again later/);
		// Pauses 0.01, 0.02, then the 0.02 left: four looks in all.
		expect(calls('/event-replay-attendees')).toHaveLength(4);
	});

	it('up to the limit, asking for no more than needed', async () => {
		world.fake.seedPeople(event.attendees, 120);
		const items = await run({ ...parametersFor('event', 'getAttendance', {}), returnAll: false, limit: 20 });
		expect(items).toHaveLength(20);
		expect(calls('/attendees').map((call) => call.query.get('size'))).toEqual(['20']);
	});

	it('attendance of an event that has not finished is Airmeet\'s refusal', async () => {
		event.status = 'ONGOING';
		const error = await caught(run(parametersFor('event', 'getAttendance', {})));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/has not finished/);
	});

	it('refuses a missing session or booth before any call', async () => {
		for (const parameters of [
			{ resource: 'session', operation: 'getAttendance', airmeetId: rl(event.uid), sessionId: rl('') },
			{ resource: 'booth', operation: 'getAttendance', airmeetId: rl(event.uid), boothId: rl('') },
		]) {
			const error = await caught(run(parameters));
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toMatch(/"(Session|Booth)"/);
		}
		expect(world.fake.calls).toHaveLength(0);
	});
});

describe('event writes', () => {
	const create = (extra: INodeParameters = {}): INodeParameters => ({
		resource: 'event',
		operation: 'create',
		hostEmail: 'host@example.com',
		eventName: 'Launch',
		shortDesc: 'Our launch',
		startTime: '2026-12-01T10:00:00',
		endTime: '2026-12-01T12:00:00',
		timezone: 'Europe/Berlin',
		...extra,
	});

	it('refuses an Access it does not take before any call, listing the ones it does', async () => {
		const error = await caught(run(create({ additionalFields: { access: 'PUBLIC' } })));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			'The "Access" field has values it does not take: "PUBLIC". Use one of: INVITED_ONLY, WITH_VERIFIED_EMAIL, WITHOUT_VERIFIED_EMAIL',
		);
		expect(world.fake.calls).toHaveLength(0);
	});

	it('creates an event, reading times without an offset in its time zone', async () => {
		const [created] = await run(create({ additionalFields: { access: 'WITH_VERIFIED_EMAIL', longDesc: 'More', tableCount: 5 } }));
		expect(created).toEqual({ uuid: expect.any(String), status: 'Airmeet created' });
		const body = calls('/airmeet')[0].body as IDataObject;
		expect(body).toEqual({
			hostEmail: 'host@example.com',
			eventName: 'Launch',
			shortDesc: 'Our launch',
			longDesc: 'More',
			access: 'WITH_VERIFIED_EMAIL',
			eventType: 'MEETUP',
			timing: { startTime: Date.UTC(2026, 11, 1, 9), endTime: Date.UTC(2026, 11, 1, 11), timezone: 'Europe/Berlin' },
			config: { networking: true, tableCount: 5 },
		});
		expect(world.fake.events.map((e) => e.uid)).toContain(created.uuid);
	});

	it('takes a time with an offset as it is', async () => {
		await run(create({ startTime: '2026-12-01T10:00:00Z', endTime: '2026-12-01T13:00:00+01:00' }));
		expect((calls('/airmeet')[0].body as IDataObject).timing).toEqual(
			expect.objectContaining({ startTime: Date.UTC(2026, 11, 1, 10), endTime: Date.UTC(2026, 11, 1, 12) }),
		);
	});

	it.each([
		[{ hostEmail: 'nope' }, /"Host Email" field needs an e-mail address/],
		[{ eventName: '' }, /"Name" field is empty/],
		[{ timezone: 'Mars/Olympus' }, /"Timezone" field/],
		[{ startTime: 'soon' }, /"Start Time" field needs a date/],
		[{ endTime: '2026-12-01T09:00:00' }, /"End Time" field must be after/],
	])('refuses %j before any call', async (extra, message) => {
		const error = await caught(run(create(extra)));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(message);
		expect(world.fake.calls).toHaveLength(0);
	});

	it('starts and finishes an event; finishing twice is Airmeet\'s error', async () => {
		event.status = 'CREATED';
		expect(await run({ resource: 'event', operation: 'start', airmeetId: rl(event.uid) })).toEqual([
			{ airmeetId: event.uid, status: 'ONGOING', statusUpdated: true },
		]);
		expect(event.status).toBe('ONGOING');
		await run({ resource: 'event', operation: 'finish', airmeetId: rl(event.uid) });
		expect(event.status).toBe('FINISHED');
		expect(calls('/status').map((call) => call.body)).toEqual([{ status: 'ONGOING' }, { status: 'FINISHED' }]);
		const error = await caught(run({ resource: 'event', operation: 'finish', airmeetId: rl(event.uid) }));
		expect(error.message).toMatch(/already finished/);
	});
});

describe('session, speaker, registration and participant', () => {
	/** Session > Create of a 45-minute panel with the given speakers. */
	const panel = (speakerEmails: string): INodeParameters => ({
		resource: 'session',
		operation: 'create',
		airmeetId: rl(event.uid),
		sessionTitle: 'Panel',
		sessionStartTime: '2026-12-01T10:30:00Z',
		sessionDuration: 45,
		hostEmail: 'host@example.com',
		additionalFields: { speakerEmails },
	});

	it('lists the sessions of an event, up to the limit', async () => {
		world.fake.seedSession(event, { name: 'Workshop' });
		const all = await run({ resource: 'session', operation: 'getAll', airmeetId: rl(event.uid), returnAll: true });
		expect(all.map((item) => item.name)).toEqual(['Keynote', 'Workshop']);
		expect(await run({ resource: 'session', operation: 'getAll', airmeetId: rl(event.uid), limit: 1 })).toHaveLength(1);
	});

	it('adds a speaker, then creates a session with them', async () => {
		const [speaker] = await run({
			resource: 'speaker',
			operation: 'add',
			airmeetId: rl(event.uid),
			name: 'Ada',
			email: 'ada@example.com',
			additionalFields: { organisation: 'Engines', bio: ' ' },
		});
		expect(speaker).toEqual({ airmeetId: event.uid, speakerEmail: 'ada@example.com', status: 'Speaker added' });
		expect(calls('/speaker')[0].body).toEqual({ name: 'Ada', email: 'ada@example.com', organisation: 'Engines' });
		const [created] = await run(panel('ada@example.com'));
		expect(created).toEqual({ airmeetId: event.uid, uuid: expect.any(String) });
		expect(calls('/session')[0].body).toEqual({
			sessionTitle: 'Panel',
			sessionStartTime: Date.UTC(2026, 11, 1, 10, 30),
			sessionDuration: 45,
			hostEmail: 'host@example.com',
			speakerEmails: ['ada@example.com'],
			type: 'HOSTING',
		});
		expect(event.sessions.map((s) => s.name)).toEqual(['Keynote', 'Panel']);
	});

	it('a session with a speaker not added first is Airmeet\'s error', async () => {
		const error = await caught(run(panel('grace@example.com')));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/grace@example.com is not part of this Airmeet/);
	});

	it.each([
		[{ resource: 'speaker', operation: 'add', name: 'Ada', email: 'x' }, /"Email" field needs an e-mail/],
		[{ resource: 'session', operation: 'create', sessionTitle: 'T', sessionStartTime: 'x', sessionDuration: 5, hostEmail: 'h@e.com' }, /"Start Time"/],
		[{ resource: 'session', operation: 'create', sessionTitle: 'T', sessionStartTime: '2026-12-01T10:00:00Z', sessionDuration: 5, hostEmail: 'h@e.com', additionalFields: { speakerEmails: 'a@b.com, nope' } }, /"Speaker Emails"/],
		[{ resource: 'participant', operation: 'remove', email: '' }, /"Email" field is empty/],
	])('refuses %j before any call', async (parameters, message) => {
		const error = await caught(run({ airmeetId: rl(event.uid), ...parameters } as INodeParameters));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(message);
		expect(world.fake.calls).toHaveLength(0);
	});

	it('lists registrations across cursor pages with Return All, and up to a limit', async () => {
		await setup({ maxRegistrationPage: 40 });
		world.fake.seedPeople(event.registrations, 95);
		const all = await run({ resource: 'registration', operation: 'getAll', airmeetId: rl(event.uid), returnAll: true });
		expect(all).toHaveLength(95);
		expect(calls('/registrations').map((call) => call.query.get('after'))).toEqual([null, '40', '80']);
		world.fake.resetCalls();
		expect(await run({ resource: 'registration', operation: 'getAll', airmeetId: rl(event.uid), limit: 10 })).toHaveLength(10);
		expect(calls('/registrations').map((call) => call.query.get('size'))).toEqual(['10']);
	});

	it('removes a participant by e-mail (encoded in the path); an unknown one is Airmeet\'s 404', async () => {
		world.fake.seedParticipants(event, 2);
		const [removed] = await run({ resource: 'participant', operation: 'remove', airmeetId: rl(event.uid), email: 'person1@example.com' });
		expect(removed).toEqual({ airmeetId: event.uid, email: 'person1@example.com', success: true, message: 'Attendee removed', deleted: true });
		expect(calls('/attendee/person1%40example.com')).toHaveLength(1);
		expect(event.participants.map((p) => p.email)).toEqual(['person2@example.com']);
		const error = await caught(run({ resource: 'participant', operation: 'remove', airmeetId: rl(event.uid), email: 'person1@example.com' }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/HTTP 404\): Attendee not found/);
	});
});
