import type { IDataObject } from 'n8n-workflow';

import type { ApiContext, ApiRequest, ApiResponse, ServiceProfile } from '../shared/transport';
import { apiError, defaultHint, isSuccess, sendRequest } from '../shared/transport';

export const SIMPLYMEET_CREDENTIAL = 'simplyMeetApi';

/**
 * The page size asked for; SimplyMeet's default is 10. No source states the largest it accepts, and
 * 50 is the largest a released client uses: asking more would cost an extra call on every listing
 * against a server that refuses above 50, while 50 costs extra pages only to accounts with more than
 * 50 webhooks or meeting types. Paging follows `pages`, so a server that honours less still works.
 */
export const SIMPLYMEET_PAGE_SIZE = 50;

/** Stops a misbehaving server from paging forever. */
const MAX_PAGES = 10_000;

export interface SimplyMeetWebhook extends IDataObject {
	uuid: string;
	url: string;
	events: string[];
	secret?: string | null;
	created_at?: string;
}

interface ListPage {
	items: IDataObject[];
	hasNext: boolean;
}

/** The page size of one listing: asked for until SimplyMeet refuses it, then left to SimplyMeet. */
interface Paging {
	limit?: number;
}

/**
 * A 4xx on a list call that is not about the key (401, 403), the endpoint (404) or the rate (429):
 * SimplyMeet refusing the page size asked for, the one thing a list call varies.
 */
function refusesPageSize(statusCode: number): boolean {
	return statusCode >= 400 && statusCode < 500 && ![401, 403, 404, 429].includes(statusCode);
}

const isNotFound = (statusCode: number) => statusCode === 404;

/** The most links `/single-use-link-list` makes at once. */
export const MAX_SINGLE_USE_LINKS = 56;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** SimplyMeet's error bodies: `{message, errors: {field: [msg]}}` (422) or `{code, message}`. */
function readErrorMessage(body: unknown): string | undefined {
	if (!isRecord(body)) return typeof body === 'string' && body.trim() ? body.trim() : undefined;
	const message = typeof body.message === 'string' ? body.message : undefined;
	const fieldErrors: string[] = [];
	if (isRecord(body.errors)) {
		for (const [field, problems] of Object.entries(body.errors)) {
			const list = Array.isArray(problems) ? problems : [problems];
			fieldErrors.push(`${field}: ${list.map(String).join(' ')}`);
		}
	}
	if (fieldErrors.length > 0) return `${message ?? 'Invalid arguments'} (${fieldErrors.join('; ')})`;
	return message;
}

export const SIMPLYMEET: ServiceProfile = {
	name: 'SimplyMeet',
	credentialType: SIMPLYMEET_CREDENTIAL,
	readErrorMessage,
};

function hintFor(statusCode: number): string {
	if (statusCode === 401) {
		return 'Check the API key in the SimplyMeet credential (Integrations in SimplyMeet; paid plans only).';
	}
	if (statusCode === 422) return 'SimplyMeet rejected a field: the message above names it.';
	return defaultHint(SIMPLYMEET, statusCode);
}

function toWebhook(value: unknown): SimplyMeetWebhook | undefined {
	if (!isRecord(value) || typeof value.uuid !== 'string') return undefined;
	return {
		...(value as IDataObject),
		uuid: value.uuid,
		url: typeof value.url === 'string' ? value.url : '',
		events: Array.isArray(value.events) ? value.events.map(String) : [],
	};
}

/** Where an answer of `/single-use-link-list` may hold its links, besides being a list itself (unconfirmed). */
const LINK_LIST_KEYS = ['items', 'links', 'data'];

function linkList(body: unknown): unknown[] | undefined {
	if (Array.isArray(body)) return body;
	if (!isRecord(body)) return undefined;
	return LINK_LIST_KEYS.map((key) => body[key]).find(Array.isArray);
}

