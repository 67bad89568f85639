import type { IDataObject } from 'n8n-workflow';

import type { ApiContext, ApiRequest, ApiResponse, ServiceProfile } from '../shared/transport';
import { apiError, defaultHint, isSuccess, sendRequest } from '../shared/transport';

export const SIMPLYMEET_CREDENTIAL = 'simplyMeetApi';

/** The largest page we ask for; SimplyMeet's default is 10. Paging follows `pages`, so a server that honours less still works. */
export const SIMPLYMEET_PAGE_SIZE = 100;

/** Stops a misbehaving server from paging forever. */
const MAX_PAGES = 10_000;

export interface SimplyMeetWebhook extends IDataObject {
	uuid: string;
	url: string;
	events: string[];
	secret?: string | null;
	created_at?: string;
}

interface WebhookPage {
	page: number;
	pages: number;
	total?: number;
	items: SimplyMeetWebhook[];
	hasNext: boolean;
}

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

	/** Sends a request; any status outside 2xx and `accept` throws a NodeApiError. */
	async request(
		request: ApiRequest,
		action: string,
		options: { accept?: number[]; secrets?: string[] } = {},
	): Promise<ApiResponse> {
		const secrets = [...this.secrets, ...(options.secrets ?? [])];
		const response = await sendRequest(
			this.ctx,
			SIMPLYMEET,
			request,
			{ baseUrl: this.baseUrl, secrets },
			action,
		);
		if (isSuccess(response.statusCode) || options.accept?.includes(response.statusCode)) {
			return response;
		}
		throw apiError(this.ctx.getNode(), SIMPLYMEET, response, {
			action,
			hint: hintFor(response.statusCode),
			secrets,
		});
	}

	async listWebhookPage(page: number, limit: number): Promise<WebhookPage> {
		const { body } = await this.request(
			{ method: 'GET', path: '/webhooks', qs: { page, limit } },
			'list webhooks',
		);
		const record = isRecord(body) ? body : {};
		const embedded = isRecord(record._embedded) ? record._embedded : {};
		const rawItems = Array.isArray(embedded.items) ? embedded.items : [];
		const links = isRecord(record._links) ? record._links : {};
		const pages = typeof record.pages === 'number' ? record.pages : page;
		return {
			page,
			pages,
			total: typeof record.total === 'number' ? record.total : undefined,
			items: rawItems.map(toWebhook).filter((hook): hook is SimplyMeetWebhook => hook !== undefined),
			hasNext: page < pages || links.next !== undefined,
		};
	}

	/** Pages through the account's webhooks until `max` are collected (all when omitted). */
	async listWebhooks(max = Number.POSITIVE_INFINITY): Promise<SimplyMeetWebhook[]> {
		const hooks: SimplyMeetWebhook[] = [];
		const limit = Math.min(SIMPLYMEET_PAGE_SIZE, Math.max(1, max));
		for (let page = 1; page <= MAX_PAGES && hooks.length < max; page++) {
			const result = await this.listWebhookPage(page, limit);
			hooks.push(...result.items);
			if (!result.hasNext || result.items.length === 0) break;
		}
		return hooks.slice(0, max);
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
			{ accept: missingIsGone ? [404] : [] },
		);
	}
}
