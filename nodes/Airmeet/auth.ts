/**
 * Airmeet has two ways to authenticate a call, and which one applies depends only on the path.
 * The credential (to add the right headers) and the transport (to know whether a token refresh
 * can help) both decide from this one list.
 */

export const AUTH_PATH = '/auth';

export const WEBHOOK_PATHS = {
	register: '/platform-integration/v1/webhook-register',
	deregister: '/platform-integration/v1/webhook-deregister',
	samplePayload: '/platform-integration/v1/sample-payload',
	list: '/platform-integration/v1/webhook-list',
} as const;

/** Calls that send the key pair itself (`x-access-key`/`x-secret-key`) instead of a token. */
export const KEY_PAIR_PATHS: readonly string[] = [
	WEBHOOK_PATHS.register,
	WEBHOOK_PATHS.deregister,
	WEBHOOK_PATHS.samplePayload,
];

/** The path of a request URL, whether n8n holds it relative (with a baseURL) or absolute. */
export function pathOf(url: string | undefined): string {
	const text = url ?? '';
	const withoutOrigin = text.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
	const path = withoutOrigin.split(/[?#]/, 1)[0] ?? '';
	return (path.startsWith('/') ? path : `/${path}`).replace(/\/+$/, '') || '/';
}

// Paths are compared by their end: an absolute URL still carries the gateway prefix (`/prod`).
const endsWithPath = (url: string | undefined, path: string) => {
	const actual = pathOf(url);
	return actual === path || actual.endsWith(path);
};

export function usesKeyPair(url: string | undefined): boolean {
	return KEY_PAIR_PATHS.some((path) => endsWithPath(url, path));
}

export function isAuthCall(url: string | undefined): boolean {
	return endsWithPath(url, AUTH_PATH);
}

/**
 * The statuses with which Airmeet refuses a key pair on `/auth`: 400 for keys it does not accept
 * (Airmeet's API pages; Parsons' airmeet.py), 403 for revoked keys (both), 401 as any server's
 * word for wrong credentials (no source names it there, and it can mean nothing else).
 */
export const KEYS_REJECTED_STATUSES: readonly number[] = [400, 401, 403];

/**
 * What users read when Airmeet refuses the key pair, on `/auth` or on a call that sends the pair
 * itself: which keys, why (403: revoked), where a new pair comes from (Airmeet's pages), and
 * Airmeet's own words when it gave any.
 */
export function keysRejectedMessage(statusCode: number, airmeetSaid?: string): string {
	const why =
		statusCode === 403
			? 'the access key and secret key in the Airmeet credential were refused: they may have been revoked'
			: 'the access key and secret key in the Airmeet credential were not accepted (wrong, incomplete or swapped)';
	const said = airmeetSaid ? ` Airmeet said: "${airmeetSaid}"` : '';
	return `${why}. Generate a new key pair in the Airmeet community dashboard (Integrations > API Access Key) and enter both keys in the credential.${said}`;
}

/** Why the credential's token request (`POST /auth`) gave no token. */
export type TokenFailureKind =
	/** No answer: network, DNS, timeout. */
	| 'unreachable'
	/** 400/401/403 (KEYS_REJECTED_STATUSES): the key pair is wrong or revoked. */
	| 'keysRejected'
	/** 404: no Airmeet API at the region's (or custom) base URL. */
	| 'noApi'
	/** Any other failed status. */
	| 'refused'
	/** A success without a token in it. */
	| 'noToken';

export interface TokenFailure extends Record<string, unknown> {
	kind: TokenFailureKind;
	statusCode?: number;
}

/**
 * What the credential's preAuthentication throws. n8n wraps it into its own error; the transport
 * finds `serviceFailure` again along the cause chain (shared/transport's SERVICE_FAILURE_KEY), so
 * hints are chosen from the kind, never parsed from the message. Messages never hold the keys.
 */
export class TokenRequestError extends Error {
	readonly serviceFailure: TokenFailure;

	constructor(message: string, failure: TokenFailure) {
		super(`Airmeet did not issue an access token${message}`);
		this.name = 'TokenRequestError';
		this.serviceFailure = failure;
	}
}

export function isTokenFailure(value: unknown): value is TokenFailure {
	return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}
