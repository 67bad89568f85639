/**
 * The few things `npm run test:live` needs to talk to a service and describe what came back
 * without ever showing a value: one HTTP call, the shape (keys and types) of an answer, and a
 * guard that removes every secret from a line before it is printed.
 */

export interface Answer {
	/** The HTTP status; 0 when no answer came. */
	status: number;
	body: unknown;
	/** Why no answer came (network error code), when status is 0. */
	failure?: string;
}

export interface CallOptions {
	query?: Record<string, string | number>;
	headers?: Record<string, string>;
	body?: unknown;
}

const TIMEOUT_MS = 20_000;

/** One call, JSON in and out; never throws for a status or a network failure. */
export async function call(baseUrl: string, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
	const url = new URL(`${baseUrl.replace(/\/+$/, '')}${path}`);
	for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, String(value));
	try {
		const response = await fetch(url, {
			method,
			// SimplyMeet's pages ask for Content-Type on every call, Airmeet's clients send it too.
			headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
			body: options.body === undefined ? undefined : JSON.stringify(options.body),
			signal: AbortSignal.timeout(TIMEOUT_MS),
		});
		const text = await response.text();
		let body: unknown = text;
		try {
			body = text === '' ? undefined : JSON.parse(text);
		} catch {
			body = text;
		}
		return { status: response.status, body };
	} catch (error) {
		const cause = (error as { cause?: { code?: unknown } }).cause;
		return { status: 0, body: undefined, failure: String(cause?.code ?? (error as Error).name) };
	}
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys and types, never values: `{page: number, _embedded: {items: list}}`. */
export function shape(value: unknown, depth = 2): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'list';
	if (isRecord(value)) {
		if (depth === 0) return 'object';
		const entries = Object.entries(value).map(([key, entry]) => `${key}: ${shape(entry, depth - 1)}`);
		return `{${entries.join(', ')}}`;
	}
	return typeof value === 'string' && value.trimStart().startsWith('<') ? 'HTML text' : typeof value;
}

/** What an answer was, for a line: its status (or why none came) and its shape. */
export function seen(answer: Answer): string {
	if (answer.status === 0) return `no answer (${answer.failure ?? 'unknown'})`;
	return `HTTP ${answer.status}, ${shape(answer.body)}`;
}

/** Removes every secret from a line, however it got there. */
export function redact(line: string, secrets: readonly string[]): string {
	return secrets.filter((secret) => secret.length >= 4).reduce((text, secret) => text.split(secret).join('[redacted]'), line);
}

/** The value at a path of keys, or undefined. */
export function at(value: unknown, ...path: string[]): unknown {
	return path.reduce<unknown>((current, key) => (isRecord(current) ? current[key] : undefined), value);
}
