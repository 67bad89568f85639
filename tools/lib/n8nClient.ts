/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-hardcoded-secrets -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * A small client for an n8n main process this repo did not start through the e2e driver (queue
 * mode's): sets up the owner, logs in, creates an API key, and drives the public API.
 */
import axios from 'axios';
import type { AxiosInstance, AxiosResponse, Method } from 'axios';

import type { Credential, Workflow, WorkflowInput } from '../../test/e2e/n8n';
import type { N8nApi } from './executions';

/** Test-only values: the instance is a throwaway on 127.0.0.1. */
const OWNER = { email: 'owner@queue.test', firstName: 'Queue', lastName: 'Owner', password: 'Queue-Test-Passw0rd' };

export interface N8nClient extends N8nApi {
	url: string;
	createCredential(name: string, type: string, data: Record<string, unknown>): Promise<Credential>;
	createWorkflow(workflow: WorkflowInput): Promise<Workflow>;
	activate(id: string): Promise<Workflow>;
	deactivate(id: string): Promise<Workflow>;
}

function expectOk<T>(response: AxiosResponse<T>, what: string): T {
	if (response.status < 200 || response.status >= 300) {
		throw new Error(`${what}: HTTP ${response.status} ${JSON.stringify(response.data).slice(0, 500)}`);
	}
	return response.data;
}

export async function connectAsOwner(url: string): Promise<N8nClient> {
	const restClient: AxiosInstance = axios.create({
		baseURL: `${url}/rest`,
		validateStatus: () => true,
		headers: { 'browser-id': 'queue-mode-test' },
		timeout: 30_000,
	});
	expectOk(await restClient.post('/owner/setup', OWNER), 'POST /rest/owner/setup');
	const login = await restClient.post('/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
	expectOk(login, 'POST /rest/login');
	const cookie = (login.headers['set-cookie'] ?? []).map((c: string) => c.split(';')[0]).find((c: string) => c.startsWith('n8n-auth='));
	if (!cookie) throw new Error('POST /rest/login set no n8n-auth cookie');
	restClient.defaults.headers.common.Cookie = cookie;
	const scopes = expectOk(await restClient.get<{ data: string[] }>('/api-keys/scopes'), 'GET /rest/api-keys/scopes').data;
	const key = expectOk(
		await restClient.post<{ data: { rawApiKey: string } }>('/api-keys', { label: 'queue-mode', scopes, expiresAt: null }),
		'POST /rest/api-keys',
	).data.rawApiKey;
	const publicClient: AxiosInstance = axios.create({
		baseURL: `${url}/api/v1`,
		validateStatus: () => true,
		headers: { 'X-N8N-API-KEY': key, 'Content-Type': 'application/json' },
		timeout: 60_000,
	});
	const publicApi = <T = unknown>(method: Method, apiPath: string, body?: unknown): Promise<AxiosResponse<T>> =>
		publicClient.request<T>({ method, url: apiPath, data: body });
	const rest = <T = unknown>(method: Method, restPath: string, body?: unknown): Promise<AxiosResponse<T>> =>
		restClient.request<T>({ method, url: restPath, data: body });
	return {
		url,
		publicApi,
		rest,
		async createCredential(name, type, data) {
			return expectOk(await publicApi<Credential>('POST', '/credentials', { name, type, data }), `POST /api/v1/credentials (${type})`);
		},
		async createWorkflow(workflow) {
			const body = { name: workflow.name, nodes: workflow.nodes, connections: workflow.connections, settings: workflow.settings ?? { executionOrder: 'v1' } };
			return expectOk(await publicApi<Workflow>('POST', '/workflows', body), 'POST /api/v1/workflows');
		},
		async activate(id) {
			return expectOk(await publicApi<Workflow>('POST', `/workflows/${id}/activate`, {}), `activate workflow ${id}`);
		},
		async deactivate(id) {
			return expectOk(await publicApi<Workflow>('POST', `/workflows/${id}/deactivate`, {}), `deactivate workflow ${id}`);
		},
	};
}

/** Waits until `url` is a registered webhook (CORS preflight: 204 when registered, 404 otherwise). */
export async function waitForWebhook(url: string, origin: string, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const response = await axios
			.request({ method: 'OPTIONS', url, headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' }, validateStatus: () => true, timeout: 5000 })
			.catch(() => undefined);
		if (response && response.status >= 200 && response.status < 300) return;
		if (Date.now() > deadline) throw new Error(`webhook ${url} not registered after ${timeoutMs} ms (last: ${response?.status ?? 'no answer'})`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}
