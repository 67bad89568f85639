/**
 * Every request the nodes can send, checked against what independent sources say of each call
 * (table.ts). The nodes run inside n8n's own contexts (the harness) against the fakes; each call
 * the fakes recorded must match a row of the table, with no field outside it but the listed
 * exceptions, and carry the credential the row names.
 */
import type { INodeParameters, INodeProperties, INodeType } from 'n8n-workflow';

import { AirmeetApi } from '../../credentials/AirmeetApi.credentials';
import { SimplyMeetApi } from '../../credentials/SimplyMeetApi.credentials';
import { Airmeet } from '../../nodes/Airmeet/Airmeet.node';
import { AirmeetTrigger } from '../../nodes/Airmeet/AirmeetTrigger.node';
import { SimplyMeet } from '../../nodes/SimplyMeet/SimplyMeet.node';
import { SimplyMeetTrigger } from '../../nodes/SimplyMeet/SimplyMeetTrigger.node';
import { AirmeetFake, FAKE_TRIGGERS, sampleCustomFields } from '../fakes/airmeetFake';
import type { RecordedCall } from '../fakes/fakeService';
import { SIMPLYMEET_EVENTS, SimplyMeetFake } from '../fakes/simplyMeetFake';
import { rl } from '../harness/errors';
import { TestN8n } from '../harness/n8nHarness';
import { describeProblems, matchRequest } from './matcher';
import type { Auth, ContractException, Service } from './table';
import { CONTRACT, EXCEPTIONS } from './table';

/** The headers that carry the credential, by the row's kind of auth. */
const AUTH_HEADERS: Record<Auth, string[]> = {
	apiKey: ['x-api-key'],
	keyPair: ['x-access-key', 'x-secret-key'],
	authKeys: ['x-airmeet-access-key', 'x-airmeet-secret-key'],
	token: ['x-airmeet-access-token'],
};

const airmeet = new AirmeetFake();
const simplyMeet = new SimplyMeetFake();
const nodes = { airmeet: new Airmeet(), airmeetTrigger: new AirmeetTrigger(), simplyMeet: new SimplyMeet(), simplyMeetTrigger: new SimplyMeetTrigger() };
const n8n = new TestN8n(Object.values(nodes), [new AirmeetApi(), new SimplyMeetApi()]);

beforeAll(async () => {
	await airmeet.start();
	await simplyMeet.start();
	await n8n.start();
});
afterAll(async () => {
	await airmeet.stop();
	await simplyMeet.stop();
	await n8n.stop();
});

function airmeetCredentials() {
	const data = { accessKey: airmeet.accessKey, secretKey: airmeet.secretKey, region: 'custom', baseUrl: `${airmeet.baseUrl}/` };
	return { data, details: { airmeetApi: n8n.vault.add('airmeetApi', data) } };
}

function simplyMeetCredentials() {
	const data = { apiKey: simplyMeet.apiKey, baseUrl: simplyMeet.baseUrl };
	return { data, details: { simplyMeetApi: n8n.vault.add('simplyMeetApi', data) } };
}

/** The world every request is sent in: one finished event with a session, a booth, custom fields and a speaker. */
function seed() {
	const event = airmeet.seedEvent({ name: 'Product Launch', status: 'FINISHED', customFields: sampleCustomFields() });
	const session = airmeet.seedSession(event, { name: 'Keynote', status: 'FINISHED' });
	const booth = airmeet.seedBooth(event, { name: 'Sponsor A' });
	const live = airmeet.seedEvent({ name: 'Webinar', status: 'CREATED' });
	event.speakers.push({ name: 'Grace Hopper', email: 'grace@example.com' });
	event.participants.push({ email: 'gone@example.com', name: 'Gone' });
	const meetingType = simplyMeet.seedMeetingType({ name: 'Intro call' });
	return { event, session, booth, live, meetingType };
}

type Seeded = ReturnType<typeof seed>;

const WAIT = { waitForReport: true, waitOptions: { firstPause: 0.01, maxWait: 5 } };
const PAGED = [{ returnAll: true }, { returnAll: false, limit: 3 }];

/** The Airmeet node's newest version, which the operations run as; saved workflows keep 1 (see the version-1 run below). */
const AIRMEET_VERSION = Math.max(...[nodes.airmeet.description.version].flat());

