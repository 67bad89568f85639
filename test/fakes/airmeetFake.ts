import { randomUUID } from 'crypto';

import type { CallFilter, FakeAnswer, RecordedCall } from './fakeService';
import { FakeService, postJson } from './fakeService';

type Json = Record<string, unknown>;

/**
 * The triggers Airmeet knows, with the `name` the fake insists on and what each needs, written
 * from API.md independently of the node's own table (so a typo there shows up here).
 */
export const FAKE_TRIGGERS: Record<string, { name: string; needs: 'none' | 'event' | 'session' | 'optional' }> = {
	'trigger.airmeet.created': { name: 'AIRMEET_CREATED', needs: 'none' },
	'trigger.airmeet.started': { name: 'AIRMEET_STARTED', needs: 'none' },
	'trigger.airmeet.finished': { name: 'AIRMEET_FINISHED', needs: 'none' },
	'trigger.airmeet.reminder': { name: 'AIRMEET_REMINDER', needs: 'none' },
	'trigger.airmeet.recording.available': { name: 'RECORDING_AVAILABLE', needs: 'none' },
	'trigger.airmeet.attendee.added': { name: 'ATTENDEE_ADDED', needs: 'none' },
	'trigger.airmeet.registrant.added': { name: 'REGISTRANT_ADDED', needs: 'event' },
	'trigger.airmeet.attendee.joined': { name: 'ATTENDEE_JOINED_EVENT', needs: 'event' },
	'trigger.session.attendee.joined': { name: 'ATTENDEE_JOINED_SESSION', needs: 'session' },
	'trigger.airmeet.polls': { name: 'EVENT_POLLS', needs: 'event' },
	'trigger.airmeet.questions': { name: 'EVENT_QUESTIONS', needs: 'optional' },
	'trigger.attendee.booth.joined': { name: 'BOOTH_ATTENDEE', needs: 'optional' },
};

export interface FakeSession {
	sessionid: string;
	name: string;
	start_time: string;
	status: string;
	duration: number;
	type: string;
	/** Who attended (served only once the session is FINISHED). */
	attendees: Json[];
}

export interface FakeBooth {
	boothId: string;
	name: string;
	/** The certified connector lists it for each booth, without its values: these are made up. */
	layoutType: string;
	/** Who visited (served only once the event is FINISHED). */
	attendees: Json[];
}

export interface FakeAirmeetEvent {
	uid: string;
	name: string;
	status: string;
	timezone: string;
	startTime: number;
	endTime: number;
	sessions: FakeSession[];
	participants: Json[];
	/** Registrations as `/registrations` lists them (cursor paging). */
	registrations: Json[];
	/** The asynchronous reports, served only once the event is FINISHED (UTMs: any time). */
	attendees: Json[];
	replayAttendees: Json[];
	utms: Json[];
	customFields: Json[];
	tracks: Json[];
	booths: FakeBooth[];
	polls: Json[];
	questions: Json[];
	speakers: Json[];
	/** Recordings by session id. */
	recordings: Record<string, Json[]>;
}

export interface FakeAirmeetHook {
	id: string | number;
	triggerMetaInfoId: string;
	name: string;
	description: string;
	url: string;
	platformName: string;
	isActive: boolean;
	metaData: Json;
	createdAt: string;
	updatedAt: string;
	createdBy: string;
	updatedBy: string;
	/** Where it was registered (not part of Airmeet's answer; kept for listing). */
	airmeetId?: string;
	sessionId?: string;
}

export interface AirmeetFakeOptions {
	accessKey?: string;
	secretKey?: string;
	/** `/auth` answers `{token, label}` (as seen by real clients) or `{success, data: {token, label}}` (as documented). */
	authShape?: 'top' | 'data';
	/** How many calls a token serves before it answers 412 (expired). */
	tokenUses?: number;
	/** The success code in bodies: "200", or "2000" as one revision of the docs shows. */
	successCode?: '200' | '2000';
	/** How deregistering an unknown webhook fails: HTTP 404, or HTTP 200 with the failure in the body. */
	notFoundStyle?: 'http' | 'body';
	/** Webhook ids as text (uuid) or numbers. */
	idStyle?: 'uuid' | 'number';
	/** Reject a webhook whose `name` does not match its trigger. */
	strictNames?: boolean;
	/** The largest `/airmeets` page served. */
	maxEventPage?: number;
	/** How many calls each asynchronous report answers "preparing" before it is ready. */
	preparingCalls?: number;
	/** The HTTP status of a "preparing" answer: 200 with statusCode 202 in the body, or 202 itself (unconfirmed which). */
	preparingHttpStatus?: 200 | 202;
	/** The largest `/registrations` page served. */
	maxRegistrationPage?: number;
	/**
	 * The register answer: `envelope` as Airmeet's page shows it (`{statusCode, statusMessage,
	 * payload: {id, ...}}`), or `flat` as the certified connector declares it (`{name, description,
	 * triggerMetaInfoId, url}`, no id).
	 */
	registerAnswer?: 'envelope' | 'flat';
	/** What `customFieldMapping[].value` must be: a list of strings (the certified connector) or a text (other clients). */
	customFieldValues?: 'list' | 'text';
}

