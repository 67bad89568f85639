import type { IDataObject, NodeApiError } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import type { ApiContext, ApiRequest, ApiResponse, Failure, SendOptions, ServiceProfile } from '../shared/transport';
import { apiError, defaultHint, isSuccess, sendRequest } from '../shared/transport';
import { WEBHOOK_PATHS, isTokenFailure, keysRejectedMessage, usesKeyPair } from './auth';
import { airmeetBaseUrl } from './regions';

export const AIRMEET_CREDENTIAL = 'airmeetApi';

/** Airmeet answers 412 for an expired token and 400 for a bad one: n8n then fetches a new token once and resends. */
export const TOKEN_REFRESH_STATUSES = [400, 412];

/** The largest page `/airmeets` serves. */
export const EVENTS_PAGE_SIZE = 500;

/** The largest page `/airmeet/{id}/participants` is known to serve. */
export const PARTICIPANTS_PAGE_SIZE = 1000;

/** Pages of registrations asked for; the cursor makes smaller pages served work too. */
export const REGISTRATIONS_PAGE_SIZE = 100;

/** Airmeet serves its attendance reports 50 entries a page. */
export const REPORT_PAGE_SIZE = 50;

/** The largest page of poll answers (Parsons' airmeet.py, after Airmeet's API pages: at most 50). */
export const POLLS_PAGE_SIZE = 50;

/** The longest pause between two looks at a report being prepared. */
export const MAX_REPORT_PAUSE_SECONDS = 60;

/** Stops a misbehaving server from paging forever. */
const MAX_PAGES = 10_000;

/** Success as Airmeet writes it in a body: both revisions of its docs, as text or number. */
const SUCCESS_CODES = new Set(['200', '2000']);

export function isRecord(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (typeof value === 'number') return String(value);
	return undefined;
}

/** The status Airmeet put in the body (`statusCode`), when it put one there. */
export function bodyStatusCode(body: unknown): string | undefined {
	return isRecord(body) ? text(body.statusCode) : undefined;
}

/**
 * Airmeet reports some failures in the body of an HTTP 200 answer. A body that carries
 * `statusCode`/`statusMessage` succeeded only with code 200/2000 or message SUCCESS; a body with
 * neither (e.g. `/airmeets`) is judged by its HTTP status alone.
 */
export function bodyReportsFailure(body: unknown): boolean {
	if (!isRecord(body)) return false;
	if (body.success === false) return true;
	const code = bodyStatusCode(body);
	const message = text(body.statusMessage);
	if (code === undefined && message === undefined) return false;
	if (code !== undefined && SUCCESS_CODES.has(code)) return false;
	if (message !== undefined && message.toUpperCase() === 'SUCCESS') return false;
	return true;
}

/** Airmeet's words for a failure: `{statusCode, statusMessage}`, `{success: false, message}` or `{message|error}`. */
function readErrorMessage(body: unknown): string | undefined {
	if (!isRecord(body)) return text(body);
	const nested = isRecord(body.error) ? body.error : isRecord(body.data) ? body.data : {};
	const message =
		text(body.statusMessage) ??
		text(body.message) ??
		text(body.error) ??
		text(body.errorMessage) ??
		text(nested.message);
	const code = bodyStatusCode(body);
	if (code !== undefined && !SUCCESS_CODES.has(code)) {
		return `${message ?? 'no explanation given'} (Airmeet status ${code})`;
	}
	return message;
}

/** The credential's token request failed: say what to fix from the kind it reported. */
function hintWithoutAnswer(failure: Failure): string | undefined {
	const tokenFailure = failure.serviceFailure;
	if (!isTokenFailure(tokenFailure)) return undefined;
	if (tokenFailure.kind === 'keysRejected') {
		return 'Generate a new key pair in the Airmeet community dashboard (Integrations > API Access Key) and enter it in the Airmeet credential.';
	}
	if (tokenFailure.kind === 'unreachable') {
		return 'Check that n8n can reach Airmeet (region or custom base URL of the Airmeet credential, proxy, network) and try again.';
	}
	return 'Check the region (or custom base URL) and the keys in the Airmeet credential.';
}