/** An answer's top-level field names, never its values. */
function describeShape(body: unknown): string {
	if (isRecord(body)) {
		const keys = Object.keys(body);
		return keys.length > 0 ? `its fields: ${keys.join(', ')}` : 'an empty object';
	}
	if (body === undefined || body === null || body === '') return 'an empty answer';
	return `not a JSON object but ${typeof body === 'string' ? 'text' : typeof body}`;
}

/** Every SimplyMeet call of this package passes through here: base URL, auth, paging, errors. */
export class SimplyMeetClient {
	private constructor(
		private readonly ctx: ApiContext,
		private readonly baseUrl: string,
		private readonly secrets: string[],
	) {}

	static async connect(ctx: ApiContext): Promise<SimplyMeetClient> {
		const credentials = await ctx.getCredentials(SIMPLYMEET_CREDENTIAL);
		const baseUrl = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
		return new SimplyMeetClient(ctx, baseUrl, [String(credentials.apiKey ?? '')]);
	}

	/** Sends a request; any status outside 2xx that `accept` does not take throws a NodeApiError. */
	async request(
		request: ApiRequest,
		action: string,
		options: { accept?: (statusCode: number) => boolean; secrets?: string[] } = {},
	): Promise<ApiResponse> {
		const secrets = [...this.secrets, ...(options.secrets ?? [])];
		const response = await sendRequest(
			this.ctx,
			SIMPLYMEET,
			request,
			{ baseUrl: this.baseUrl, secrets },
			action,
		);
		if (isSuccess(response.statusCode) || options.accept?.(response.statusCode)) {
			return response;
		}
		throw apiError(this.ctx.getNode(), SIMPLYMEET, response, {
			action,
			hint: hintFor(response.statusCode),
			secrets,
		});
	}

	/**
	 * One page of a paged SimplyMeet list (`page`, `pages`, `_embedded.items`, `_links.next`). The
	 * first page decides the page size of the whole listing: when SimplyMeet refuses the `limit`
	 * asked for, the page is asked again without one (SimplyMeet's default size), and `paging`
	 * remembers that for the later pages, so a listing costs at most one extra call.
	 */
	private async listPage(path: string, page: number, paging: Paging, action: string, notOffered?: string): Promise<ListPage> {
		const { limit } = paging;
		const mayRefuseLimit = limit !== undefined && page === 1;
		const { statusCode, body } = await this.request({ method: 'GET', path, qs: limit === undefined ? { page } : { page, limit } }, action, {
			accept: (status) => (notOffered !== undefined && isNotFound(status)) || (mayRefuseLimit && refusesPageSize(status)),
		});
		if (statusCode === 404 && notOffered) throw this.notOffered(action, notOffered);
		if (!isSuccess(statusCode)) {
			this.ctx.logger.info(`SimplyMeet refused the page size ${limit} (HTTP ${statusCode}) to ${action}: going on with its default page size`);
			paging.limit = undefined;
			return await this.listPage(path, page, paging, action, notOffered);
		}
		const record = isRecord(body) ? body : {};
		const embedded = isRecord(record._embedded) ? record._embedded : {};
		const links = isRecord(record._links) ? record._links : {};
		const pages = typeof record.pages === 'number' ? record.pages : page;
		return {
			items: (Array.isArray(embedded.items) ? embedded.items : []).filter(isRecord) as IDataObject[],
			hasNext: page < pages || links.next !== undefined,
		};
	}

	/** Pages through a list until `max` entries are collected (all when Infinity). */
	private async collectPages(path: string, action: string, max: number, notOffered?: string): Promise<IDataObject[]> {
		const entries: IDataObject[] = [];
		const paging: Paging = { limit: Math.min(SIMPLYMEET_PAGE_SIZE, Math.max(1, max)) };
		for (let page = 1; page <= MAX_PAGES && entries.length < max; page++) {
			const result = await this.listPage(path, page, paging, action, notOffered);
			entries.push(...result.items);
			if (!result.hasNext || result.items.length === 0) break;
		}
		return entries.slice(0, max);
	}

