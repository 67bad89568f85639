/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
import { createServer } from 'http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'http';
import type { AddressInfo } from 'net';

/** One request as the fake received it. */
export interface RecordedCall {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	body: unknown;
	/** When the fake received it (Date.now()), so tests can check the spacing of retries. */
	at: number;
}

export interface FakeAnswer {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** Sent as it is, as an HTML page, instead of `body` as JSON (a web server that is not the API). */
	html?: string;
}

/** A fault to inject instead of (or before) the normal answer. */
export type Fault =
	| { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
	| { kind: 'delay'; ms: number }
	| { kind: 'hang' }
	| { kind: 'reset' }
	/** The request is carried out, then the connection drops before the answer. */
	| { kind: 'dropAnswer' };

export interface CallFilter {
	method?: string;
	/** Matches when the request path (without the base prefix) starts with this. */
	path?: string;
}

interface PendingFault {
	filter: CallFilter;
	fault: Fault;
	remaining: number;
}

function matches(filter: CallFilter, method: string, path: string): boolean {
	return (
		(filter.method === undefined || filter.method === method) &&
		(filter.path === undefined || path.startsWith(filter.path))
	);
}

const sleep = async (ms: number) => await new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Where a fake serves its control routes (make it deliver, show its hooks) to another process,
 * e.g. `npm run simulate` talking to the sandbox's fakes. Outside the API prefix, so they can never
 * be mistaken for the service's API, and neither recorded in `calls` nor subject to faults.
 */
export const CONTROL_PREFIX = '/__sandbox';

export interface StartOptions {
	/** Serve the control routes under CONTROL_PREFIX (off by default). */
	control?: boolean;
}

/**
 * A fake remote API on 127.0.0.1: records every call, answers through `handle`, and can inject
 * faults (an HTTP status, a delay, a request that never answers, a dropped connection) for the
 * next N matching calls.
 */
export abstract class FakeService {
	readonly calls: RecordedCall[] = [];

	private server?: Server;

	private faults: PendingFault[] = [];

	private readonly hanging = new Set<ServerResponse>();

	private controlEnabled = false;

	/** Told of every recorded API call as it arrives (the sandbox prints them). */
	onCall?: (call: RecordedCall) => void;

	/** The path prefix the API lives under, e.g. "/api". */
	constructor(private readonly prefix: string) {}

	protected abstract handle(call: RecordedCall): Promise<FakeAnswer> | FakeAnswer;

	/** Answers a control route; `call.path` is relative to CONTROL_PREFIX. None by default. */
	protected control(call: RecordedCall): Promise<FakeAnswer> | FakeAnswer {
		return { status: 404, body: { message: `No control route ${call.method} ${call.path}` } };
	}

	get baseUrl(): string {
		const address = this.server?.address() as AddressInfo | null | undefined;
		if (!address) throw new Error('fake service is not started');
		return `http://127.0.0.1:${address.port}${this.prefix}`;
	}

	async start(port = 0, options: StartOptions = {}): Promise<string> {
		this.controlEnabled = options.control === true;
		this.server = createServer((req, res) => {
			void this.serve(req, res);
		});
		const server = this.server;
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, '127.0.0.1', () => {
				server.off('error', reject);
				resolve();
			});
		});
		return this.baseUrl;
	}

	/** http://127.0.0.1:<port>/__sandbox (only answered when started with `control: true`). */
	get controlUrl(): string {
		return `${new URL(this.baseUrl).origin}${CONTROL_PREFIX}`;
	}

	async stop(): Promise<void> {
		for (const res of this.hanging) res.destroy();
		this.hanging.clear();
		const server = this.server;
		if (!server) return;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
		this.server = undefined;
	}

	/** The next `times` calls matching `filter` get `fault`. */
	inject(filter: CallFilter, fault: Fault, times = 1): void {
		this.faults.push({ filter, fault, remaining: times });
	}

	clearFaults(): void {
		this.faults = [];
	}

	/** How many calls matched (all calls without a filter). */
	count(filter: CallFilter = {}): number {
		return this.calls.filter((call) => matches(filter, call.method, call.path)).length;
	}

	resetCalls(): void {
		this.calls.length = 0;
	}

	private takeFault(method: string, path: string): Fault | undefined {
		const pending = this.faults.find((entry) => entry.remaining > 0 && matches(entry.filter, method, path));
		if (!pending) return undefined;
		pending.remaining--;
		this.faults = this.faults.filter((entry) => entry.remaining > 0);
		return pending.fault;
	}

	private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const raw = Buffer.concat(chunks).toString('utf8');
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const method = req.method ?? 'GET';
		let path = url.pathname;
		let body: unknown;
		try {
			body = raw ? JSON.parse(raw) : undefined;
		} catch {
			body = raw;
		}
		if (this.controlEnabled && path.startsWith(`${CONTROL_PREFIX}/`)) {
			const controlCall = {
				method,
				path: path.slice(CONTROL_PREFIX.length),
				query: url.searchParams,
				headers: req.headers,
				body,
				at: Date.now(),
			};
			try {
				this.send(res, await this.control(controlCall));
			} catch (error) {
				this.send(res, { status: 500, body: { message: (error as Error).message } });
			}
			return;
		}
		if (!path.startsWith(this.prefix)) {
			this.send(res, { status: 404, body: { message: `No route ${path}` } });
			return;
		}
		path = path.slice(this.prefix.length) || '/';
		const call: RecordedCall = { method, path, query: url.searchParams, headers: req.headers, body, at: Date.now() };
		this.calls.push(call);
		this.onCall?.(call);

		const fault = this.takeFault(method, path);
		if (fault?.kind === 'hang') {
			this.hanging.add(res);
			res.on('close', () => this.hanging.delete(res));
			return;
		}
		if (fault?.kind === 'reset') {
			req.socket.destroy();
			return;
		}
		if (fault?.kind === 'delay') await sleep(fault.ms);
		if (fault?.kind === 'status') {
			this.send(res, {
				status: fault.status,
				body: fault.body ?? { message: `Injected ${fault.status}` },
				headers: fault.headers,
			});
			return;
		}
		try {
			const answer = await this.handle(call);
			if (fault?.kind === 'dropAnswer') {
				req.socket.destroy();
				return;
			}
			this.send(res, answer);
		} catch (error) {
			this.send(res, { status: 500, body: { message: (error as Error).message } });
		}
	}

	private send(res: ServerResponse, answer: FakeAnswer): void {
		const headers = answer.headers ?? {};
		if (answer.html !== undefined) {
			res.writeHead(answer.status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(answer.html);
			return;
		}
		if (answer.body === undefined) {
			res.writeHead(answer.status, headers).end();
			return;
		}
		const payload = JSON.stringify(answer.body);
		res.writeHead(answer.status, { 'content-type': 'application/json', ...headers }).end(payload);
	}
}

/** Posts a JSON body to a URL, as the services do when they deliver an event. */
export async function postJson(
	url: string,
	rawBody: string,
	headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: rawBody,
	});
	return { status: response.status, body: await response.text() };
}