/**
 * Two custom registration fields in the shapes Airmeet answers them: a required choice whose `type`
 * is `{fieldType, inputType, mappedFrom}` (the certified connector; the values are made up), and a
 * text whose `type` is text.
 */
export function sampleCustomFields(): Json[] {
	return [
		{
			label: 'Company Size',
			name: 'company_size',
			fieldId: 'f-size',
			type: { fieldType: 'DROPDOWN', inputType: 'SELECT', mappedFrom: 'CUSTOM' },
			isRequired: true,
			options: [
				{ code: 's', displayValue: '1-10' },
				{ code: 'm', displayValue: '11-200' },
			],
		},
		{ label: 'Dietary Needs', name: 'diet', fieldId: 'f-diet', type: 'TEXT', isRequired: false, options: [] },
	];
}

/** Airmeet serves its reports 50 entries a page, whatever size is asked for. */
export const FAKE_REPORT_PAGE = 50;

/** The largest page of poll answers: 50 (Parsons, after Airmeet's API pages); a larger `size` is refused. */
export const FAKE_POLLS_PAGE = 50;

const KEY_PAIR_ROUTES = [
	'/platform-integration/v1/webhook-register',
	'/platform-integration/v1/webhook-deregister',
	'/platform-integration/v1/sample-payload',
];

/** A copy of `value` without `keys`: what the fake keeps for itself stays out of its answers. */
function omit<T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> {
	return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key as K))) as Omit<T, K>;
}

