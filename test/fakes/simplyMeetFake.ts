import { createHmac, randomUUID } from 'crypto';

import type { FakeAnswer, RecordedCall } from './fakeService';
import { FakeService, postJson } from './fakeService';

/**
 * SimplyMeet's signature, as the service (and this fake) computes it: base64 HMAC-SHA256 of the raw
 * body with the hook's secret. Kept apart from nodes/SimplyMeet/signature.ts on purpose: the tests
 * sign as the service does, not with the code they check.
 */
export function simplyMeetSignature(secret: string, rawBody: string, encoding: SignatureEncoding = 'base64'): string {
	const hmac = createHmac('sha256', secret).update(rawBody);
	if (encoding === 'hex') return hmac.digest('hex');
	if (encoding === 'base64OfHex') return Buffer.from(hmac.digest('hex')).toString('base64');
	return hmac.digest('base64');
}

/**
 * How the signature header may encode the HMAC: SimplyMeet's text says base64 of the HMAC, its
 * unreadable PHP sample may encode PHP's hex output (base64 of the hex digest), or send hex as is.
 */
export const SIGNATURE_ENCODINGS = ['base64', 'base64OfHex', 'hex'] as const;

export type SignatureEncoding = (typeof SIGNATURE_ENCODINGS)[number];

function isSignatureEncoding(value: unknown): value is SignatureEncoding {
	return SIGNATURE_ENCODINGS.some((encoding) => encoding === value);
}

/**
 * How the fake treats `limit` on list calls. `cap`: honours up to maxPageSize and silently gives no
 * more; `{refuseAbove: n}`: refuses a larger one with 422, as a server with a hard maximum would;
 * `refuseAny`: refuses the parameter itself with 422. Without `limit` it gives 10 a page, the
 * documented default.
 */
export type LimitPolicy = 'cap' | 'refuseAny' | { refuseAbove: number };

export const SIMPLYMEET_EVENTS = ['meetingScheduled', 'meetingCancelled', 'meetingRescheduled'];

export interface FakeSimplyMeetHook {
	uuid: string;
	url: string;
	events: string[];
	secret: string | null;
	created_at: string;
}

export interface SimplyMeetFakeOptions {
	apiKey?: string;
	/** The largest `limit` the fake honours; larger requests are capped, as real APIs do. */
	maxPageSize?: number;
	/** Whether the host offers meeting types and single-use links (unconfirmed on today's host): 404 otherwise. */
	offersMeetingTypes?: boolean;
}

/** The page SimplyMeet's 2021 host might serve where the API was: a web page, not JSON. */
const WEBSITE_PAGE = '<!DOCTYPE html><html><head><title>SimplyMeet.me</title></head><body><div id="app"></div></body></html>';

/** The page size SimplyMeet documents when no `limit` is given. */
const DEFAULT_PAGE_SIZE = 10;

export interface FakeMeetingType {
	uuid: string;
	name: string;
	slug: string;
	duration: number;
}

/** The most links `/single-use-link-list` makes at once. */
export const FAKE_MAX_LINKS = 56;

/** A realistic meeting, as SimplyMeet documents and as deliveries were seen. */
export function sampleMeeting(event: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
	const cancelled = event === 'meetingCancelled';
	return {
		uuid: randomUUID(),
		state: cancelled ? 'canceled' : 'new',
		scheduled_at: '2026-12-01T10:00:00+00:00',
		end_date: '2026-12-01T10:30:00+00:00',
		canceled_at: cancelled ? '2026-11-30T08:00:00+00:00' : null,
		cancellation: cancelled ? { reason: 'Something came up' } : null,
		rescheduling: event === 'meetingRescheduled' ? { previous_scheduled_at: '2026-11-29T10:00:00+00:00' } : null,
		pretty_scheduled_at: 'Tuesday, December 1, 2026 10:00',
		location: 'https://meet.example.com/abc',
		location_type: 'web_conference',
		notes: null,
		answers: [{ question_label: 'Topic', question_type: 'text', value: 'Demo' }],
		participants: [{ created_at: '2026-11-20T09:00:00+00:00', email: 'guest@example.com' }],
		event_type: { name: '30 min call', slug: '30min', duration: 30, type: 'one_on_one', is_secret: false },
		invitee: {
			first_name: 'Ada',
			full_name: 'Ada Lovelace',
			email: 'ada@example.com',
			timezone: 'Europe/London',
			phone_number: null,
			locale: 'en',
		},
		...overrides,
	};
}

function problem(status: number, message: string, errors?: Record<string, string[]>): FakeAnswer {
	return { status, body: errors ? { message, errors } : { code: status, message } };
}

/** SimplyMeet's webhook API as API.md documents it, under `/api`. */
export class SimplyMeetFake extends FakeService {
	readonly hooks: FakeSimplyMeetHook[] = [];

	apiKey: string;

