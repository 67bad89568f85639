/* eslint-disable @n8n/community-nodes/no-restricted-globals -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * Load generation with autocannon: N deliveries at a fixed concurrency, each with its own body
 * (a fresh event id), signed as the service signs them. Every request's id and answer are
 * tracked, so a caller can match what n8n executed against what was delivered.
 */
import autocannon from 'autocannon';
import { randomUUID } from 'crypto';

import { sampleMeeting, simplyMeetSignature } from '../../test/fakes/simplyMeetFake';
import { samplePayloadFor } from '../../test/fakes/airmeetFake';
import { percentile } from './stats';

export interface Delivery {
	/** What identifies this event in the execution (the meeting uuid, the registrant email, ...). */
	id: string;
	body: string;
	headers: Record<string, string>;
}

export interface LoadOptions {
	url: string;
	amount: number;
	connections: number;
	/** Builds the i-th delivery (0-based). */
	make: (index: number) => Delivery;
	/** Seconds before a request counts as timed out (autocannon's default is 10). */
	timeoutSeconds?: number;
	title?: string;
}

export interface LoadResult {
	title?: string;
	amount: number;
	connections: number;
	/** Ids of every request sent, in order. */
	sentIds: string[];
	/** Ids whose request was answered with a 2xx. */
	okIds: string[];
	/** Answers by status code. */
	statuses: Record<string, number>;
	/** Connection errors and timeouts (no answer). */
	errors: number;
	timeouts: number;
	durationMs: number;
	/** 2xx answers per second over the whole run. */
	eventsPerSecond: number;
	latencyMs: { p50: number; p99: number; mean: number; max: number };
	/** Every answer's latency, ms, in arrival order (to pool several runs). */
	latencies: number[];
}

/** Runs one load: exactly `amount` requests over `connections` keep-alive connections. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
	const sentIds: string[] = [];
	const okIds: string[] = [];
	const statuses: Record<string, number> = {};
	const durations: number[] = [];
	let index = 0;
	interface Context {
		id?: string;
	}
	const started = process.hrtime.bigint();
	const result = await new Promise<autocannon.Result>((resolve, reject) => {
		const instance = autocannon(
			{
				url: options.url,
				method: 'POST',
				connections: options.connections,
				amount: options.amount,
				timeout: options.timeoutSeconds ?? 60,
				title: options.title,
				requests: [
					{
						setupRequest: (request: autocannon.Request, context: object): autocannon.Request => {
							const delivery = options.make(index++);
							(context as Context).id = delivery.id;
							sentIds.push(delivery.id);
							return {
								...request,
								method: 'POST',
								body: delivery.body,
								headers: { 'content-type': 'application/json', ...delivery.headers },
							};
						},
						onResponse: (status: number, _body: string, context: object): void => {
							statuses[status] = (statuses[status] ?? 0) + 1;
							const id = (context as Context).id;
							if (status >= 200 && status < 300 && id !== undefined) okIds.push(id);
						},
					},
				],
			},
			(error: Error | null, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
		);
		instance.on('response', (_client: autocannon.Client, _status: number, _bytes: number, responseTime: number) => {
			durations.push(responseTime);
		});
	});
	const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
	const sumMs = durations.reduce((total, value) => total + value, 0);
	return {
		title: options.title,
		amount: options.amount,
		connections: options.connections,
		sentIds,
		okIds,
		statuses,
		errors: result.errors,
		timeouts: result.timeouts,
		durationMs,
		eventsPerSecond: okIds.length / (durationMs / 1000),
		latencyMs: {
			p50: percentile(durations, 50),
			p99: percentile(durations, 99),
			mean: durations.length ? sumMs / durations.length : Number.NaN,
			max: durations.length ? durations.reduce((max, value) => Math.max(max, value), 0) : Number.NaN,
		},
		latencies: durations,
	};
}

/**
 * A SimplyMeet delivery as the fake (and SimplyMeet) sends it: `{data: meeting}` with a fresh
 * meeting uuid, signed with `secret`, with SimplyMeet's user agent. The body is built from the
 * fake's own sample once; each delivery only swaps in its uuid.
 */
export function simplyMeetDeliveries(
	secret: string,
	extraHeaders: Record<string, string> = {},
	extraBody: Record<string, string> = {},
): (index: number) => Delivery {
	const template = JSON.stringify({ data: sampleMeeting('meetingScheduled', { uuid: '__UUID__' }), ...extraBody });
	return () => {
		const id = randomUUID();
		const body = template.replace('__UUID__', id);
		return {
			id,
			body,
			headers: { 'user-agent': 'SimplyMeet.me', 'webhook-signature': simplyMeetSignature(secret, body), ...extraHeaders },
		};
	};
}

/**
 * An Airmeet "registrant added" delivery (unsigned, as Airmeet sends them), made unique by the
 * registrant's email: the id to look for in the execution.
 */
export function airmeetDeliveries(airmeetId: string): (index: number) => Delivery {
	const template = JSON.stringify({
		...(samplePayloadFor('trigger.airmeet.registrant.added', airmeetId) as Record<string, unknown>),
		email: '__EMAIL__',
	});
	return (index) => {
		const id = `registrant-${index}-${randomUUID().slice(0, 8)}@example.com`;
		return { id, body: template.replace('__EMAIL__', id), headers: { 'user-agent': 'Airmeet-Webhooks' } };
	};
}

/** Ids delivered more than once or never answered 2xx; empty lists mean every delivery got through once. */
export function deliveryProblems(result: LoadResult): { notOk: string[]; duplicateSent: string[] } {
	const ok = new Set(result.okIds);
	const seen = new Set<string>();
	const duplicateSent: string[] = [];
	for (const id of result.sentIds) {
		if (seen.has(id)) duplicateSent.push(id);
		seen.add(id);
	}
	return { notOk: result.sentIds.filter((id) => !ok.has(id)), duplicateSent };
}