export const AIRMEET: ServiceProfile = {
	name: 'Airmeet',
	credentialType: AIRMEET_CREDENTIAL,
	readErrorMessage,
	hintWithoutAnswer,
};

/**
 * The statuses with which a call that sends the key pair itself (webhook register, deregister,
 * sample payload) is taken to refuse the keys; they meet Airmeet there before any `/auth` once a
 * token is held. No source documents how these calls answer wrong keys: 401 and 403 can mean
 * nothing else there, while a 400 also answers a bad body (Airmeet's webhook pages), so a 400
 * only mentions the keys in its hint.
 */
const KEY_PAIR_REFUSALS = [401, 403];

/** AIRMEET, but its message for a refused key pair names both keys and where new ones come from. */
function keysRefusedProfile(status: number): ServiceProfile {
	return { ...AIRMEET, readErrorMessage: (body) => keysRejectedMessage(status, readErrorMessage(body)) };
}

function hintFor(status: number | undefined, keyPair: boolean): string {
	if (status === 400) {
		return keyPair
			? 'Airmeet rejected the request: check the trigger, URL, name and IDs sent, and that the access key and secret key in the Airmeet credential are current.'
			: 'Airmeet rejected the request, also with a newly issued access token: check the IDs and values sent.';
	}
	if (status === 401) {
		return keyPair
			? 'Airmeet rejected the access key and secret key: check them in the Airmeet credential.'
			: 'This access key has no permission for that event: check that the event belongs to the community of the key.';
	}
	if (status === 403) {
		return 'The access key and secret key are wrong or revoked: generate a new pair in the Airmeet community dashboard (Integrations > API Access Key).';
	}
	if (status === 404) return 'Airmeet does not know this event, session or webhook: check the ID (and the region of the credential).';
	if (status === 412) {
		return 'Airmeet reports even a newly issued access token as expired: check the keys and region in the Airmeet credential.';
	}
	if (status === 202) return 'Airmeet is still preparing these results: try again in a few minutes.';
	if (status === undefined) return 'Airmeet reported a failure without a status: check the values sent.';
	return defaultHint(AIRMEET, status);
}

function secretsOf(credentials: IDataObject): string[] {
	return [credentials.accessKey, credentials.secretKey, credentials.sessionToken]
		.map((value) => (typeof value === 'string' ? value : ''))
		.filter((value) => value !== '');
}

/** A webhook as Airmeet describes it; `id` is kept as text whatever type Airmeet sends. */
export interface AirmeetWebhook extends IDataObject {
	id: string;
	triggerMetaInfoId: string;
	url: string;
}

function toWebhook(value: unknown): AirmeetWebhook | undefined {
	if (!isRecord(value)) return undefined;
	const id = text(value.id);
	if (id === undefined) return undefined;
	return {
		...value,
		id,
		triggerMetaInfoId: text(value.triggerMetaInfoId) ?? '',
		url: text(value.url) ?? '',
	};
}

/** What identifies a webhook to deregister it: its id, when Airmeet gave one, with its trigger and URL. */
export interface RegisteredWebhook extends IDataObject {
	id?: string;
	triggerMetaInfoId: string;
	url: string;
}

/** Where a webhook applies: the query Airmeet expects for register and list. */
export interface WebhookScope {
	airmeetId?: string;
	sessionId?: string;
}

export interface NewWebhook {
	name: string;
	description: string;
	triggerMetaInfoId: string;
	url: string;
}

/** One page of a cursor-paged Airmeet list (`{data, cursors: {after, pageCount}}`). */
export interface CursorPage {
	items: IDataObject[];
	/** The cursor of the next page, when Airmeet says there is one. */
	after?: string;
	/** How many pages Airmeet says there are. */
	pageCount?: number;
}

/** Airmeet's "not found" for a webhook: HTTP 404, or the same said in the body. */
export function isNotFound(response: ApiResponse): boolean {
	if (response.statusCode === 404) return true;
	if (!isSuccess(response.statusCode) && response.statusCode !== 400) return false;
	if (!bodyReportsFailure(response.body)) return false;
	if (bodyStatusCode(response.body) === '404') return true;
	return /not\s*found|does\s*not\s*exist|no\s+such/i.test(readErrorMessage(response.body) ?? '');
}

