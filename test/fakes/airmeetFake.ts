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
}

const KEY_PAIR_ROUTES = [
	'/platform-integration/v1/webhook-register',
	'/platform-integration/v1/webhook-deregister',
	'/platform-integration/v1/sample-payload',
];

/** A copy of `value` without `keys` (what the fake keeps to itself is left out of its answers). */
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

	/** Revoked keys answer 403 on /auth (and are refused by key-pair calls). */
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
		super('/prod');
		this.accessKey = options.accessKey ?? 'am-access-key-0123456789';
		this.secretKey = options.secretKey ?? 'am-secret-key-9876543210';
		this.authShape = options.authShape ?? 'top';
		this.tokenUses = options.tokenUses ?? Number.POSITIVE_INFINITY;
		this.successCode = options.successCode ?? '200';
		this.notFoundStyle = options.notFoundStyle ?? 'http';
		this.idStyle = options.idStyle ?? 'uuid';
		this.strictNames = options.strictNames ?? true;
		this.maxEventPage = options.maxEventPage ?? 500;
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
			return { status: 200, body: { events: this.events.map((event) => omit(event, 'participants')) } };
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
		const match = /^\/airmeet\/([^/]+)\/(info|participants|attendee)$/.exec(call.path);
		if (match) {
			const event = this.events.find((candidate) => candidate.uid === decodeURIComponent(match[1]));
			if (!event) return { status: 404, body: { message: 'Airmeet not found' } };
			if (this.forbiddenEvents.has(event.uid)) return { status: 401, body: { message: 'No permission for this Airmeet' } };
			if (match[2] === 'info' && call.method === 'GET') return this.info(event);
			if (match[2] === 'participants' && call.method === 'GET') return this.participants(call, event);
			if (match[2] === 'attendee' && call.method === 'POST') return this.addAttendee(call, event);
			return { status: 405 };
		}
		return { status: 404, body: { message: `No route ${call.method} ${call.path}` } };
	}

	private auth(call: RecordedCall): FakeAnswer {
		const access = header(call, 'X-Airmeet-Access-Key');
		const secret = header(call, 'X-Airmeet-Secret-Key');
		if (this.revoked || access !== this.accessKey || secret !== this.secretKey) {
			return { status: 403, body: { success: false, message: 'Forbidden' } };
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
		if (this.revoked || access !== this.accessKey || secret !== this.secretKey) {
			return statusBody(401, 'Invalid access key or secret key');
		}
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
		const payload = omit(hook, 'airmeetId', 'sessionId', 'metaData', 'platformName');
		return { status: 200, body: { statusCode: this.successCode, statusMessage: 'SUCCESS', payload } };
	}

	private deregister(call: RecordedCall): FakeAnswer {
		const body = bodyOf(call);
		const hook = this.hooks.find((candidate) => String(candidate.id) === String(body.id));
		if (!hook) return statusBody(404, 'Webhook not found', this.notFoundStyle === 'http' ? 404 : 200);
		if (hook.triggerMetaInfoId !== body.triggerMetaInfoId || hook.url !== body.url) {
			return statusBody(400, 'triggerMetaInfoId or url does not match the webhook');
		}
		this.removeHook(hook.id);
		return { status: 200, body: { statusCode: this.successCode, statusMessage: 'SUCCESS' } };
	}

	private sample(call: RecordedCall): FakeAnswer {
		const triggerId = call.query.get('triggerMetaInfoId') ?? '';
		if (!FAKE_TRIGGERS[triggerId]) return statusBody(400, `Unknown triggerMetaInfoId ${triggerId}`);
		return { status: 200, body: samplePayloadFor(triggerId) };
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
		const info = omit(event, 'participants');
		return { status: 200, body: { ...info, hosts: [{ name: 'Host', email: 'host@example.com' }] } };
	}

	private participants(call: RecordedCall, event: FakeAirmeetEvent): FakeAnswer {
		const pageNumber = Math.max(1, Number(call.query.get('pageNumber') ?? 1) || 1);
		const resultSize = Math.min(1000, Math.max(1, Number(call.query.get('resultSize') ?? 50) || 50));
		const participants = event.participants.slice((pageNumber - 1) * resultSize, pageNumber * resultSize);
		return { status: 200, body: { participants, userCount: participants.length, totalUserCount: event.participants.length } };
	}

	private addAttendee(call: RecordedCall, event: FakeAirmeetEvent): FakeAnswer {
		const body = bodyOf(call);
		const email = typeof body.email === 'string' ? body.email : '';
		if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return { status: 400, body: { statusCode: 400, statusMessage: 'Invalid email' } };
		if (typeof body.firstName !== 'string' || typeof body.lastName !== 'string') {
			return { status: 400, body: { statusCode: 400, statusMessage: 'firstName and lastName are required' } };
		}
		event.participants.push({ ...body, registrationDate: new Date().toISOString() });
		return { status: 200, body: { email, entryLink: `https://www.airmeet.com/e/${event.uid}?t=${randomUUID()}` } };
	}
}