	readonly maxPageSize: number;

	offersMeetingTypes: boolean;

	limitPolicy: LimitPolicy = 'cap';

	/**
	 * When set, every API call is answered with a web page of this status, as a host that no longer
	 * (or never did) serve the API would answer.
	 */
	websiteStatus?: number;

	readonly meetingTypes: FakeMeetingType[] = [];

	/** Every single-use link made, with its meeting type. */
	readonly links: Array<{ code: string; url: string; meetingType: string }> = [];

	constructor(options: SimplyMeetFakeOptions = {}) {
		super('/api', 'simplymeet');
		this.apiKey = options.apiKey ?? 'sm-test-key';
		this.maxPageSize = options.maxPageSize ?? 100;
		this.offersMeetingTypes = options.offersMeetingTypes ?? true;
	}

	seedMeetingType(overrides: Partial<FakeMeetingType> = {}): FakeMeetingType {
		const n = this.meetingTypes.length + 1;
		const type: FakeMeetingType = { uuid: randomUUID(), name: `Meeting ${n}`, slug: `meeting-${n}`, duration: 30, ...overrides };
		this.meetingTypes.push(type);
		return type;
	}

	/** Adds a hook directly, as if made elsewhere (another tool, or a hand in SimplyMeet's UI). */
	seedHook(hook: Partial<FakeSimplyMeetHook> & { url: string }): FakeSimplyMeetHook {
		const full: FakeSimplyMeetHook = {
			uuid: randomUUID(),
			events: ['meetingScheduled'],
			secret: `seed-${randomUUID()}`,
			created_at: new Date().toISOString(),
			...hook,
		};
		this.hooks.push(full);
		return full;
	}

	/** Deletes a hook as a user would in SimplyMeet's UI. */
	removeHook(uuid: string): void {
		const index = this.hooks.findIndex((hook) => hook.uuid === uuid);
		if (index >= 0) this.hooks.splice(index, 1);
	}

	hooksFor(url: string): FakeSimplyMeetHook[] {
		return this.hooks.filter((hook) => hook.url === url);
	}

	protected handle(call: RecordedCall): FakeAnswer {
		if (this.websiteStatus !== undefined) return { status: this.websiteStatus, html: WEBSITE_PAGE };
		if (call.headers['x-api-key'] !== this.apiKey) return problem(401, 'Invalid API key.');
		// SimplyMeet's pages mark the header required on every call, reads and deletes included.
		if (!String(call.headers['content-type'] ?? '').startsWith('application/json')) {
			return problem(415, 'The request must have the header Content-Type: application/json.');
		}
		if (call.path === '/webhooks' && call.method === 'GET') return this.page(call, '/webhooks', this.hooks);
		if (this.offersMeetingTypes) {
			if (call.path === '/users/me/meeting-types' && call.method === 'GET') {
				return this.page(call, '/users/me/meeting-types', this.meetingTypes);
			}
			if (call.path === '/single-use-link' && call.method === 'POST') return this.singleUseLinks(call, false);
			if (call.path === '/single-use-link-list' && call.method === 'POST') return this.singleUseLinks(call, true);
		}
		if (call.path === '/webhooks' && call.method === 'POST') return this.create(call);
		const match = /^\/webhooks\/([^/]+)$/.exec(call.path);
		if (match && call.method === 'DELETE') {
			const uuid = decodeURIComponent(match[1]);
			if (!this.hooks.some((hook) => hook.uuid === uuid)) return problem(404, 'Not found.');
			this.removeHook(uuid);
			return { status: 204 };
		}
		return problem(404, 'Not found.');
	}

	private singleUseLinks(call: RecordedCall, several: boolean): FakeAnswer {
		const body = (call.body ?? {}) as { meeting_type_uuid?: unknown; count?: unknown };
		const type = this.meetingTypes.find((candidate) => candidate.uuid === body.meeting_type_uuid);
		if (!type) return problem(422, 'Invalid arguments', { meeting_type_uuid: ['This meeting type does not exist.'] });
		const count = several ? Number(body.count) : 1;
		if (!Number.isInteger(count) || count < 1 || count > FAKE_MAX_LINKS) {
			return problem(422, 'Invalid arguments', { count: [`Between 1 and ${FAKE_MAX_LINKS}.`] });
		}
		const made = Array.from({ length: count }, () => {
			const code = randomUUID().slice(0, 8);
			const link = { code, url: `https://app.simplymeet.me/s/${type.slug}/${code}`, meetingType: type.uuid };
			this.links.push(link);
			return { code: link.code, url: link.url };
		});
		return several ? { status: 201, body: { items: made } } : { status: 201, body: made[0] };
	}