function storedToken(credentials: IDataObject): string {
	return typeof credentials.sessionToken === 'string' ? credentials.sessionToken : '';
}

/** Every Airmeet call of this package passes through here: base URL, auth style, paging, errors. */
export class AirmeetClient {
	private constructor(
		private readonly ctx: ApiContext,
		private readonly baseUrl: string,
		private readonly secrets: string[],
		/** The access token this client last knew to be stored; tells whether anyone fetched a newer one. */
		private knownToken: string,
	) {}

	static async connect(ctx: ApiContext): Promise<AirmeetClient> {
		const credentials = await ctx.getCredentials(AIRMEET_CREDENTIAL);
		let baseUrl: string;
		try {
			baseUrl = airmeetBaseUrl(credentials);
		} catch (error) {
			throw new NodeOperationError(ctx.getNode(), (error as Error).message, {
				description: 'Open the Airmeet credential and choose a region, or enter a full base URL for a custom one.',
			});
		}
		return new AirmeetClient(ctx, baseUrl, secretsOf(credentials), storedToken(credentials));
	}

	/**
	 * Sends a request with the auth style its path needs; any failure (HTTP, or `statusCode` in
	 * the body) throws one NodeApiError unless `accept` takes the answer. Token calls answered
	 * 400/412 (bad or expired token) are repeated once with a fresh token: see `withFreshToken`.
	 */
	async request(
		request: ApiRequest,
		action: string,
		options: { accept?: (response: ApiResponse) => boolean } = {},
	): Promise<ApiResponse> {
		const keyPair = usesKeyPair(request.path);
		let response = await this.send(request, action, keyPair ? undefined : TOKEN_REFRESH_STATUSES);
		if (!keyPair && TOKEN_REFRESH_STATUSES.includes(response.statusCode)) {
			response = await this.withFreshToken(request, action, response);
		}
		if (options.accept?.(response)) return response;
		if (isSuccess(response.statusCode) && !bodyReportsFailure(response.body)) return response;
		throw await this.failure(response, action, keyPair);
	}

	private async send(
		request: ApiRequest,
		action: string,
		refreshOnStatus?: number[],
		credentials?: SendOptions['credentials'],
	): Promise<ApiResponse> {
		return await sendRequest(
			this.ctx,
			AIRMEET,
			request,
			{ baseUrl: this.baseUrl, secrets: this.secrets, refreshOnStatus, credentials },
			action,
		);
	}

	/**
	 * n8n 2.40 and newer fetch a new token themselves on 400/412 (preAuthenticationRetryStatusCode)
	 * and resend; older n8n refresh only after a 401 and hand back the stale token's answer. Which
	 * of the two happened shows in the stored token, so nothing is guessed from n8n's version:
	 * - unchanged: nobody fetched a new token. The call is repeated once with the token field
	 *   emptied, which makes n8n run the credential's preAuthentication (one `/auth`), store the
	 *   new token for later calls and executions, and send the call with it.
	 * - changed: a new token was issued (by n8n for this call, or by another execution) and
	 *   Airmeet still refused: the answer stands.
	 * So a call costs at most one `/auth` and one repeat, however Airmeet answers.
	 */
	private async withFreshToken(request: ApiRequest, action: string, response: ApiResponse): Promise<ApiResponse> {
		const stored = await this.ctx.getCredentials(AIRMEET_CREDENTIAL);
		const details = this.ctx.getNode().credentials?.[AIRMEET_CREDENTIAL];
		if (storedToken(stored) !== this.knownToken || !details) {
			this.knownToken = storedToken(stored);
			return response;
		}
		const emptied = { id: details.id ?? '', name: details.name, type: AIRMEET_CREDENTIAL, data: { ...stored, sessionToken: '' } };
		const repeated = await this.send(request, action, undefined, emptied);
		this.knownToken = storedToken(await this.ctx.getCredentials(AIRMEET_CREDENTIAL));
		return repeated;
	}

