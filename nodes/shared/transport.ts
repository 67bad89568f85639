import type {
	IAdditionalCredentialOptions,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

/** Every n8n context from which our nodes call a remote API. */
export type ApiContext = IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions;

/** Generous enough for a slow API, short enough that an activation never hangs for minutes. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** How often one call is repeated after a 429 before the service's answer is shown. */
export const RATE_LIMIT_RETRIES = 3;

/**
 * The longest a 429's Retry-After is waited for. A publish waits inside n8n's activation, so a
 * service asking for longer gets its answer shown at once instead of a publish that hangs.
 */
export const MAX_RETRY_AFTER_MS = 30_000;

/** The wait before retrying a 429 that names none: 1 s, 2 s, 4 s. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 1_000;

export interface ApiRequest {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
}

export interface ApiResponse {
	statusCode: number;
	body: unknown;
	headers?: Record<string, unknown>;
}

/** How one service is reached and how its failures read. */
export interface ServiceProfile {
	/** Shown to users, e.g. "SimplyMeet". */
	name: string;
	credentialType: string;
	/** The service's own words for a failed answer (each service shapes its error bodies differently). */
	readErrorMessage(body: unknown): string | undefined;
	/**
	 * Optional: a better hint than "check the network" when no HTTP answer came back, e.g. when
	 * the credential's own token request (preAuthentication) failed before the call was sent.
	 */
	hintWithoutAnswer?(failure: Failure): string | undefined;
}

export interface SendOptions {
	baseUrl: string;
	/** Values that must never reach an error message (keys, tokens, signing secrets). */
	secrets: string[];
	/**
	 * Statuses that n8n should treat as "credential expired": it re-runs the credential's
	 * preAuthentication once and resends. Everything else comes back as a response to inspect.
	 */
	refreshOnStatus?: number[];
	/** Credentials to use instead of the stored ones (n8n still runs preAuthentication on them). */
	credentials?: IAdditionalCredentialOptions['credentialsDecrypted'];
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface Failure {
	statusCode?: number;
	body?: unknown;
	/** A network error code such as ECONNREFUSED, when no answer came. */
	code?: string;
	/** The innermost message, when no answer came. */
	message?: string;
	/**
	 * What a credential's own step reported in structured form (see SERVICE_FAILURE_KEY), e.g.
	 * why no access token could be had, so hints never have to parse a message.
	 */
	serviceFailure?: Record<string, unknown>;
	/** The answer's headers, when an answer came (Retry-After, ...). */
	headers?: Record<string, unknown>;
}

/**
 * The property under which an error thrown by a credential (its preAuthentication) carries
 * structured details. n8n wraps such errors; the details are found again along the cause chain.
 */
export const SERVICE_FAILURE_KEY = 'serviceFailure';

/** Finds the HTTP status, answer body or network error, wherever n8n wrapped them. */
function unwrapThrown(error: unknown): Failure {
	const seen = new Set<unknown>();
	let current: unknown = error;
	const failure: Failure = {};
	while (isRecord(current) && !seen.has(current)) {
		seen.add(current);
		const detail = current[SERVICE_FAILURE_KEY];
		if (isRecord(detail)) failure.serviceFailure ??= detail;
		const response = current.response;
		if (isRecord(response) && typeof response.status === 'number') {
			return {
				statusCode: response.status,
				body: response.data,
				headers: isRecord(response.headers) ? response.headers : undefined,
			};
		}
		if (typeof current.code === 'string') failure.code ??= current.code;
		if (typeof current.message === 'string') failure.message = current.message;
		current = current.cause;
	}
	return failure;
}

export function redact(text: string, secrets: string[]): string {
	let result = text;
	for (const secret of secrets) {
		if (secret.length >= 4) result = result.split(secret).join('[redacted]');
	}
	return result;
}

/** Builds the error users see: the service's own message, a hint of what to do, no secrets. */
export function apiError(
	node: INode,
	service: ServiceProfile,
	failure: Failure,
	context: { action: string; hint: string; secrets: string[] },
): NodeApiError {
	const serviceMessage = service.readErrorMessage(failure.body);
	const status = failure.statusCode !== undefined ? ` (HTTP ${failure.statusCode})` : '';
	const detail = serviceMessage ?? failure.message ?? failure.code ?? 'no explanation given';
	const message = redact(`${service.name} could not ${context.action}${status}: ${detail}`, context.secrets);
	const response: JsonObject = { message };
	if (failure.statusCode !== undefined) response.httpCode = String(failure.statusCode);
	if (isRecord(failure.body)) {
		response.response = JSON.parse(redact(JSON.stringify(failure.body), context.secrets)) as JsonObject;
	}
	return new NodeApiError(node, response, {
		message,
		description: redact(context.hint, context.secrets),
		httpCode: failure.statusCode !== undefined ? String(failure.statusCode) : undefined,
	});
}

/** A hint for the statuses every service shares; services add their own where they know better. */
export function defaultHint(service: ServiceProfile, statusCode: number | undefined): string {
	if (statusCode === undefined) {
		return `Check that n8n can reach ${service.name} (base URL, proxy, network) and try again.`;
	}
	if (statusCode === 401 || statusCode === 403) {
		return `Check the ${service.name} credential: the key may be wrong, revoked, or lack access.`;
	}
	if (statusCode === 404) return `The item does not exist (any more) on ${service.name}.`;
	if (statusCode === 429) {
		return `${service.name} is rate-limiting requests (n8n already waited and retried as far as ${service.name} allowed): try again in a few minutes.`;
	}
	if (statusCode >= 500) return `${service.name} had an internal problem: retry in a few minutes.`;
	return `Check the values sent to ${service.name}.`;
}

/**
 * How long a 429 asks us to wait, from its Retry-After header (seconds or an HTTP date);
 * undefined when the header is missing or unreadable.
 */
export function retryAfterMs(headers: Record<string, unknown> | undefined, now = Date.now()): number | undefined {
	const raw = headers?.['retry-after'];
	const value = (Array.isArray(raw) ? raw[0] : raw) as unknown;
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Sends one HTTP request through n8n's helper; every HTTP answer comes back, only network failures throw. */
async function sendOnce(
	ctx: ApiContext,
	service: ServiceProfile,
	request: ApiRequest,
	options: SendOptions,
	action: string,
): Promise<ApiResponse> {
	const refresh = options.refreshOnStatus ?? [];
	const httpOptions: IHttpRequestOptions = {
		method: request.method,
		baseURL: options.baseUrl,
		url: request.path,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: refresh.length > 0 ? { ignore: true, except: refresh } : true,
		timeout: REQUEST_TIMEOUT_MS,
	};
	if (request.qs) httpOptions.qs = request.qs;
	if (request.body) httpOptions.body = request.body;
	const credentialOptions: IAdditionalCredentialOptions = {};
	if (refresh.length > 0) credentialOptions.preAuthenticationRetryStatusCode = refresh;
	if (options.credentials) credentialOptions.credentialsDecrypted = options.credentials;
	try {
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			service.credentialType,
			httpOptions,
			credentialOptions,
		)) as { statusCode: number; body: unknown; headers?: Record<string, unknown> };
		return { statusCode: response.statusCode, body: response.body, headers: response.headers };
	} catch (error) {
		const failure = unwrapThrown(error);
		if (failure.statusCode !== undefined) {
			return { statusCode: failure.statusCode, body: failure.body, headers: failure.headers };
		}
		throw apiError(ctx.getNode(), service, failure, {
			action,
			hint: service.hintWithoutAnswer?.(failure) ?? defaultHint(service, undefined),
			secrets: options.secrets,
		});
	}
}

/**
 * Sends a request through n8n's credential-aware HTTP helper (proxy settings, credential
 * injection, preAuthentication) and returns every HTTP answer as a response: callers decide what
 * a status means. Only network failures throw, as a NodeApiError naming the service.
 *
 * A 429 means the service did nothing, so any call (a create included) is sent again after the
 * wait its Retry-After asks for, up to RATE_LIMIT_RETRIES times; a wait longer than
 * MAX_RETRY_AFTER_MS is not waited for, and the 429 comes back for the caller to report.
 */
export async function sendRequest(
	ctx: ApiContext,
	service: ServiceProfile,
	request: ApiRequest,
	options: SendOptions,
	action: string,
): Promise<ApiResponse> {
	let response = await sendOnce(ctx, service, request, options, action);
	for (let retry = 0; retry < RATE_LIMIT_RETRIES && response.statusCode === 429; retry++) {
		const wait = retryAfterMs(response.headers) ?? DEFAULT_RATE_LIMIT_WAIT_MS * 2 ** retry;
		if (wait > MAX_RETRY_AFTER_MS) break;
		ctx.logger.info(`${service.name} is rate-limiting: waiting ${Math.ceil(wait / 1000)} s to ${action}`);
		await sleep(wait);
		response = await sendOnce(ctx, service, request, options, action);
	}
	return response;
}

export function isSuccess(statusCode: number): boolean {
	return statusCode >= 200 && statusCode < 300;
}