/** Each Airmeet operation with every option set, and again with none of the optional ones. */
function airmeetOperations(s: Seeded): INodeParameters[] {
	const event = rl(s.event.uid);
	const hookUrl = 'https://example.com/hooks/contract';
	const reports = (resource: string, operation: string, extra: INodeParameters = {}) =>
		PAGED.map((paging) => ({ resource, operation, airmeetId: event, ...extra, ...paging, ...WAIT }));
	return [
		...reports('booth', 'getAttendance', { boothId: rl(s.booth.boothId) }),
		{
			resource: 'booth',
			operation: 'create',
			airmeetId: event,
			name: 'Sponsor B',
			exhibitors: {
				exhibitor: [
					{ email: 'ex@example.com', attendanceType: 'HYBRID' },
					{ email: 'ex2@example.com', attendanceType: '' },
				],
			},
			chatEnabled: true,
			broadcastEnabled: true,
			loungeEnabled: true,
			tableCount: 4,
			additionalFields: { tags: 'gold, cloud' },
		},
		{ resource: 'booth', operation: 'create', airmeetId: event, name: 'Sponsor C' },
		{
			resource: 'event',
			operation: 'create',
			hostEmail: 'host@example.com',
			eventName: 'Contract Day',
			shortDesc: 'All the calls',
			startTime: '2026-12-01T10:00:00Z',
			endTime: '2026-12-01T12:00:00Z',
			timezone: 'Europe/London',
			additionalFields: { access: 'WITH_VERIFIED_EMAIL', eventImage: 'https://example.com/day.png', longDesc: 'Long', networking: false, tableCount: 8 },
		},
		{ resource: 'event', operation: 'start', airmeetId: rl(s.live.uid) },
		{ resource: 'event', operation: 'finish', airmeetId: rl(s.live.uid) },
		{ resource: 'event', operation: 'get', airmeetId: event },
		...PAGED.map((paging) => ({ resource: 'event', operation: 'getAll', ...paging })),
		...reports('event', 'getAttendance'),
		...reports('event', 'getReplayAttendance'),
		...reports('event', 'getUtmReport'),
		...['getBooths', 'getCustomFields', 'getQuestions', 'getTracks'].map((operation) => ({ resource: 'event', operation, airmeetId: event })),
		...PAGED.map((paging) => ({ resource: 'event', operation: 'getPolls', airmeetId: event, ...paging })),
		{ resource: 'event', operation: 'getRecordings', airmeetId: event, sessionIds: s.session.sessionid },
		{ resource: 'event', operation: 'getRecordings', airmeetId: event, sessionIds: '' },
		{ resource: 'participant', operation: 'add', airmeetId: event, email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' },
		{
			resource: 'participant',
			operation: 'add',
			airmeetId: event,
			email: 'alan@example.com',
			firstName: 'Alan',
			lastName: 'Turing',
			attendanceType: 'IN-PERSON',
			registerAttendee: true,
			sendEmailInvite: true,
			additionalFields: {
				city: 'London',
				country: 'United Kingdom',
				designation: 'Mathematician',
				organisation: 'Bletchley',
				customFieldValueFormat: 'list',
				customFieldMapping: '[{"fieldId": "f-diet", "value": ["None"]}]',
				customFields: { field: [{ fieldId: 'f-size', value: 'm' }] },
			},
		},
		{
			resource: 'participant',
			operation: 'add',
			airmeetId: event,
			email: 'edsger@example.com',
			firstName: 'Edsger',
			lastName: 'Dijkstra',
			additionalFields: { customFieldMapping: '{"f-diet": "None"}' },
		},
		{ resource: 'participant', operation: 'getAll', airmeetId: event, ...PAGED[0], options: { sortingKey: 'name', sortingDirection: 'DESC' } },
		{ resource: 'participant', operation: 'getAll', airmeetId: event, ...PAGED[1] },
		{ resource: 'participant', operation: 'remove', airmeetId: event, email: 'gone@example.com' },
		...PAGED.map((paging) => ({ resource: 'registration', operation: 'getAll', airmeetId: event, ...paging })),
		...Object.keys(FAKE_TRIGGERS).map((trigger) => ({ resource: 'samplePayload', operation: 'get', trigger })),
		{
			resource: 'session',
			operation: 'create',
			airmeetId: event,
			sessionTitle: 'Panel',
			sessionStartTime: '2026-12-01T10:30:00Z',
			sessionDuration: 45,
			hostEmail: 'host@example.com',
			type: 'SPEED_NETWORKING',
			speedNetworking: { conversationTime: 5, extendNetworkingTime: 2 },
			additionalFields: {
				cohostEmails: 'co@example.com',
				hideHost: true,
				speakerEmails: 'grace@example.com',
				sessionSummary: 'Talk',
				tags: 'intro, panel',
				tracks: 'Main',
			},
		},
		{
			resource: 'session',
			operation: 'create',
			airmeetId: event,
			sessionTitle: 'At the booth',
			sessionStartTime: '2026-12-01T11:00:00Z',
			sessionDuration: 20,
			hostEmail: 'host@example.com',
			type: 'BOOTH',
			boothId: rl(s.booth.boothId),
		},
		{
			resource: 'session',
			operation: 'create',
			airmeetId: event,
			sessionTitle: 'Short',
			sessionStartTime: '2026-12-01T11:30:00Z',
			sessionDuration: 15,
			hostEmail: 'host@example.com',
		},
		...reports('session', 'getAttendance', { sessionId: rl(s.session.sessionid) }),
		...PAGED.map((paging) => ({ resource: 'session', operation: 'getAll', airmeetId: event, ...paging })),
		{
			resource: 'speaker',
			operation: 'add',
			airmeetId: event,
			name: 'Katherine Johnson',
			email: 'katherine@example.com',
			additionalFields: { bio: 'Orbits', city: 'Hampton', country: 'USA', designation: 'Mathematician', imageUrl: 'https://example.com/k.png', organisation: 'NASA' },
		},
		{ resource: 'speaker', operation: 'add', airmeetId: event, name: 'Dorothy Vaughan', email: 'dorothy@example.com' },
		{
			resource: 'webhook',
			operation: 'register',
			trigger: 'trigger.session.attendee.joined',
			airmeetId: event,
			sessionId: rl(s.session.sessionid),
			url: hookUrl,
			options: { name: FAKE_TRIGGERS['trigger.session.attendee.joined'].name, description: 'contract' },
		},
		{ resource: 'webhook', operation: 'register', trigger: 'trigger.airmeet.created', url: hookUrl },
		...PAGED.map((paging) => ({ resource: 'webhook', operation: 'getAll', scope: 'event', airmeetId: event, ...paging })),
		{ resource: 'webhook', operation: 'getAll', scope: 'session', airmeetId: event, sessionId: rl(s.session.sessionid), returnAll: true },
	];
}

function simplyMeetOperations(s: Seeded, hookUuid: string): INodeParameters[] {
	return [
		...PAGED.map((paging) => ({ resource: 'meetingType', operation: 'getAll', ...paging })),
		{ resource: 'singleUseLink', operation: 'create', meetingType: rl(s.meetingType.uuid), count: 1 },
		{ resource: 'singleUseLink', operation: 'create', meetingType: rl(s.meetingType.uuid), count: 3 },
		{ resource: 'webhook', operation: 'create', url: 'https://example.com/hooks/sm', events: SIMPLYMEET_EVENTS, secret: 'contract-secret' },
		...PAGED.map((paging) => ({ resource: 'webhook', operation: 'getAll', ...paging })),
		{ resource: 'webhook', operation: 'delete', webhookId: rl(hookUuid) },
	];
}

/** The option names an operation shows (collections as `parent.child`), for the coverage check. */
function optionNames(type: INodeType, resource: string, operation: string): Set<string> {
	const names = new Set<string>();
	for (const property of type.description.properties) {
		const show = property.displayOptions?.show ?? {};
		if (!show.resource?.includes(resource) || !show.operation?.includes(operation)) continue;
		names.add(property.name);
		for (const child of (property.options ?? []) as Array<Partial<INodeProperties>>) {
			if (['collection', 'fixedCollection'].includes(property.type) && child.name) names.add(`${property.name}.${child.name}`);
		}
	}
	return names;
}

function namesSet(parameters: INodeParameters): string[] {
	return Object.entries(parameters).flatMap(([name, value]) =>
		typeof value === 'object' && value !== null && !Array.isArray(value) && !('__rl' in value)
			? [name, ...Object.keys(value).map((child) => `${name}.${child}`)]
			: [name],
	);
}

function operationsOf(type: INodeType): Array<{ resource: string; operation: string }> {
	return type.description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			((property.options ?? []) as Array<{ value: string }>).map((option) => ({
				resource: String(property.displayOptions?.show?.resource?.[0]),
				operation: option.value,
			})),
		);
}