	private async failure(response: ApiResponse, action: string, keyPair: boolean): Promise<NodeApiError> {
		// The token may have been issued or refreshed since connect(): read the current one to redact it too.
		const current = await this.ctx.getCredentials(AIRMEET_CREDENTIAL);
		const secrets = [...this.secrets, ...secretsOf(current)];
		// A failure inside a 200 is judged by the code in its body.
		const bodyCode = Number(bodyStatusCode(response.body));
		const inBody = isSuccess(response.statusCode);
		const status = inBody ? (Number.isFinite(bodyCode) ? bodyCode : undefined) : response.statusCode;
		const profile = keyPair && status !== undefined && KEY_PAIR_REFUSALS.includes(status) ? keysRefusedProfile(status) : AIRMEET;
		return apiError(this.ctx.getNode(), profile, inBody ? { body: response.body } : response, {
			action,
			hint: hintFor(status, keyPair),
			secrets,
		});
	}

	/** Registers a webhook; the answer may name no id (see below), and then `id` is undefined. */
	async registerWebhook(hook: NewWebhook, scope: WebhookScope): Promise<RegisteredWebhook> {
		const qs: IDataObject = {};
		if (scope.airmeetId) qs.airmeetId = scope.airmeetId;
		if (scope.sessionId) qs.sessionId = scope.sessionId;
		const { body } = await this.request(
			{
				method: 'POST',
				path: WEBHOOK_PATHS.register,
				qs,
				body: { ...hook, platformName: 'n8n' },
			},
			'register the webhook',
		);
		// Airmeet's page shows {statusCode, statusMessage, payload: {id, ...}}; the certified connector
		// declares a flat {name, description, triggerMetaInfoId, url} without an id. Both are a success.
		const record = isRecord(body) ? body : {};
		const created = toWebhook(record.payload) ?? toWebhook(record.data) ?? toWebhook(record);
		if (!created) return { triggerMetaInfoId: hook.triggerMetaInfoId, url: hook.url };
		return { ...created, triggerMetaInfoId: created.triggerMetaInfoId || hook.triggerMetaInfoId, url: created.url || hook.url };
	}

	/**
	 * Removes a webhook. While tidying up (`missingIsGone`), "not found" means it is gone already,
	 * which is what the caller wanted; otherwise it is an error like any other.
	 */
	async deregisterWebhook(hook: RegisteredWebhook, { missingIsGone }: { missingIsGone: boolean }): Promise<void> {
		// Without an id (Airmeet named none when it was registered) the body is {triggerMetaInfoId,
		// url}: unconfirmed, no source shows a deregister without id; it is the only handle there is.
		const body: IDataObject = { triggerMetaInfoId: hook.triggerMetaInfoId, url: hook.url };
		if (hook.id !== undefined) body.id = hook.id;
		await this.request(
			{ method: 'POST', path: WEBHOOK_PATHS.deregister, body },
			hook.id !== undefined ? `deregister webhook ${hook.id}` : `deregister the webhook for ${hook.url}`,
			{ accept: missingIsGone ? isNotFound : undefined },
		);
	}

	/** The webhooks of one event (`airmeetId`) or one session (`sessionId`). */
	async listWebhooks(scope: WebhookScope): Promise<AirmeetWebhook[]> {
		const qs: IDataObject = scope.sessionId ? { sessionId: scope.sessionId } : { airmeetId: scope.airmeetId };
		const { body } = await this.request(
			{ method: 'GET', path: WEBHOOK_PATHS.list, qs },
			scope.sessionId ? `list the webhooks of session ${scope.sessionId}` : `list the webhooks of event ${String(scope.airmeetId)}`,
		);
		const record = isRecord(body) ? body : {};
		const list = [record.webhookDTOList, record.payload, record.data].find(Array.isArray) ?? [];
		return list.map(toWebhook).filter((hook): hook is AirmeetWebhook => hook !== undefined);
	}