	/** Paging as SimplyMeet documents it for webhooks (`page`, `limit`, `pages`, `_embedded.items`, `_links`). */
	private page(call: RecordedCall, path: string, all: unknown[]): FakeAnswer {
		const page = Math.max(1, Number(call.query.get('page') ?? 1) || 1);
		const asked = call.query.get('limit');
		if (asked !== null && this.limitPolicy === 'refuseAny') {
			return problem(422, 'Invalid arguments', { limit: ['This parameter is not accepted.'] });
		}
		if (asked !== null && typeof this.limitPolicy === 'object' && Number(asked) > this.limitPolicy.refuseAbove) {
			return problem(422, 'Invalid arguments', { limit: [`This value should be less than or equal to ${this.limitPolicy.refuseAbove}.`] });
		}
		const limit = Math.min(this.maxPageSize, Math.max(1, Number(asked ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE));
		const total = all.length;
		const pages = Math.max(1, Math.ceil(total / limit));
		const items = all.slice((page - 1) * limit, page * limit);
		const link = (p: number) => ({ href: `/api${path}?page=${p}${asked === null ? '' : `&limit=${limit}`}` });
		const links: Record<string, { href: string }> = { self: link(page), first: link(1), last: link(pages) };
		if (page < pages) links.next = link(page + 1);
		return { status: 200, body: { page, limit, pages, total, _embedded: { items }, _links: links } };
	}

	private create(call: RecordedCall): FakeAnswer {
		const body = (call.body ?? {}) as { url?: unknown; events?: unknown; secret?: unknown };
		const errors: Record<string, string[]> = {};
		let validUrl = false;
		try {
			validUrl = typeof body.url === 'string' && ['http:', 'https:'].includes(new URL(body.url).protocol);
		} catch {
			validUrl = false;
		}
		if (!validUrl) errors.url = ['This value is not a valid URL.'];
		const events = Array.isArray(body.events) ? body.events : [];
		// The table allows only SimplyMeet's three events; an empty list it cannot refuse.
		if (events.length === 0) errors.events = ['This value should not be blank.'];
		if (Object.keys(errors).length > 0) return problem(422, 'Invalid arguments', errors);
		const hook = this.seedHook({
			url: String(body.url),
			events: events.map(String),
			secret: typeof body.secret === 'string' && body.secret !== '' ? body.secret : null,
		});
		return { status: 201, body: hook };
	}

	/**
	 * Control routes (see CONTROL_PREFIX): `GET /hooks` lists the registered hooks (secrets left
	 * out), `POST /deliver {event, shape?, encoding?}` delivers a sample meeting to every hook
	 * subscribed to `event` and answers with where it went and what came back.
	 */
	protected override async control(call: RecordedCall): Promise<FakeAnswer> {
		if (call.path === '/hooks' && call.method === 'GET') {
			return {
				status: 200,
				body: { hooks: this.hooks.map(({ secret, ...hook }) => ({ ...hook, signed: typeof secret === 'string' && secret !== '' })) },
			};
		}
		if (call.path === '/deliver' && call.method === 'POST') {
			const body = (call.body ?? {}) as { event?: unknown; shape?: unknown; encoding?: unknown };
			const event = String(body.event ?? '');
			if (!SIMPLYMEET_EVENTS.includes(event)) {
				return problem(400, `Unknown event "${event}": one of ${SIMPLYMEET_EVENTS.join(', ')}`);
			}
			if (body.encoding !== undefined && !isSignatureEncoding(body.encoding)) {
				return problem(400, `Unknown encoding: one of ${SIGNATURE_ENCODINGS.join(', ')}`);
			}
			const shape = body.shape === 'flat' ? 'flat' : 'wrapped';
			return { status: 200, body: { event, deliveries: await this.deliver(event, { shape, encoding: body.encoding }) } };
		}
		return problem(404, `No control route ${call.method} ${call.path}`);
	}

	/**
	 * Delivers an event to every hook subscribed to it, signed with the hook's secret, as SimplyMeet
	 * does. `shape` picks the documented `{data: meeting}` or the flat shape seen in the wild;
	 * `encoding` how the signature is written (documented base64 by default).
	 */
	async deliver(
		event: string,
		options: { meeting?: Record<string, unknown>; shape?: 'wrapped' | 'flat'; url?: string; encoding?: SignatureEncoding } = {},
	): Promise<Array<{ url: string; status: number; body: string }>> {
		const meeting = options.meeting ?? sampleMeeting(event);
		const raw = JSON.stringify(options.shape === 'flat' ? meeting : { data: meeting });
		const targets = this.hooks.filter(
			(hook) => hook.events.includes(event) && (options.url === undefined || hook.url === options.url),
		);
		const results = [];
		for (const hook of targets) {
			const headers: Record<string, string> = { 'user-agent': 'SimplyMeet.me' };
			if (hook.secret) headers['webhook-signature'] = simplyMeetSignature(hook.secret, raw, options.encoding);
			results.push({ url: hook.url, ...(await postJson(hook.url, raw, headers)) });
		}
		return results;
	}
}