interface Checked {
	service: Service;
	call: RecordedCall;
}

const checked: Checked[] = [];

function take(service: Service, fake: AirmeetFake | SimplyMeetFake): void {
	checked.push(...fake.calls.map((call) => ({ service, call })));
	fake.resetCalls();
}

describe('every request the nodes send is one the sources describe', () => {
	let seeded: Seeded;
	const coverage = new Map<string, Set<string>>();

	beforeAll(async () => {
		seeded = seed();
		const am = airmeetCredentials();
		const sm = simplyMeetCredentials();

		// Credential tests, and the token call they make.
		expect(await n8n.testCredential('airmeetApi', am.data)).toEqual({ status: 'OK', message: 'Connection tested successfully' });
		expect(await n8n.testCredential('simplyMeetApi', sm.data)).toEqual({ status: 'OK', message: 'Connection tested successfully' });

		// Every operation of both action nodes.
		const failures: string[] = [];
		const run = async (type: 'airmeet' | 'simplyMeet', parameters: INodeParameters, credentials: object, typeVersion?: number) => {
			const key = `${type}:${String(parameters.resource)}.${String(parameters.operation)}`;
			const seen = coverage.get(key) ?? new Set<string>();
			for (const name of namesSet(parameters)) seen.add(name);
			coverage.set(key, seen);
			try {
				await n8n.execute(type, { parameters, credentials: credentials as never, typeVersion });
			} catch (error) {
				failures.push(`${key}: ${(error as Error).message}`);
			}
		};
		for (const parameters of airmeetOperations(seeded)) await run('airmeet', parameters, am.details, AIRMEET_VERSION);
		await run('airmeet', { resource: 'webhook', operation: 'deregister', ...registeredHook() }, am.details, AIRMEET_VERSION);
		// A saved version-1 node keeps the two switches in Additional Fields.
		const attendee = { resource: 'participant', operation: 'add', airmeetId: rl(seeded.event.uid), firstName: 'Barbara', lastName: 'Liskov' };
		const switches = { registerAttendee: true, sendEmailInvite: false };
		await run('airmeet', { ...attendee, email: 'barbara@example.com', additionalFields: switches }, am.details, 1);
		// Custom field values as text, for an account where Airmeet expects text (the fake then refuses lists).
		airmeet.customFieldValues = 'text';
		const textAnswers = { customFieldValueFormat: 'text', customFields: { field: [{ fieldId: 'f-diet', value: 'None' }] } };
		await run('airmeet', { ...attendee, email: 'tony@example.com', firstName: 'Tony', lastName: 'Hoare', additionalFields: textAnswers }, am.details, AIRMEET_VERSION);
		airmeet.customFieldValues = 'list';
		const hook = simplyMeet.seedHook({ url: 'https://example.com/hooks/gone' });
		for (const parameters of simplyMeetOperations(seeded, hook.uuid)) await run('simplyMeet', parameters, sm.details);
		expect(failures).toEqual([]);

		// Pickers.
		const withEvent = { parameters: { airmeetId: rl(seeded.event.uid) }, credentials: am.details };
		await n8n.listSearch('airmeet', withEvent, 'searchEvents', 'launch');
		await n8n.listSearch('airmeet', withEvent, 'searchSessions');
		await n8n.listSearch('airmeet', withEvent, 'searchBooths');
		await n8n.loadOptions('airmeet', withEvent, 'getCustomFields');
		await n8n.listSearch('simplyMeet', { credentials: sm.details }, 'searchWebhooks');
		await n8n.listSearch('simplyMeet', { credentials: sm.details }, 'searchMeetingTypes');

		// Each trigger's register, list and deregister: publish, publish again (finds its hook), unpublish.
		for (const trigger of Object.keys(FAKE_TRIGGERS)) {
			const node = n8n.trigger('airmeetTrigger', {
				parameters: { trigger, airmeetId: rl(seeded.event.uid), sessionId: rl(seeded.session.sessionid), options: { description: 'contract' } },
				credentials: am.details,
			});
			await node.publish();
			node.restart();
			await node.publish();
			await node.unpublish();
		}
		const smTrigger = n8n.trigger('simplyMeetTrigger', { parameters: { events: SIMPLYMEET_EVENTS }, credentials: sm.details });
		await smTrigger.publish();
		smTrigger.restart();
		await smTrigger.publish();
		await smTrigger.unpublish();

		take('airmeet', airmeet);
		take('simplymeet', simplyMeet);
	}, 60_000);

	/** A hook the deregister operation can remove. */
	function registeredHook(): INodeParameters {
		const hook = airmeet.seedHook({ url: 'https://example.com/hooks/old', triggerMetaInfoId: 'trigger.airmeet.reminder' });
		return { webhookId: String(hook.id), trigger: hook.triggerMetaInfoId, url: hook.url };
	}

	it('sent calls of every kind', () => {
		expect(checked.length).toBeGreaterThan(100);
	});

	it('matches each call to a row, with no field outside it', () => {
		const outside = checked
			.map(({ service, call }) => ({ call, match: matchRequest(service, call) }))
			.filter(({ match }) => match.problems.length > 0)
			.map(({ call, match }) => describeProblems(call, match.problems));
		expect(outside).toEqual([]);
	});

	it('sends each call with the credential headers its row names', () => {
		const wrong = checked.flatMap(({ service, call }) => {
			const row = matchRequest(service, call).row;
			const missing = row ? AUTH_HEADERS[row.auth].filter((name) => !call.headers[name]) : [];
			return missing.length > 0 ? [`${call.method} ${call.path}: no ${missing.join(', ')}`] : [];
		});
		expect(wrong).toEqual([]);
	});

	it('calls every row of the table', () => {
		const called = new Set(checked.map(({ service, call }) => matchRequest(service, call).row?.id));
		expect(CONTRACT.map((row) => row.id).filter((id) => !called.has(id))).toEqual([]);
	});

	it('needs every listed exception', () => {
		const used = new Set<ContractException>(checked.flatMap(({ service, call }) => matchRequest(service, call).exceptionsUsed));
		expect(EXCEPTIONS.filter((exception) => !used.has(exception)).map((exception) => `${exception.row} ${exception.field}`)).toEqual([]);
	});

	it('drives every operation of both action nodes with every option it shows', () => {
		const missing: string[] = [];
		for (const [type, node] of [
			['airmeet', nodes.airmeet],
			['simplyMeet', nodes.simplyMeet],
		] as const) {
			for (const { resource, operation } of operationsOf(node)) {
				const seen = coverage.get(`${type}:${resource}.${operation}`);
				if (!seen) {
					missing.push(`${type}:${resource}.${operation} (not run)`);
					continue;
				}
				for (const name of optionNames(node, resource, operation)) if (!seen.has(name)) missing.push(`${type}:${resource}.${operation} ${name}`);
			}
		}
		expect(missing).toEqual([]);
	});
});