	/** Airmeet's sample delivery for a trigger; unwrapped when it comes in a status envelope. */
	async samplePayload(triggerMetaInfoId: string): Promise<unknown> {
		const { body } = await this.request(
			{ method: 'GET', path: WEBHOOK_PATHS.samplePayload, qs: { triggerMetaInfoId } },
			`get the sample payload of ${triggerMetaInfoId}`,
		);
		if (isRecord(body) && (body.statusCode !== undefined || body.statusMessage !== undefined)) {
			if (body.payload !== undefined) return body.payload;
			if (body.data !== undefined) return body.data;
		}
		return body;
	}

	async listEventPage(size: number, after?: string): Promise<CursorPage> {
		const { body } = await this.request(
			{ method: 'GET', path: '/airmeets', qs: cursorQuery(Math.min(EVENTS_PAGE_SIZE, Math.max(1, size)), after) },
			'list the events',
		);
		return readCursorPage(body, 'data', after);
	}

	/** Follows the `after` cursor until `max` events are collected (all when omitted). */
	async listEvents(max = Number.POSITIVE_INFINITY): Promise<IDataObject[]> {
		return await collectCursorPages(async (after, size) => await this.listEventPage(size, after), EVENTS_PAGE_SIZE, max);
	}

	/**
	 * For the event picker: Airmeet has no search parameter, so pages are read from `after` on
	 * until one holds a match (at most `maxPages`). Returns the matches and where to go on.
	 */
	async findEvents(
		matches: (event: IDataObject) => boolean,
		after?: string,
		maxPages = 20,
	): Promise<{ events: IDataObject[]; after?: string }> {
		let cursor = after;
		for (let page = 0; page < maxPages; page++) {
			const result = await this.listEventPage(EVENTS_PAGE_SIZE, cursor);
			const found = result.items.filter(matches);
			cursor = result.after;
			if (cursor === undefined || found.length > 0) return { events: found, after: cursor };
		}
		return { events: [], after: cursor };
	}

	/** An event's details, sessions included. */
	async eventInfo(airmeetId: string): Promise<IDataObject> {
		const { body } = await this.request(
			{ method: 'GET', path: `/airmeet/${encodeURIComponent(airmeetId)}/info` },
			`get event ${airmeetId}`,
		);
		return asRecord(body);
	}

	async listSessions(airmeetId: string): Promise<IDataObject[]> {
		const info = await this.eventInfo(airmeetId);
		return (Array.isArray(info.sessions) ? info.sessions : []).filter(isRecord);
	}

	/**
	 * Pages (`pageNumber` from 1) until `max` participants or Airmeet's `totalUserCount` are reached;
	 * `sort` (`sortingKey`, `sortingDirection`) goes with every page.
	 */
	async listParticipants(airmeetId: string, max = Number.POSITIVE_INFINITY, sort: IDataObject = {}): Promise<IDataObject[]> {
		const participants: IDataObject[] = [];
		const resultSize = Math.min(PARTICIPANTS_PAGE_SIZE, Math.max(1, max));
		for (let pageNumber = 1; pageNumber <= MAX_PAGES && participants.length < max; pageNumber++) {
			const { body } = await this.request(
				{
					method: 'GET',
					path: `/airmeet/${encodeURIComponent(airmeetId)}/participants`,
					qs: { pageNumber, resultSize, ...sort },
				},
				`list the participants of event ${airmeetId}`,
			);
			const record = isRecord(body) ? body : {};
			const page = (Array.isArray(record.participants) ? record.participants : []).filter(isRecord);
			participants.push(...page);
			const total = typeof record.totalUserCount === 'number' ? record.totalUserCount : undefined;
			if (page.length === 0 || (total !== undefined && participants.length >= total)) break;
		}
		return participants.slice(0, max);
	}

	/** Adds an authorized attendee; Airmeet answers with the attendee's personal entry link. */
	async addAttendee(airmeetId: string, attendee: IDataObject): Promise<IDataObject> {
		const { body } = await this.request(
			{ method: 'POST', path: `/airmeet/${encodeURIComponent(airmeetId)}/attendee`, body: attendee },
			`add ${String(attendee.email)} to event ${airmeetId}`,
		);
		return asRecord(body);
	}

