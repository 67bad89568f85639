/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * Small helpers shared by the end-to-end test files: one n8n per file, its timings printed at the
 * end, and readers for what n8n recorded in an execution.
 */
import { request as httpRequest } from 'http';
import * as path from 'path';

import type { Credential, Execution, N8nInstance, StartOptions } from './n8n';
import { formatTimings, startFreshN8n } from './n8n';
import { AirmeetFake } from '../fakes/airmeetFake';
import { seedDemoCommunity } from '../fakes/sandboxSeed';
import { SimplyMeetFake } from '../fakes/simplyMeetFake';

/** Starting n8n takes 15-30 s on two cores, and minutes when the runtime must be installed first. */
export const START_TIMEOUT_MS = 15 * 60_000;

/**
 * Starts the file's n8n and returns a function that stops it and prints how long the file and
 * each n8n phase took (the issue asks every run to show its phase timings).
 */
export async function startFileN8n(
	testFile: string,
	fileStartedAt: number,
	options: StartOptions = {},
): Promise<{ n8n: N8nInstance; finish: () => Promise<void> }> {
	const n8n = await startFreshN8n(options);
	const finish = async (): Promise<void> => {
		const stopStarted = Date.now();
		await n8n.stop();
		const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
		console.log(
			`[e2e] ${path.basename(testFile)} on n8n ${n8n.n8nVersion}: ${seconds(Date.now() - fileStartedAt)} in all; ` +
				`${formatTimings(n8n.timings)}, stop ${seconds(Date.now() - stopStarted)}`,
		);
	};
	return { n8n, finish };
}

export type Json = Record<string, unknown>;

/** The items a node output (first output, run `runIndex`) in an execution. */
export function nodeItems(execution: Execution, nodeName: string, runIndex = 0): Json[] {
	const runs = execution.data?.resultData?.runData?.[nodeName];
	if (!runs) {
		const ran = Object.keys(execution.data?.resultData?.runData ?? {}).join(', ') || 'none';
		throw new Error(`node "${nodeName}" did not run in execution ${execution.id} (nodes that ran: ${ran})`);
	}
	return (runs[runIndex]?.data?.main?.[0] ?? []).map((item) => item.json);
}

/** Posts raw JSON the way a service delivers, with whatever headers the test wants. */
export async function postRaw(
	url: string,
	rawBody: string,
	headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: rawBody });
	return { status: response.status, body: await response.text() };
}

export { simplyMeetSignature } from '../fakes/simplyMeetFake';

/** The meeting's uuid an execution of a SimplyMeet trigger started with. */
export function meetingUuidOf(execution: Execution, triggerName = 'SimplyMeet Trigger'): unknown {
	return nodeItems(execution, triggerName)[0]?.uuid;
}

/** A delivery whose body is only partly sent: the server has the headers and waits for the rest. */
export interface HeldDelivery {
	/** Sends the rest of the body and resolves with the answer. */
	finish(): Promise<{ status: number; body: string }>;
}

/**
 * Opens a POST with the full Content-Length, sends the headers and the first half of the body,
 * and holds the rest back until `finish()`: a delivery that is slow on purpose, so the server
 * starts handling it (n8n loads the workflow and its static data) long before it can end.
 */
export function holdDelivery(url: string, rawBody: string, headers: Record<string, string> = {}): HeldDelivery {
	const payload = Buffer.from(rawBody, 'utf8');
	const half = Math.floor(payload.length / 2);
	const request = httpRequest(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'content-length': String(payload.length), ...headers },
	});
	const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
		request.on('error', reject);
		request.on('response', (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
			response.on('error', reject);
		});
	});
	request.flushHeaders();
	request.write(payload.subarray(0, half));
	return {
		async finish() {
			request.end(payload.subarray(half));
			return await answer;
		},
	};
}

/**
 * Both fakes started on 127.0.0.1, Airmeet's seeded by `seed`: by default with the demo community
 * the examples name.
 */
export async function startServiceFakes(
	seed: (airmeet: AirmeetFake) => void = seedDemoCommunity,
): Promise<{ simplyMeet: SimplyMeetFake; airmeet: AirmeetFake }> {
	const simplyMeet = new SimplyMeetFake();
	const airmeet = new AirmeetFake();
	await Promise.all([simplyMeet.start(), airmeet.start()]);
	seed(airmeet);
	return { simplyMeet, airmeet };
}

/** A SimplyMeet credential in n8n that points at the fake. */
export async function simplyMeetCredentialFor(n8n: N8nInstance, fake: SimplyMeetFake): Promise<Credential> {
	return await n8n.createCredential('SimplyMeet (fake)', 'simplyMeetApi', { apiKey: fake.apiKey, baseUrl: fake.baseUrl });
}

/** An Airmeet credential in n8n that points at the fake (the Custom region). */
export async function airmeetCredentialFor(n8n: N8nInstance, fake: AirmeetFake): Promise<Credential> {
	return await n8n.createCredential('Airmeet (fake)', 'airmeetApi', {
		accessKey: fake.accessKey,
		secretKey: fake.secretKey,
		region: 'custom',
		baseUrl: fake.baseUrl,
	});
}