function header(call: RecordedCall, name: string): string | undefined {
	const value = call.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

function bodyOf(call: RecordedCall): Json {
	return typeof call.body === 'object' && call.body !== null && !Array.isArray(call.body) ? (call.body as Json) : {};
}

/** A failure the way Airmeet's webhook service writes it: status in the body. */
function statusBody(status: number, message: string, httpStatus = status): FakeAnswer {
	return { status: httpStatus, body: { statusCode: String(status), statusMessage: message } };
}

/** Realistic samples per trigger; attendance-like triggers deliver lists. */
export function samplePayloadFor(triggerId: string, airmeetId = '11111111-2222-4333-8444-555555555555'): unknown {
	const registrant = {
		airmeetId,
		airmeetName: 'Product Launch 2026',
		email: 'ada@example.com',
		firstName: 'Ada',
		lastName: 'Lovelace',
		name: 'Ada Lovelace',
		city: 'London',
		country: 'United Kingdom',
		designation: 'Engineer',
		organisation: 'Analytical Engines',
		registrationTime: '2026-11-20T09:00:00.000Z',
		entryLink: `https://www.airmeet.com/e/${airmeetId}?t=entry-link`,
		utm_source: 'newsletter',
	};
	switch (triggerId) {
		case 'trigger.airmeet.registrant.added':
		case 'trigger.airmeet.attendee.added':
			return registrant;
		case 'trigger.airmeet.attendee.joined':
		case 'trigger.session.attendee.joined':
		case 'trigger.attendee.booth.joined':
			return [
				{ ...registrant, timeSpent: 42 },
				{ ...registrant, email: 'grace@example.com', firstName: 'Grace', lastName: 'Hopper', name: 'Grace Hopper', timeSpent: 17 },
			];
		case 'trigger.airmeet.polls':
			return [{ email: 'ada@example.com', polls: [{ question: 'Ready?', answer: 'Yes' }] }];
		case 'trigger.airmeet.questions':
			return [{ email: 'ada@example.com', questions: ['When is the replay?'] }];
		default:
			return {
				airmeetId,
				airmeetName: 'Product Launch 2026',
				startTime: '2026-12-01T10:00:00.000Z',
				endTime: '2026-12-01T12:00:00.000Z',
				timezone: 'Europe/London',
			};
	}
}

/** The shape of an e-mail address: the table declares only a string, Airmeet refuses other text. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function invalid(statusMessage: string): FakeAnswer {
	return { status: 400, body: { statusCode: 400, statusMessage } };
}

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringList(value: unknown): value is string[] {
	return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}

/** Airmeet's API as API.md describes it, under `/prod`: both auth styles, token expiry, status in bodies. */
export class AirmeetFake extends FakeService {
	accessKey: string;

	secretKey: string;

	authShape: 'top' | 'data';

	tokenUses: number;

	successCode: '200' | '2000';

	notFoundStyle: 'http' | 'body';

	idStyle: 'uuid' | 'number';

	strictNames: boolean;

	maxEventPage: number;

	preparingCalls: number;

	preparingHttpStatus: 200 | 202;

	maxRegistrationPage: number;

	registerAnswer: 'envelope' | 'flat';
	customFieldValues: 'list' | 'text';

	/** How many times each report (by path) was asked for so far: the first `preparingCalls` answer "preparing". */
	private readonly reportCalls = new Map<string, number>();

	/** Revoked keys answer 403 on /auth (and are refused by key-pair calls); wrong keys answer 400 there. */
	revoked = false;

	/** Every token /auth handed out, in order (to prove none leaks). */
	readonly issuedTokens: string[] = [];

	readonly hooks: FakeAirmeetHook[] = [];

	readonly events: FakeAirmeetEvent[] = [];

	/** Events the key's community may not see: token calls about them answer 401. */
	readonly forbiddenEvents = new Set<string>();

	private readonly tokens = new Map<string, { uses: number; expired: boolean; invalid: boolean }>();

	private nextNumericId = 1000;

	constructor(options: AirmeetFakeOptions = {}) {
		super('/prod', 'airmeet');
		this.accessKey = options.accessKey ?? 'am-access-key-0123456789';
		this.secretKey = options.secretKey ?? 'am-secret-key-9876543210';
		this.authShape = options.authShape ?? 'top';
		this.tokenUses = options.tokenUses ?? Number.POSITIVE_INFINITY;
		this.successCode = options.successCode ?? '200';
		this.notFoundStyle = options.notFoundStyle ?? 'http';
		this.idStyle = options.idStyle ?? 'uuid';
		this.strictNames = options.strictNames ?? true;
		this.maxEventPage = options.maxEventPage ?? 500;
		this.preparingCalls = options.preparingCalls ?? 0;
		this.preparingHttpStatus = options.preparingHttpStatus ?? 200;
		this.maxRegistrationPage = options.maxRegistrationPage ?? 100;
		this.registerAnswer = options.registerAnswer ?? 'envelope';
		this.customFieldValues = options.customFieldValues ?? 'list';
	}

	// ---- seeding and inspection -------------------------------------------------------------

	seedEvent(overrides: Partial<FakeAirmeetEvent> = {}): FakeAirmeetEvent {
		const index = this.events.length + 1;
		const event: FakeAirmeetEvent = {
			uid: randomUUID(),
			name: `Event ${index}`,
			status: 'CREATED',
			timezone: 'Europe/London',
			startTime: Date.UTC(2026, 11, index % 28 || 1, 10),
			endTime: Date.UTC(2026, 11, index % 28 || 1, 12),
			sessions: [],
			participants: [],
			registrations: [],
			attendees: [],
			replayAttendees: [],
			utms: [],
			customFields: [],
			tracks: [],
			booths: [],
			polls: [],
			questions: [],
			speakers: [],
			recordings: {},
			...overrides,
		};
		this.events.push(event);
		return event;
	}

	seedSession(event: FakeAirmeetEvent, overrides: Partial<FakeSession> = {}): FakeSession {
		const session: FakeSession = {
			sessionid: randomUUID(),
			name: `Session ${event.sessions.length + 1}`,
			start_time: '2026-12-01T10:00:00.000Z',
			status: 'CREATED',
			duration: 30,
			type: 'HOSTING',
			attendees: [],
			...overrides,
		};
		event.sessions.push(session);
		return session;
	}

	seedParticipants(event: FakeAirmeetEvent, count: number): void {
		for (let i = 0; i < count; i++) {
			const n = event.participants.length + 1;
			event.participants.push({ email: `person${n}@example.com`, name: `Person ${n}`, registrationDate: '2026-11-01' });
		}
	}

	seedBooth(event: FakeAirmeetEvent, overrides: Partial<FakeBooth> = {}): FakeBooth {
		const booth: FakeBooth = {
			boothId: randomUUID(),
			name: `Booth ${event.booths.length + 1}`,
			layoutType: 'DEFAULT',
			attendees: [],
			...overrides,
		};
		event.booths.push(booth);
		return booth;
	}

	/** `count` people, numbered on from what `list` holds, in the shape attendance reports use. */
	seedPeople(list: Json[], count: number, extra: Json = {}): void {
		for (let i = 0; i < count; i++) {
			const n = list.length + 1;
			list.push({ email: `attendee${n}@example.com`, name: `Attendee ${n}`, timeSpent: n % 90, ...extra });
		}
	}

	/** `count` poll respondents, numbered on, each as Airmeet lists them: who, and their answers. */
	seedPollAnswers(event: FakeAirmeetEvent, count: number): void {
		for (let i = 0; i < count; i++) {
			const n = event.polls.length + 1;
			event.polls.push({
				name: `Respondent ${n}`,
				email: `respondent${n}@example.com`,
				polls: [{ question: 'Ready?', answer: n % 2 ? 'Yes' : 'No', time_stamp: '2026-12-01T10:30:00.000Z' }],
			});
		}
	}

	/** Adds a hook directly, as if registered elsewhere (another tool, or Airmeet's own UI). */
	seedHook(hook: Partial<FakeAirmeetHook> & { url: string; triggerMetaInfoId: string }): FakeAirmeetHook {
		const now = new Date().toISOString();
		const full: FakeAirmeetHook = {
			id: this.newId(),
			name: FAKE_TRIGGERS[hook.triggerMetaInfoId]?.name ?? 'UNKNOWN',
			description: 'seeded',
			platformName: 'other',
			isActive: true,
			metaData: {},
			createdAt: now,
			updatedAt: now,
			createdBy: 'fake',
			updatedBy: 'fake',
			...hook,
		};
		this.hooks.push(full);
		return full;
	}

	/** Deletes a hook as someone would in Airmeet's UI. */
	removeHook(id: string | number): void {
		const index = this.hooks.findIndex((hook) => String(hook.id) === String(id));
		if (index >= 0) this.hooks.splice(index, 1);
	}

	hooksFor(url: string): FakeAirmeetHook[] {
		return this.hooks.filter((hook) => hook.url === url);
	}

	/** Every token issued so far now answers 412. */
	expireTokens(): void {
		for (const state of this.tokens.values()) state.expired = true;
	}

	/** Every token issued so far now answers 400 (as a token Airmeet no longer recognises). */
	invalidateTokens(): void {
		for (const state of this.tokens.values()) state.invalid = true;
	}

	/** The next `times` matching calls answer HTTP 200 with a failure in the body. */
	failInBody(filter: CallFilter, statusMessage = 'Something went wrong', statusCode = '500', times = 1): void {
		this.inject(filter, { kind: 'status', status: 200, body: { statusCode, statusMessage } }, times);
	}

	private newId(): string | number {
		return this.idStyle === 'number' ? this.nextNumericId++ : randomUUID();
	}

	// ---- delivery ---------------------------------------------------------------------------

	/** Posts a trigger's payload (its sample by default) to every active hook of that trigger. */
	async deliver(
		triggerId: string,
		payload?: unknown,
		options: { url?: string } = {},
	): Promise<Array<{ url: string; status: number; body: string }>> {
		const targets = this.hooks.filter(
			(hook) => hook.triggerMetaInfoId === triggerId && hook.isActive && (options.url === undefined || hook.url === options.url),
		);
		const results = [];
		for (const hook of targets) {
			const raw = JSON.stringify(payload ?? samplePayloadFor(triggerId, hook.airmeetId));
			results.push({ url: hook.url, ...(await postJson(hook.url, raw, { 'user-agent': 'Airmeet-Webhooks' })) });
		}
		return results;
	}

	/**
	 * Control routes (see CONTROL_PREFIX): `GET /hooks` lists the registered hooks, `GET /events`
	 * the seeded events with their sessions, `POST /deliver {trigger}` posts the trigger's sample
	 * payload to every active hook of that trigger and answers with where it went and what came back.
	 */
	protected override async control(call: RecordedCall): Promise<FakeAnswer> {
		if (call.path === '/hooks' && call.method === 'GET') return { status: 200, body: { hooks: this.hooks } };
		if (call.path === '/events' && call.method === 'GET') {
			return { status: 200, body: { events: this.events.map(({ uid, name, status, sessions }) => ({ uid, name, status, sessions })) } };
		}
		if (call.path === '/deliver' && call.method === 'POST') {
			const trigger = String(bodyOf(call).trigger ?? '');
			if (!FAKE_TRIGGERS[trigger]) {
				return { status: 400, body: { message: `Unknown trigger "${trigger}": one of ${Object.keys(FAKE_TRIGGERS).join(', ')}` } };
			}
			return { status: 200, body: { trigger, deliveries: await this.deliver(trigger) } };
		}
		return { status: 404, body: { message: `No control route ${call.method} ${call.path}` } };
	}

	// ---- routing ----------------------------------------------------------------------------

	protected handle(call: RecordedCall): FakeAnswer {
		if (call.path === '/auth') return call.method === 'POST' ? this.auth(call) : { status: 405 };
		if (KEY_PAIR_ROUTES.includes(call.path)) {
			const refused = this.checkKeyPair(call);
			if (refused) return refused;
			if (call.path.endsWith('/webhook-register') && call.method === 'POST') return this.register(call);
			if (call.path.endsWith('/webhook-deregister') && call.method === 'POST') return this.deregister(call);
			if (call.path.endsWith('/sample-payload') && call.method === 'GET') return this.sample(call);
			return { status: 405 };
		}
		const refused = this.checkToken(call);
		if (refused) return refused;
		if (call.path === '/platform-integration/v1/webhook-list' && call.method === 'GET') return this.list(call);
		if (call.path === '/airmeets' && call.method === 'GET') return this.listEvents(call);
		if (call.path === '/airmeet' && call.method === 'POST') return this.createEvent(call);
		const sessionMatch = /^\/session\/([^/]+)\/attendees$/.exec(call.path);
		if (sessionMatch && call.method === 'GET') return this.sessionAttendance(call, decodeURIComponent(sessionMatch[1]));
		const match = /^\/airmeet\/([^/]+)\/(.+)$/.exec(call.path);
		if (match) {
			const event = this.events.find((candidate) => candidate.uid === decodeURIComponent(match[1]));
			if (!event) return { status: 404, body: { message: 'Airmeet not found' } };
			if (this.forbiddenEvents.has(event.uid)) return { status: 401, body: { message: 'No permission for this Airmeet' } };
			return this.eventRoute(call, event, match[2]);
		}
		return { status: 404, body: { message: `No route ${call.method} ${call.path}` } };
	}

	private eventRoute(call: RecordedCall, event: FakeAirmeetEvent, rest: string): FakeAnswer {
		const get = call.method === 'GET';
		const post = call.method === 'POST';
		if (rest === 'info' && get) return this.info(event);
		if (rest === 'participants' && get) return this.participants(call, event);
		if (rest === 'attendee' && post) return this.addAttendee(call, event);
		if (rest.startsWith('attendee/') && call.method === 'DELETE') return this.removeAttendee(event, rest.slice('attendee/'.length));
		if (rest === 'registrations' && get) return this.cursorList(call, event.registrations, this.maxRegistrationPage);
		if (rest === 'custom-fields' && get) return { status: 200, body: { customFields: event.customFields } };
		if (rest === 'tracks' && get) return { status: 200, body: { tracks: event.tracks } };
		if (rest === 'booths' && get) return { status: 200, body: { booths: event.booths.map((booth) => omit(booth, 'attendees')) } };
		if (rest === 'booths' && post) return this.createBooth(call, event);
		if (rest === 'polls' && get) return this.polls(call, event);
		if (rest === 'questions' && get) return { status: 200, body: { data: event.questions } };
		if (rest === 'session-recordings' && get) return this.recordings(call, event);
		if (rest === 'status' && post) return this.setStatus(call, event);
		if (rest === 'session' && post) return this.createSession(call, event);
		if (rest === 'speaker' && post) return this.addSpeaker(call, event);
		if (rest === 'attendees' && get) return this.report(call, event.status === 'FINISHED', event.attendees, 'Airmeet');
		if (rest === 'event-replay-attendees' && get) return this.report(call, event.status === 'FINISHED', event.replayAttendees, 'Airmeet');
		if (rest === 'utms' && get) return this.report(call, true, event.utms, 'Airmeet');
		const booth = /^booth\/([^/]+)\/booth-attendance$/.exec(rest);
		if (booth && get) {
			const found = event.booths.find((candidate) => candidate.boothId === decodeURIComponent(booth[1]));
			if (!found) return { status: 404, body: { message: 'Booth not found' } };
			return this.report(call, event.status === 'FINISHED', found.attendees, 'Airmeet');
		}
		return { status: 405 };
	}

	/**
	 * An asynchronous report: the first `preparingCalls` calls for it answer "preparing", then its
	 * entries come 50 a page by cursor. Attendance exists only once the event or session FINISHED.
	 */
	private report(call: RecordedCall, available: boolean, entries: Json[], what: 'Airmeet' | 'Session'): FakeAnswer {
		if (!available) {
			return { status: 400, body: { statusCode: 400, statusMessage: `${what} has not finished: attendance is available once it is FINISHED` } };
		}
		const asked = (this.reportCalls.get(call.path) ?? 0) + 1;
		this.reportCalls.set(call.path, asked);
		if (asked <= this.preparingCalls) {
			return { status: this.preparingHttpStatus, body: { statusCode: 202, statusMessage: 'Preparing your results. Please try again after some time.' } };
		}
		return this.cursorList(call, entries, FAKE_REPORT_PAGE);
	}

	/** Poll answers, paged like the reports (Parsons' fetch_poll_responses) but never "preparing". */
	private polls(call: RecordedCall, event: FakeAirmeetEvent): FakeAnswer {
		const size = Number(call.query.get('size') ?? FAKE_POLLS_PAGE);
		if (size > FAKE_POLLS_PAGE) {
			return { status: 400, body: { statusCode: 400, statusMessage: `size must be at most ${FAKE_POLLS_PAGE}` } };
		}
		return this.cursorList(call, event.polls, FAKE_POLLS_PAGE);
	}

	/** Cursor paging as `/airmeets` does it: `after` is the offset of the next page. */
	private cursorList(call: RecordedCall, entries: Json[], maxPage: number): FakeAnswer {
		const size = Math.min(maxPage, Math.max(1, Number(call.query.get('size') ?? maxPage) || maxPage));
		const start = Number(call.query.get('after') ?? 0) || 0;
		const next = start + size < entries.length ? start + size : null;
		return {
			status: 200,
			body: {
				data: entries.slice(start, start + size),
				cursors: { before: start > 0 ? Math.max(0, start - size) : null, after: next, pageCount: Math.ceil(entries.length / size) },
			},
		};
	}

	private sessionAttendance(call: RecordedCall, sessionId: string): FakeAnswer {
		const event = this.events.find((candidate) => candidate.sessions.some((session) => session.sessionid === sessionId));
		const session = event?.sessions.find((candidate) => candidate.sessionid === sessionId);
		if (!event || !session) return { status: 404, body: { message: 'Session not found' } };
		if (this.forbiddenEvents.has(event.uid)) return { status: 401, body: { message: 'No permission for this Airmeet' } };
		return this.report(call, session.status === 'FINISHED', session.attendees, 'Session');
	}

	private recordings(call: RecordedCall, event: FakeAirmeetEvent): FakeAnswer {
		// Without sessionIds: every session's recordings (Parsons' download_session_recordings).
		if (!call.query.has('sessionIds')) return { status: 200, body: { recordings: Object.values(event.recordings).flat() } };
		const ids = (call.query.get('sessionIds') ?? '').split(',').filter((id) => id !== '');
		if (ids.length === 0) return { status: 400, body: { statusCode: 400, statusMessage: 'sessionIds is empty' } };
		const unknown = ids.find((id) => !event.sessions.some((session) => session.sessionid === id));
		if (unknown) return { status: 404, body: { message: `Session ${unknown} not found` } };
		return { status: 200, body: { recordings: ids.flatMap((id) => event.recordings[id] ?? []) } };
	}

	private createEvent(call: RecordedCall): FakeAnswer {
		const body = bodyOf(call);
		// The table (test/contract) has checked the fields, their types and the access enum; what follows it cannot say.
		const timing = body.timing as { startTime: number; endTime: number; timezone: string };
		const empty = ['hostEmail', 'eventName', 'shortDesc'].find((key) => body[key] === '');
		if (empty) return invalid(`${empty} is required`);
		if (body.eventImage !== undefined && !/^https?:\/\/\S+$/.test(String(body.eventImage))) return invalid('eventImage must be a URL');
		if (body.eventType !== 'MEETUP') return invalid('eventType must be MEETUP');
		const { startTime, endTime, timezone } = timing;
		if (endTime <= startTime) return invalid('timing needs startTime < endTime (epoch ms)');
		const event = this.seedEvent({ name: String(body.eventName), startTime, endTime, timezone });
		return { status: 200, body: { uuid: event.uid, status: 'Airmeet created' } };
	}

	private setStatus(call: RecordedCall, event: FakeAirmeetEvent): FakeAnswer {
		// The table allows only ONGOING and FINISHED.
		const status = String(bodyOf(call).status);
		if (event.status === 'FINISHED') return { status: 400, body: { statusCode: 400, statusMessage: 'Airmeet has already finished' } };
		event.status = status;
		return { status: 200, body: { statusUpdated: true } };
	}

	private createSession(call: RecordedCall, event: FakeAirmeetEvent): FakeAnswer {
		const body = bodyOf(call);
		if (typeof body.sessionTitle !== 'string' || body.sessionTitle === '') {
			return { status: 400, body: { statusCode: 400, statusMessage: 'sessionTitle is required' } };
		}
		// The table has checked the fields and their types, the session type and the nested timing and meta.
		const unknownSpeaker = (Array.isArray(body.speakerEmails) ? body.speakerEmails : []).find(
			(email) => !event.speakers.some((speaker) => speaker.email === email),
		);
		if (unknownSpeaker !== undefined) {
			return { status: 400, body: { statusCode: 400, statusMessage: `Speaker ${String(unknownSpeaker)} is not part of this Airmeet` } };
		}
		const session = this.seedSession(event, {
			name: body.sessionTitle,
			start_time: new Date(Number(body.sessionStartTime)).toISOString(),
			// The connector's default.
			duration: typeof body.sessionDuration === 'number' ? body.sessionDuration : 30,
			type: typeof body.type === 'string' ? body.type : 'HOSTING',
		});
		return { status: 200, body: { uuid: session.sessionid } };
	}

	private createBooth(call: RecordedCall, event: FakeAirmeetEvent): FakeAnswer {
		const body = bodyOf(call);
		// The table has checked the fields, their types, the exhibitor attendance type and the switches.
		const exhibitors = body.exhibitorInfo as Array<{ email: string }>;
		const meta = body.metaData as { tableCount?: number };
		if (body.name === '') return invalid('name is required');
		const badEmail = exhibitors.find((exhibitor) => !EMAIL.test(exhibitor.email));
		if (badEmail !== undefined) return invalid(`exhibitorInfo[].email ${badEmail.email} is not a valid email`);
		if (meta.tableCount !== undefined && meta.tableCount < 0) return invalid('metaData.tableCount must be 0 or more');
		const booth = this.seedBooth(event, { name: String(body.name) });
		return { status: 200, body: { uuid: booth.boothId } };
	}

	private addSpeaker(call: RecordedCall, event: FakeAirmeetEvent): FakeAnswer {
		const body = bodyOf(call);
		// The table requires name and email as text; Airmeet also refuses text that is no address.
		if (!EMAIL.test(String(body.email))) return invalid('email is not a valid email');
		event.speakers.push(body);
		return { status: 200, body: { speakerEmail: body.email, status: 'Speaker added' } };
	}

	private removeAttendee(event: FakeAirmeetEvent, encodedEmail: string): FakeAnswer {
		const email = decodeURIComponent(encodedEmail);
		const index = event.participants.findIndex((participant) => participant.email === email);
		if (index < 0) return { status: 404, body: { success: false, message: 'Attendee not found' } };
		event.participants.splice(index, 1);
		return { status: 200, body: { success: true, message: 'Attendee removed' } };
	}

	private auth(call: RecordedCall): FakeAnswer {
		const access = header(call, 'X-Airmeet-Access-Key');
		const secret = header(call, 'X-Airmeet-Secret-Key');
		// Airmeet's API pages and Parsons: 403 for revoked keys, 400 for missing or wrong ones.
		if (this.revoked) return { status: 403, body: { success: false, message: 'Access keys have been revoked' } };
		if (access !== this.accessKey || secret !== this.secretKey) {
			return { status: 400, body: { success: false, message: 'Missing or incorrect header values' } };
		}
		const token = `am-token-${randomUUID()}`;
		this.issuedTokens.push(token);
		this.tokens.set(token, { uses: 0, expired: false, invalid: false });
		const data = { token, label: 'n8n' };
		return { status: 200, body: this.authShape === 'data' ? { success: true, data } : data };
	}

	private checkKeyPair(call: RecordedCall): FakeAnswer | undefined {
		const access = header(call, 'x-access-key');
		const secret = header(call, 'x-secret-key');
		if (access === undefined && header(call, 'X-Airmeet-Access-Token') !== undefined) {
			return statusBody(401, 'This call takes x-access-key and x-secret-key, not a token');
		}
		// No source documents how these calls refuse keys: 401, and 403 for revoked ones as on /auth.
		if (this.revoked) return statusBody(403, 'Access keys have been revoked');
		if (access !== this.accessKey || secret !== this.secretKey) return statusBody(401, 'Invalid access key or secret key');
		return undefined;
	}

	private checkToken(call: RecordedCall): FakeAnswer | undefined {
		const token = header(call, 'X-Airmeet-Access-Token');
		if (token === undefined || token === '') {
			return { status: 401, body: { message: 'Missing X-Airmeet-Access-Token (the key pair is not accepted here)' } };
		}
		const state = this.tokens.get(token);
		if (!state || state.invalid) return { status: 400, body: { message: 'Invalid token' } };
		if (state.expired || state.uses >= this.tokenUses) {
			state.expired = true;
			return { status: 412, body: { message: 'Token expired' } };
		}
		state.uses++;
		return undefined;
	}

	private eventFor(airmeetId: string | null): FakeAirmeetEvent | undefined {
		return airmeetId ? this.events.find((event) => event.uid === airmeetId) : undefined;
	}

	private register(call: RecordedCall): FakeAnswer {
		const body = bodyOf(call);
		const triggerId = String(body.triggerMetaInfoId ?? '');
		const trigger = FAKE_TRIGGERS[triggerId];
		if (!trigger) return statusBody(400, `Unknown triggerMetaInfoId ${triggerId}`);
		if (this.strictNames && body.name !== trigger.name) return statusBody(400, `name does not match ${triggerId}`);
		let validUrl = false;
		try {
			validUrl = typeof body.url === 'string' && ['http:', 'https:'].includes(new URL(body.url).protocol);
		} catch {
			validUrl = false;
		}
		if (!validUrl) return statusBody(400, 'url is not valid');
		if (typeof body.platformName !== 'string' || body.platformName === '') return statusBody(400, 'platformName is required');
		const airmeetId = call.query.get('airmeetId');
		const sessionId = call.query.get('sessionId');
		const scope: { airmeetId?: string; sessionId?: string } = {};
		if (trigger.needs !== 'none' && airmeetId) {
			const event = this.eventFor(airmeetId);
			if (!event) return statusBody(404, 'Airmeet not found');
			scope.airmeetId = event.uid;
			if (trigger.needs === 'session') {
				const session = event.sessions.find((candidate) => candidate.sessionid === sessionId);
				if (!session) return statusBody(404, 'Session not found');
				scope.sessionId = session.sessionid;
			}
		}
		if ((trigger.needs === 'event' || trigger.needs === 'session') && !scope.airmeetId) {
			return statusBody(400, 'airmeetId is required for this trigger');
		}
		const hook = this.seedHook({
			triggerMetaInfoId: triggerId,
			name: String(body.name),
			description: String(body.description ?? ''),
			url: String(body.url),
			platformName: body.platformName,
			...scope,
		});
		if (this.registerAnswer === 'flat') {
			return { status: 200, body: { name: hook.name, description: hook.description, triggerMetaInfoId: triggerId, url: hook.url } };
		}
		const payload = omit(hook, 'airmeetId', 'sessionId', 'metaData', 'platformName');
		return { status: 200, body: { statusCode: this.successCode, statusMessage: 'SUCCESS', payload } };
	}

	/** A body without id (unconfirmed at Airmeet) deregisters the hook with that URL and trigger. */
	private deregister(call: RecordedCall): FakeAnswer {
		const body = bodyOf(call);
		const hook =
			body.id === undefined
				? this.hooks.find((candidate) => candidate.url === body.url && candidate.triggerMetaInfoId === body.triggerMetaInfoId)
				: this.hooks.find((candidate) => String(candidate.id) === String(body.id));
		if (!hook) return statusBody(404, 'Webhook not found', this.notFoundStyle === 'http' ? 404 : 200);
		if (hook.triggerMetaInfoId !== body.triggerMetaInfoId || hook.url !== body.url) {
			return statusBody(400, 'triggerMetaInfoId or url does not match the webhook');
		}
		this.removeHook(hook.id);
		return { status: 200, body: { statusCode: this.successCode, statusMessage: 'SUCCESS' } };
	}

	private sample(call: RecordedCall): FakeAnswer {
		// The table allows only the trigger ids Airmeet knows.
		return { status: 200, body: samplePayloadFor(call.query.get('triggerMetaInfoId') ?? '') };
	}

	private list(call: RecordedCall): FakeAnswer {
		const airmeetId = call.query.get('airmeetId');
		const sessionId = call.query.get('sessionId');
		let hooks: FakeAirmeetHook[];
		if (sessionId) {
			const event = this.events.find((candidate) => candidate.sessions.some((session) => session.sessionid === sessionId));
			if (!event) return { status: 404, body: { message: 'Session not found' } };
			if (this.forbiddenEvents.has(event.uid)) return { status: 401, body: { message: 'No permission for this Airmeet' } };
			hooks = this.hooks.filter((hook) => hook.sessionId === sessionId);
		} else if (airmeetId) {
			const event = this.eventFor(airmeetId);
			if (!event) return { status: 404, body: { message: 'Airmeet not found' } };
			if (this.forbiddenEvents.has(event.uid)) return { status: 401, body: { message: 'No permission for this Airmeet' } };
			hooks = this.hooks.filter((hook) => hook.airmeetId === airmeetId);
		} else {
			return { status: 400, body: { message: 'airmeetId or sessionId is required' } };
		}
		const webhookDTOList = hooks.map((hook) => omit(hook, 'airmeetId', 'sessionId'));
		return { status: 200, body: { webhookDTOList } };
	}

	private listEvents(call: RecordedCall): FakeAnswer {
		const size = Math.min(this.maxEventPage, Math.max(1, Number(call.query.get('size') ?? 50) || 50));
		const start = Number(call.query.get('after') ?? 0) || 0;
		const data = this.events
			.slice(start, start + size)
			.map(({ uid, name, status, timezone, startTime, endTime }) => ({ uid, name, status, timezone, startTime, endTime }));
		const next = start + size < this.events.length ? start + size : null;
		return {
			status: 200,
			body: { data, cursors: { before: start > 0 ? Math.max(0, start - size) : null, after: next, pageCount: Math.ceil(this.events.length / size) } },
		};
	}

	private info(event: FakeAirmeetEvent): FakeAnswer {
		const { uid, name, status, timezone, startTime, endTime } = event;
		const sessions = event.sessions.map((session) => omit(session, 'attendees'));
		return { status: 200, body: { uid, name, status, timezone, startTime, endTime, sessions, hosts: [{ name: 'Host', email: 'host@example.com' }] } };
	}

	private participants(call: RecordedCall, event: FakeAirmeetEvent): FakeAnswer {
		const pageNumber = Math.max(1, Number(call.query.get('pageNumber') ?? 1) || 1);
		const resultSize = Math.min(1000, Math.max(1, Number(call.query.get('resultSize') ?? 50) || 50));
		// The table allows only its sorting keys and directions.
		const sortingKey = call.query.get('sortingKey');
		const sortingDirection = call.query.get('sortingDirection');
		const key = sortingKey ?? 'registrationDate';
		const sign = sortingDirection === 'DESC' ? -1 : 1;
		const ordered = sortingKey === null && sortingDirection === null
			? event.participants
			: [...event.participants].sort((a, b) => sign * String(a[key] ?? '').localeCompare(String(b[key] ?? '')));
		const participants = ordered.slice((pageNumber - 1) * resultSize, pageNumber * resultSize);
		return { status: 200, body: { participants, userCount: participants.length, totalUserCount: event.participants.length } };
	}

	private addAttendee(call: RecordedCall, event: FakeAirmeetEvent): FakeAnswer {
		const body = bodyOf(call);
		// The table has checked the fields, their types, the attendance type and the two required switches;
		// which of the two value forms it allows this account takes, and which fieldIds exist, it cannot say.
		const email = String(body.email);
		if (!EMAIL.test(email)) return invalid('Invalid email');
		if (Array.isArray(body.customFieldMapping)) {
			const expected = this.customFieldValues === 'list' ? isStringList : (value: unknown) => typeof value === 'string';
			const bad = (body.customFieldMapping as unknown[]).find((answer) => !isObject(answer) || !expected(answer.value));
			if (bad !== undefined) return invalid(`customFieldMapping[].value must be ${this.customFieldValues === 'list' ? 'a list of strings' : 'a string'}`);
		}
		// Only the documented list shape names fieldIds to check; other shapes pass as before.
		const answered = (Array.isArray(body.customFieldMapping) ? (body.customFieldMapping as unknown[]) : []).map((answer) =>
			typeof answer === 'object' && answer !== null ? (answer as Json).fieldId : undefined,
		);
		const unknownField = answered.findIndex((fieldId) => !event.customFields.some((field) => field.fieldId === fieldId));
		if (unknownField >= 0) {
			const statusMessage = `Custom field ${String(answered[unknownField])} is not part of this Airmeet`;
			return { status: 400, body: { statusCode: 400, statusMessage } };
		}
		event.participants.push({ ...body, registrationDate: new Date().toISOString() });
		return { status: 200, body: { email, entryLink: `https://www.airmeet.com/e/${event.uid}?t=${randomUUID()}` } };
	}
}