	/** One of the lists Airmeet answers in a single call (custom fields, tracks, booths, questions). */
	async eventList(airmeetId: string, list: EventList): Promise<IDataObject[]> {
		const { path, key, what } = EVENT_LISTS[list];
		const { body } = await this.request(
			{ method: 'GET', path: `${eventPath(airmeetId)}/${path}` },
			`get the ${what} of event ${airmeetId}`,
		);
		return listIn(body, key);
	}

	/**
	 * The recordings of the given sessions of an event, or of all of them when none are given;
	 * Airmeet's download links live 6 hours. For all sessions `sessionIds` is left out, as Parsons
	 * (download_session_recordings) does: one call, and no URL that grows with the sessions.
	 */
	async listRecordings(airmeetId: string, sessionIds: string[] = []): Promise<IDataObject[]> {
		const qs: IDataObject = sessionIds.length ? { sessionIds: sessionIds.join(',') } : {};
		const { body } = await this.request(
			{ method: 'GET', path: `${eventPath(airmeetId)}/session-recordings`, qs },
			`get the recordings of event ${airmeetId}`,
		);
		return listIn(body, 'recordings');
	}

	/**
	 * The poll answers of an event, one entry per respondent, following the `after` cursor until
	 * `max` (all when omitted). Paged like the attendance reports but never "preparing": Parsons
	 * (fetch_poll_responses) pages `/polls` with `size` 50 and `after` by `cursors.pageCount`.
	 */
	async listPolls(airmeetId: string, max = Number.POSITIVE_INFINITY): Promise<IDataObject[]> {
		return await collectCursorPages(
			async (after, size) => {
				const { body } = await this.request(
					{ method: 'GET', path: `${eventPath(airmeetId)}/polls`, qs: cursorQuery(size, after) },
					`get the poll answers of event ${airmeetId}`,
				);
				return readCursorPage(body, 'data', after);
			},
			POLLS_PAGE_SIZE,
			max,
		);
	}

	/** The event's registrations, following the `after` cursor until `max` (all when omitted). */
	async listRegistrations(airmeetId: string, max = Number.POSITIVE_INFINITY): Promise<IDataObject[]> {
		return await collectCursorPages(
			async (after, size) => {
				const { body } = await this.request(
					{ method: 'GET', path: `${eventPath(airmeetId)}/registrations`, qs: cursorQuery(size, after) },
					`list the registrations of event ${airmeetId}`,
				);
				return readCursorPage(body, 'data', after);
			},
			REGISTRATIONS_PAGE_SIZE,
			max,
		);
	}

	async createEvent(event: IDataObject): Promise<IDataObject> {
		const { body } = await this.request({ method: 'POST', path: '/airmeet', body: event }, `create the event ${String(event.eventName)}`);
		return asRecord(body);
	}

	/** Starts (ONGOING) or finishes (FINISHED) an event. */
	async setEventStatus(airmeetId: string, status: 'ONGOING' | 'FINISHED'): Promise<IDataObject> {
		const { body } = await this.request(
			{ method: 'POST', path: `${eventPath(airmeetId)}/status`, body: { status } },
			`set the status of event ${airmeetId} to ${status}`,
		);
		return asRecord(body);
	}

	async createSession(airmeetId: string, session: IDataObject): Promise<IDataObject> {
		const { body } = await this.request(
			{ method: 'POST', path: `${eventPath(airmeetId)}/session`, body: session },
			`create the session ${String(session.sessionTitle)} in event ${airmeetId}`,
		);
		return asRecord(body);
	}

	async createBooth(airmeetId: string, booth: IDataObject): Promise<IDataObject> {
		const { body } = await this.request(
			{ method: 'POST', path: `${eventPath(airmeetId)}/booths`, body: booth },
			`create the booth ${String(booth.name)} in event ${airmeetId}`,
		);
		return asRecord(body);
	}

	async addSpeaker(airmeetId: string, speaker: IDataObject): Promise<IDataObject> {
		const { body } = await this.request(
			{ method: 'POST', path: `${eventPath(airmeetId)}/speaker`, body: speaker },
			`add the speaker ${String(speaker.email)} to event ${airmeetId}`,
		);
		return asRecord(body);
	}