	/** Pages through the account's webhooks until `max` are collected (all when omitted). */
	async listWebhooks(max = Number.POSITIVE_INFINITY): Promise<SimplyMeetWebhook[]> {
		const entries = await this.collectPages('/webhooks', 'list webhooks', max);
		return entries.map(toWebhook).filter((hook): hook is SimplyMeetWebhook => hook !== undefined);
	}

	/** The account's meeting types (seen on SimplyMeet's pages and in other clients; unconfirmed on today's host). */
	async listMeetingTypes(max = Number.POSITIVE_INFINITY): Promise<IDataObject[]> {
		return await this.collectPages('/users/me/meeting-types', 'list meeting types', max, 'meeting types');
	}

	/** Single-use booking links for one meeting type: one, or several at once (up to MAX_SINGLE_USE_LINKS). */
	async createSingleUseLinks(meetingTypeUuid: string, count: number): Promise<IDataObject[]> {
		const several = count > 1;
		const action = several ? `create ${count} single-use links` : 'create a single-use link';
		const { statusCode, body } = await this.request(
			several
				? { method: 'POST', path: '/single-use-link-list', body: { meeting_type_uuid: meetingTypeUuid, count } }
				: { method: 'POST', path: '/single-use-link', body: { meeting_type_uuid: meetingTypeUuid } },
			action,
			{ accept: isNotFound },
		);
		if (statusCode === 404) throw this.notOffered(action, 'single-use links');
		const list = linkList(body);
		if (!list && !several) return [isRecord(body) ? (body as IDataObject) : {}];
		if (!list) {
			// The batch answer's list key is unconfirmed: say what came back (names only: a value
			// could be a link someone may book), so the key can be added.
			throw apiError(this.ctx.getNode(), SIMPLYMEET, { statusCode, body: { message: `the answer holds no list of links (${describeShape(body)})` } }, {
				action,
				hint: `The answer of /single-use-link-list is not confirmed by SimplyMeet's pages: the package reads the links from a list at the top or under ${LINK_LIST_KEYS.join(', ')}. Create one link at a time (How Many 1) meanwhile, and report what the message names to the package's maintainers.`,
				secrets: this.secrets,
			});
		}
		return list.filter(isRecord) as IDataObject[];
	}

	/** A 404 on an endpoint seen only on SimplyMeet's pages and in other clients: the host does not have it. */
	private notOffered(action: string, what: string) {
		return apiError(this.ctx.getNode(), SIMPLYMEET, { statusCode: 404, body: { message: `this SimplyMeet API does not offer ${what}` } }, {
			action,
			hint: `The ${what} endpoints were seen on SimplyMeet's pages and in other clients but are not confirmed on every host: check the base URL in the SimplyMeet credential, or ask SimplyMeet whether your plan has them.`,
			secrets: this.secrets,
		});
	}

	async createWebhook(hook: { url: string; events: string[]; secret: string }): Promise<SimplyMeetWebhook> {
		const { body } = await this.request(
			{ method: 'POST', path: '/webhooks', body: hook },
			'create the webhook',
			{ secrets: [hook.secret] },
		);
		const created = toWebhook(body);
		if (!created) {
			throw apiError(this.ctx.getNode(), SIMPLYMEET, { statusCode: 201, body: { message: 'the answer has no webhook uuid' } }, {
				action: 'create the webhook',
				hint: 'Check that the base URL points at the SimplyMeet API.',
				secrets: [...this.secrets, hook.secret],
			});
		}
		return created;
	}

	/**
	 * Deletes a webhook. While tidying up (`missingIsGone`), a 404 means it is gone already, which
	 * is what the caller wanted; otherwise a 404 is an error like any other.
	 */
	async deleteWebhook(uuid: string, { missingIsGone }: { missingIsGone: boolean }): Promise<void> {
		await this.request(
			{ method: 'DELETE', path: `/webhooks/${encodeURIComponent(uuid)}` },
			`delete webhook ${uuid}`,
			{ accept: (status) => missingIsGone && isNotFound(status) },
		);
	}
}