describe('the fakes enforce the same table', () => {
	const post = async (url: string, body: unknown, headers: Record<string, string>) => {
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
		return { status: response.status, body: (await response.json()) as { message?: string } };
	};

	it('Airmeet answers 400 naming an undeclared body field, and a missing required one', async () => {
		const base = { name: 'AIRMEET_CREATED', description: 'x', triggerMetaInfoId: 'trigger.airmeet.created', url: 'https://example.com/h', platformName: 'n8n' };
		const keys = { 'x-access-key': airmeet.accessKey, 'x-secret-key': airmeet.secretKey };
		const register = `${airmeet.baseUrl}/platform-integration/v1/webhook-register`;
		const extra = await post(register, { ...base, colour: 'blue' }, keys);
		expect(extra.status).toBe(400);
		expect(extra.body.message).toContain('body.colour undeclared');
		const withoutUrl: Record<string, string> = { ...base };
		delete withoutUrl.url;
		const missing = await post(register, withoutUrl, keys);
		expect(missing.status).toBe(400);
		expect(missing.body.message).toContain('body.url missing');
		expect((await post(register, base, keys)).status).toBe(200);
	});

	it('SimplyMeet answers 400 naming a value outside the declared enum', async () => {
		const answer = await post(`${simplyMeet.baseUrl}/webhooks`, { url: 'https://example.com/h', events: ['meetingMoved'], secret: 's' }, { 'x-api-key': simplyMeet.apiKey });
		expect(answer.status).toBe(400);
		expect(answer.body.message).toContain('body.events notAllowed');
	});
});