	/** Withdraws an attendee's authorization to enter the event. */
	async removeAttendee(airmeetId: string, email: string): Promise<IDataObject> {
		const { body } = await this.request(
			{ method: 'DELETE', path: `${eventPath(airmeetId)}/attendee/${encodeURIComponent(email)}` },
			`remove ${email} from event ${airmeetId}`,
		);
		return asRecord(body);
	}

	/**
	 * Reads an asynchronous report to the end (or `max` entries). While Airmeet is still preparing
	 * it, either waits (see ReportWait) or returns the "preparing" answer instead of entries.
	 */
	async report(kind: ReportKind, target: ReportTarget, wait: ReportWait, max = Number.POSITIVE_INFINITY): Promise<ReportResult> {
		const { path, what } = REPORTS[kind](target);
		const action = `get the ${what}`;
		const waited = { seconds: 0, pause: wait.firstPauseSeconds };
		let preparing: IDataObject | undefined;
		const items = await collectCursorPages(
			async (after, size) => {
				const answer = await this.whenPrepared({ method: 'GET', path, qs: cursorQuery(size, after) }, action, wait, waited);
				if ('preparing' in answer) {
					preparing = answer.preparing;
					return undefined;
				}
				return readCursorPage(answer.ready, 'data', after);
			},
			REPORT_PAGE_SIZE,
			max,
		);
		return preparing ? { ready: false, status: preparing } : { ready: true, items };
	}

	/** Asks until Airmeet has prepared the answer, pausing longer each time, within `wait`'s limit. */
	private async whenPrepared(
		request: ApiRequest,
		action: string,
		wait: ReportWait,
		waited: { seconds: number; pause: number },
	): Promise<{ ready: unknown } | { preparing: IDataObject }> {
		for (;;) {
			const response = await this.request(request, action, { accept: isPreparing });
			if (!isPreparing(response)) return { ready: response.body };
			if (!wait.wait) return { preparing: isRecord(response.body) ? response.body : { statusCode: response.statusCode } };
			const remaining = wait.maxWaitSeconds - waited.seconds;
			if (remaining <= 0) throw this.stillPreparing(action, waited.seconds);
			const pause = Math.min(waited.pause, remaining);
			await sleep(pause * 1000);
			waited.seconds += pause;
			waited.pause = Math.min(waited.pause * 2, MAX_REPORT_PAUSE_SECONDS);
		}
	}

	private stillPreparing(action: string, seconds: number): NodeApiError {
		return apiError(this.ctx.getNode(), AIRMEET, { message: `the report is still being prepared after ${Math.round(seconds)} s of waiting` }, {
			action,
			hint: 'Airmeet prepares this report on demand (attendance only once the event or session has finished; UTMs within 90 minutes). Run the node again later, or raise "Max Wait" in its options.',
			secrets: this.secrets,
		});
	}
}

function eventPath(airmeetId: string): string {
	return `/airmeet/${encodeURIComponent(airmeetId)}`;
}

function asRecord(body: unknown): IDataObject {
	return isRecord(body) ? body : { value: body as IDataObject[string] };
}

/** The lists of an event Airmeet answers in one call: where, under which key, and what they are. */
export const EVENT_LISTS = {
	customFields: { path: 'custom-fields', key: 'customFields', what: 'custom registration fields' },
	tracks: { path: 'tracks', key: 'tracks', what: 'tracks' },
	booths: { path: 'booths', key: 'booths', what: 'booths' },
	questions: { path: 'questions', key: 'data', what: 'questions' },
} as const;

export type EventList = keyof typeof EVENT_LISTS;

/** What a report is about; which ids it needs depends on the report. */
export interface ReportTarget {
	airmeetId: string;
	sessionId?: string;
	boothId?: string;
}

const enc = (id: string | undefined) => encodeURIComponent(id ?? '');

