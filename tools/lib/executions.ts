/* eslint-disable @n8n/community-nodes/no-restricted-globals -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * Reading a workflow's executions back from n8n, in bulk: counting them by status (the editor's
 * REST list, which answers with a count) and paging through their data (the public API).
 */
import type { AxiosResponse, Method } from 'axios';

/** What these helpers need from an n8n client (the e2e driver's instance or queue mode's). */
export interface N8nApi {
	publicApi<T = unknown>(method: Method, apiPath: string, body?: unknown): Promise<AxiosResponse<T>>;
	rest<T = unknown>(method: Method, restPath: string, body?: unknown): Promise<AxiosResponse<T>>;
}

export const FINISHED_STATUSES = ['success', 'error', 'crashed', 'canceled'] as const;

function ok<T>(response: AxiosResponse<T>, what: string): T {
	if (response.status < 200 || response.status >= 300) {
		throw new Error(`${what}: HTTP ${response.status} ${JSON.stringify(response.data).slice(0, 500)}`);
	}
	return response.data;
}

/** How many executions of the workflow have one of these statuses (all statuses when omitted). */
export async function countExecutions(n8n: N8nApi, workflowId: string, statuses?: readonly string[]): Promise<number> {
	const filter: Record<string, unknown> = { workflowId };
	if (statuses) filter.status = statuses;
	const query = new URLSearchParams({ filter: JSON.stringify(filter), limit: '1' });
	const body = ok(
		await n8n.rest<{ data: { count: number; estimated?: boolean } }>('GET', `/executions?${query}`),
		'GET /rest/executions',
	);
	return body.data.count;
}

/** Counts by status: success, error, crashed, canceled, running, new, waiting. */
export async function executionCounts(n8n: N8nApi, workflowId: string): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const status of [...FINISHED_STATUSES, 'running', 'new', 'waiting']) {
		counts[status] = await countExecutions(n8n, workflowId, [status]);
	}
	return counts;
}

/**
 * Waits until the workflow has at least `expected` finished executions (any finishing status) and
 * none still running, polling every `intervalMs`. Resolves with the counts by status; rejects on
 * timeout with what it last saw.
 */
export async function waitForFinished(
	n8n: N8nApi,
	workflowId: string,
	expected: number,
	options: { timeoutMs?: number; intervalMs?: number; onProgress?: (finished: number) => void } = {},
): Promise<Record<string, number>> {
	const deadline = Date.now() + (options.timeoutMs ?? 120_000);
	let finished = 0;
	for (;;) {
		finished = await countExecutions(n8n, workflowId, FINISHED_STATUSES);
		options.onProgress?.(finished);
		if (finished >= expected) {
			const counts = await executionCounts(n8n, workflowId);
			if ((counts.running ?? 0) + (counts.new ?? 0) === 0) return counts;
		}
		if (Date.now() > deadline) {
			const counts = await executionCounts(n8n, workflowId);
			throw new Error(
				`timed out waiting for ${expected} finished executions of workflow ${workflowId}: ${JSON.stringify(counts)}`,
			);
		}
		await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
	}
}

export interface ExecutionWithData {
	id: string | number;
	status: string;
	mode: string;
	data?: {
		resultData?: {
			runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> } }>>;
		};
	};
}

/**
 * Every execution of the workflow with `status`, with its data, through the public API's pages of
 * 250 (its maximum). Calls `onPage` after each page with the running total.
 */
export async function readExecutions(
	n8n: N8nApi,
	workflowId: string,
	options: { status?: string; onPage?: (total: number) => void } = {},
): Promise<ExecutionWithData[]> {
	const all: ExecutionWithData[] = [];
	let cursor: string | undefined;
	do {
		const query = new URLSearchParams({ workflowId, includeData: 'true', limit: '250' });
		if (options.status) query.set('status', options.status);
		if (cursor) query.set('cursor', cursor);
		const page = ok(
			await n8n.publicApi<{ data: ExecutionWithData[]; nextCursor?: string | null }>('GET', `/executions?${query}`),
			'GET /api/v1/executions',
		);
		all.push(...page.data);
		options.onPage?.(all.length);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return all;
}

/** The items the given node output in an execution (first run, first output). */
export function nodeOutput(execution: ExecutionWithData, nodeName: string): Array<Record<string, unknown>> {
	const run = execution.data?.resultData?.runData?.[nodeName]?.[0];
	return (run?.data?.main?.[0] ?? []).map((item) => item.json);
}

/**
 * Matches delivered ids against what the executions hold: `missing` were delivered but found in no
 * execution, `unexpected` were found but never delivered, `duplicated` were found more than once.
 */
export function matchIds(
	delivered: readonly string[],
	found: readonly string[],
): { missing: string[]; unexpected: string[]; duplicated: string[] } {
	const expected = new Set(delivered);
	const seen = new Map<string, number>();
	for (const id of found) seen.set(id, (seen.get(id) ?? 0) + 1);
	return {
		missing: delivered.filter((id) => !seen.has(id)),
		unexpected: [...seen.keys()].filter((id) => !expected.has(id)),
		duplicated: [...seen].filter(([, times]) => times > 1).map(([id]) => id),
	};
}