/** Airmeet's asynchronous reports, prepared on demand. */
const REPORTS = {
	eventAttendance: (t: ReportTarget) => ({ path: `${eventPath(t.airmeetId)}/attendees`, what: `attendance of event ${t.airmeetId}` }),
	sessionAttendance: (t: ReportTarget) => ({ path: `/session/${enc(t.sessionId)}/attendees`, what: `attendance of session ${String(t.sessionId)}` }),
	boothAttendance: (t: ReportTarget) => ({
		path: `${eventPath(t.airmeetId)}/booth/${enc(t.boothId)}/booth-attendance`,
		what: `attendance of booth ${String(t.boothId)}`,
	}),
	utms: (t: ReportTarget) => ({ path: `${eventPath(t.airmeetId)}/utms`, what: `UTM report of event ${t.airmeetId}` }),
	replayAttendance: (t: ReportTarget) => ({
		path: `${eventPath(t.airmeetId)}/event-replay-attendees`,
		what: `replay attendance of event ${t.airmeetId}`,
	}),
} as const;

export type ReportKind = keyof typeof REPORTS;

/** How long to wait for a report Airmeet is still preparing. */
export interface ReportWait {
	/** Whether to wait at all; otherwise the "preparing" answer comes back as the result. */
	wait: boolean;
	/** All pauses together stay within this. */
	maxWaitSeconds: number;
	/** The first pause; each next one doubles, up to MAX_REPORT_PAUSE_SECONDS. */
	firstPauseSeconds: number;
}

export type ReportResult = { ready: true; items: IDataObject[] } | { ready: false; status: IDataObject };

/** Airmeet's "preparing your results" answer: HTTP 202, or `statusCode` 202 in the body (which one is unconfirmed). */
export function isPreparing(response: ApiResponse): boolean {
	return response.statusCode === 202 || bodyStatusCode(response.body) === '202';
}

function cursorQuery(size: number, after: string | undefined): IDataObject {
	return after === undefined ? { size } : { size, after };
}

/**
 * The list in an answer: under `key`, else the first list the body holds (the shapes of several
 * reports are unconfirmed), else the body itself when it is a list. Entries that are not objects
 * are kept as `{value}`, since an n8n item must be an object.
 */
export function listIn(body: unknown, key: string): IDataObject[] {
	const record = isRecord(body) ? body : {};
	const list = Array.isArray(body) ? body : Array.isArray(record[key]) ? record[key] : Object.values(record).find(Array.isArray);
	return ((list ?? []) as unknown[]).map((entry) => (isRecord(entry) ? entry : { value: entry as IDataObject[string] }));
}

/** Reads one cursor page; a cursor that repeats the one asked for, or comes with no items, ends the list. */
export function readCursorPage(body: unknown, key: string, requestedAfter?: string): CursorPage {
	const record = isRecord(body) ? body : {};
	const items = listIn(body, key);
	const cursors = isRecord(record.cursors) ? record.cursors : {};
	const next = text(cursors.after);
	return {
		items,
		after: next !== undefined && next !== requestedAfter && items.length > 0 ? next : undefined,
		pageCount: typeof cursors.pageCount === 'number' ? cursors.pageCount : undefined,
	};
}

/**
 * Follows `after` cursors until `max` items are collected (all for Infinity), Airmeet's last page
 * (by `pageCount`, a missing cursor or one seen before) or MAX_PAGES. A page of `undefined` stops
 * the reading early (a report still being prepared).
 */
async function collectCursorPages(
	fetchPage: (after: string | undefined, size: number) => Promise<CursorPage | undefined>,
	pageSize: number,
	max: number,
): Promise<IDataObject[]> {
	const items: IDataObject[] = [];
	const seen = new Set<string>();
	let after: string | undefined;
	for (let page = 0; page < MAX_PAGES && items.length < max; page++) {
		const result = await fetchPage(after, Math.min(pageSize, max - items.length));
		if (!result) break;
		items.push(...result.items);
		const lastPage = result.pageCount !== undefined && page + 1 >= result.pageCount;
		if (lastPage || result.after === undefined || seen.has(result.after)) break;
		seen.add(result.after);
		after = result.after;
	}
	return items.slice(0, max);
}
