/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/require-node-api-error -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * Driver for end-to-end tests against a real n8n (a line pinned in n8n-runtime/: 2.x unless
 * StartOptions.line or N8N_RUNTIME_LINE says 1.x).
 *
 * startFreshN8n() gives each test file its own instance: a fresh temporary user folder (fresh
 * SQLite database), fresh ports (HTTP and task broker), this package installed as a community
 * package, an owner account and an API key with every scope. Build the package (`npm run build`)
 * before: n8n loads dist/ through the package.json "n8n" block.
 *
 * The sandbox (tools/sandbox.ts) uses the same function with a persistent `userFolder` and a
 * fixed `port`: the owner is then set up on the first run and logged in on later ones.
 */
import axios, { type AxiosInstance, type AxiosResponse, type Method } from 'axios';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import {
	ensureRuntime,
	linkPackage,
	runtimePaths,
	startN8n,
	type ExitInfo,
	type N8nProcess,
	type RuntimeLine,
} from '../../scripts/n8n-runtime';

export interface OwnerAccount {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

/** Test-only values: every instance is a throwaway on 127.0.0.1. */
export const OWNER = {
	email: 'owner@e2e.test',
	firstName: 'E2e',
	lastName: 'Owner',
	password: 'E2e-Test-Passw0rd',
} as const;
const ENCRYPTION_KEY = 'e2e-test-only-encryption-key';
const BROWSER_ID = 'e2e-test-browser';

export interface PhaseTimings {
	/** ensureRuntime(): minutes on a fresh machine, milliseconds when reused. */
	installMs: number;
	/** true when this run installed n8n (false: reused). */
	installed: boolean;
	/** Spawn until /healthz answers (process up, not yet ready). */
	startMs: number;
	/** Spawn until /healthz/readiness answers 200. */
	readyMs: number;
	/** Owner setup, login and API key creation. */
	setupMs: number;
}

/** Timings of every instance started in this process (one test file), oldest first. */
export const phaseTimings: PhaseTimings[] = [];

export function formatTimings(t: PhaseTimings): string {
	const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
	return (
		`n8n phases: install ${s(t.installMs)} (${t.installed ? 'installed' : 'reused'}), ` +
		`start ${s(t.startMs)}, ready ${s(t.readyMs)}, owner + API key ${s(t.setupMs)}`
	);
}

export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	webhookId?: string;
	credentials?: Record<string, { id: string; name: string }>;
	disabled?: boolean;
	/** Run once for all input items instead of once per item. */
	executeOnce?: boolean;
	/** Pass an empty item on when the node outputs nothing, so the next node still runs. */
	alwaysOutputData?: boolean;
}

export interface WorkflowInput {
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	staticData?: Record<string, unknown> | null;
}

export interface Workflow extends WorkflowInput {
	id: string;
	active: boolean;
	[key: string]: unknown;
}

export interface Credential {
	id: string;
	name: string;
	type: string;
	[key: string]: unknown;
}

/** What the credential "Test" button in the editor shows. */
export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * n8n 2.x publishes through an outbox, after the publish call has answered: `in_progress` until
 * the triggers' checkExists/create ran (with up to 5 attempts), then `published` or `failed`.
 */
export interface PublicationStatus {
	status: 'in_progress' | 'published' | 'partial' | 'failed' | 'not_published';
	liveVersionId: string | null;
	pendingVersionId: string | null;
	triggers: Array<{ nodeId: string; status: string; errorMessage: string | null }>;
}

/** A node field whose choices the editor asks n8n for (see N8nInstance.parameterChoices). */
export interface ParameterChoicesRequest {
	nodeType: string;
	version: number;
	/** The field's path among the node's parameters, e.g. parameters.airmeetId. */
	path: string;
	methodName: string;
	/** The node's parameters as the editor holds them while the field is edited. */
	parameters: Record<string, unknown>;
	credential: Credential;
	filter?: string;
}

/** Answer of the editor's "Execute workflow" (POST /rest/workflows/:id/run). */
export type ManualRunResult = { executionId: string } | { waitingForWebhook: true };

export interface NodeRunData {
	startTime?: number;
	executionStatus?: string;
	error?: { message?: string; [key: string]: unknown };
	data?: { main?: Array<Array<{ json: Record<string, unknown>; [key: string]: unknown }> | null> };
	[key: string]: unknown;
}

export interface Execution {
	id: string | number;
	workflowId: string;
	status: string;
	mode: string;
	finished: boolean;
	startedAt: string;
	stoppedAt: string | null;
	data?: {
		resultData?: {
			runData?: Record<string, NodeRunData[]>;
			error?: { message?: string; [key: string]: unknown };
			lastNodeExecuted?: string;
		};
		[key: string]: unknown;
	};
	[key: string]: unknown;
}

export interface N8nInstance {
	/** e.g. http://127.0.0.1:41234 (no trailing slash) */
	url: string;
	port: number;
	brokerPort: number;
	userFolder: string;
	logFile: string;
	apiKey: string;
	/** The account the instance was set up with (log in to the editor with it). */
	owner: OwnerAccount;
	/** The runtime line and n8n's exact version. */
	line: RuntimeLine;
	n8nVersion: string;
	timings: PhaseTimings;
	/** Public API (/api/v1...) with X-N8N-API-KEY; never throws on HTTP status. */
	publicApi<T = unknown>(method: Method, apiPath: string, body?: unknown): Promise<AxiosResponse<T>>;
	/** Internal REST API (/rest...) as the logged-in owner; never throws on HTTP status. */
	rest<T = unknown>(method: Method, restPath: string, body?: unknown): Promise<AxiosResponse<T>>;
	createCredential(name: string, type: string, data: Record<string, unknown>): Promise<Credential>;
	createWorkflow(workflow: WorkflowInput): Promise<Workflow>;
	activate(id: string): Promise<Workflow>;
	deactivate(id: string): Promise<Workflow>;
	/** Executions of a workflow with their data, newest first. */
	executions(workflowId: string): Promise<Execution[]>;
	/** One execution with its data. */
	execution(executionId: string | number): Promise<Execution>;
	/**
	 * Waits until the workflow has at least `count` executions, all finished (none `new`,
	 * `running` or `waiting`), and returns them, newest first.
	 */
	waitForExecutions(workflowId: string, count: number, timeoutMs?: number): Promise<Execution[]>;
	getWorkflow(id: string): Promise<Workflow>;
	/** Saves a new version (PUT); n8n re-publishes a published workflow with it. */
	updateWorkflow(id: string, workflow: WorkflowInput): Promise<Workflow>;
	/** Workflows whose name is exactly `name`. */
	findWorkflows(name: string): Promise<Workflow[]>;
	/** All credentials (no secrets). */
	listCredentials(): Promise<Credential[]>;
	/** Replaces a credential's data (and name, when given). */
	updateCredential(id: string, update: { name?: string; type: string; data: Record<string, unknown> }): Promise<Credential>;
	/** Where the publication of a workflow stands (REST, as the editor polls it). */
	publicationStatus(id: string): Promise<PublicationStatus>;
	/** Waits until the workflow's publication is no longer `in_progress` and returns its status. */
	waitForPublication(id: string, timeoutMs?: number): Promise<PublicationStatus>;
	/**
	 * The editor's "Execute workflow" from the trigger `triggerName`: a manual trigger runs at once
	 * ({executionId}); a webhook trigger starts listening on its test URL ({waitingForWebhook}).
	 */
	runManually(workflowId: string, triggerName: string): Promise<ManualRunResult>;
	/**
	 * The credential "Test" button: tests the stored credential, with the fields in `data`
	 * changed as if typed into the form first.
	 */
	testCredential(credential: Credential, data?: Record<string, unknown>): Promise<CredentialTestResult>;
	/**
	 * What the editor asks a node for while a field is open, as the logged-in owner: a list's
	 * options from a loadOptions method (`options`), or a picker's search results from a
	 * listSearch method (`resourceLocator`). Served under the same paths by 1.x and 2.x.
	 */
	parameterChoices<T>(kind: 'options' | 'resourceLocator', request: ParameterChoicesRequest): Promise<T>;
	/** Names of all node types this instance has loaded (e.g. n8n-nodes-simplymeet-airmeet.simplyMeetTrigger). */
	nodeTypeNames(): Promise<string[]>;
	/** Production webhook URL: <base>/webhook/<webhookId>/<path>, or <base>/webhook/<path> without webhookId. */
	webhookUrl(webhookId: string | undefined, webhookPath: string): string;
	/** Test (editor) webhook URL, same shape under /webhook-test/. */
	testWebhookUrl(webhookId: string | undefined, webhookPath: string): string;
	waitFor: typeof waitFor;
	/**
	 * Waits until n8n has registered a webhook URL (activation returns before that). Probes with a
	 * CORS preflight, which n8n answers 204 for a registered path and 404 otherwise, and which
	 * never starts an execution.
	 */
	waitForWebhook(webhookUrl: string, method?: string, timeoutMs?: number): Promise<void>;
	/** Settles when the n8n process exits (by stop() or on its own). */
	exited: Promise<ExitInfo>;
	/** The last lines of n8n's log, for failure messages. */
	logTail(lines?: number): string;
	/** Stops the process group and deletes a temporary user folder (kept when N8N_E2E_KEEP=1). */
	stop(): Promise<void>;
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function describeError(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * Polls `predicate` until it returns a truthy value (which is returned) or `timeoutMs` passes.
 * Errors thrown by the predicate count as "not yet"; the last one is reported on timeout.
 */
export async function waitFor<T>(
	predicate: () => T | null | undefined | false | Promise<T | null | undefined | false>,
	timeoutMs = 10_000,
	intervalMs = 200,
	what = 'condition',
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await predicate();
			if (value) return value;
		} catch (error) {
			lastError = error;
		}
		if (Date.now() >= deadline) {
			throw new Error(
				`timed out after ${timeoutMs} ms waiting for ${what}` +
					(lastError === undefined ? '' : ` (last error: ${describeError(lastError)})`),
			);
		}
		await sleep(intervalMs);
	}
}

function expectOk<T>(response: AxiosResponse<T>, what: string): T {
	if (response.status < 200 || response.status >= 300) {
		throw new Error(`${what}: HTTP ${response.status} ${JSON.stringify(response.data)}`);
	}
	return response.data;
}

/** Unwraps the internal REST API's { data: ... } envelope. */
function restData<T>(response: AxiosResponse<{ data: T }>, what: string): T {
	return expectOk(response, what).data;
}

function tailOf(file: string, lines: number): string {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

/**
 * POST /rest/login. n8n 2.x names the login field emailOrLdapLoginId; older n8n answers that
 * with 400 and takes `email`.
 */
async function logIn(restClient: AxiosInstance, owner: OwnerAccount): Promise<AxiosResponse> {
	const current = await restClient.post('/login', { emailOrLdapLoginId: owner.email, password: owner.password });
	if (current.status !== 400) return current;
	return await restClient.post('/login', { email: owner.email, password: owner.password });
}

export interface StartOptions {
	/** Extra environment for n8n. */
	env?: Record<string, string>;
	/** Load this package (default true). */
	linkPackage?: boolean;
	/** The package folder to load (default: the repo root, whose dist/ must be built). */
	packageDir?: string;
	/**
	 * 'copy' (default): package.json + dist/ copied as n8n's own install does; the code uses n8n's
	 * n8n-workflow, as users get it (so error classes such as NodeApiError are n8n's own).
	 * 'symlink': the repo is linked, its code uses the repo's node_modules/n8n-workflow.
	 */
	packageMode?: 'symlink' | 'copy';
	/** Readiness timeout (default 180 s). */
	readyTimeoutMs?: number;
	log?: (message: string) => void;
	/**
	 * A persistent user folder (default: a fresh temporary one). It is kept on stop(), and an
	 * owner set up by an earlier run is logged in instead of set up.
	 */
	userFolder?: string;
	/** HTTP port (default: a free one). */
	port?: number;
	/** The owner account (default OWNER). */
	owner?: OwnerAccount;
	/** Label of the API key; keys with this label left by earlier runs are deleted first (default 'e2e'). */
	apiKeyLabel?: string;
	/** N8N_ENCRYPTION_KEY (default a test-only key); must stay the same for a persistent folder. */
	encryptionKey?: string;
	/** The n8n line (default: N8N_RUNTIME_LINE, else 2.x). */
	line?: RuntimeLine;
}

export async function startFreshN8n(options: StartOptions = {}): Promise<N8nInstance> {
	const log = options.log ?? ((message: string): void => void process.stderr.write(`[n8n-e2e] ${message}\n`));

	const installStarted = Date.now();
	const runtime = await ensureRuntime({ log, line: options.line });
	const n8nVersion = (JSON.parse(fs.readFileSync(path.join(runtime.n8nDir, 'package.json'), 'utf8')) as { version: string }).version;
	const installMs = Date.now() - installStarted;

	const persistent = options.userFolder !== undefined;
	const userFolder = options.userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-'));
	fs.mkdirSync(userFolder, { recursive: true });
	const logFile = path.join(userFolder, 'n8n.log');
	if (options.linkPackage !== false) {
		const packageDir = options.packageDir ?? runtimePaths().root;
		if (!fs.existsSync(path.join(packageDir, 'dist'))) {
			throw new Error(`${packageDir}/dist is missing: run \`npm run build\` before the end-to-end tests`);
		}
		linkPackage(userFolder, packageDir, { mode: options.packageMode ?? 'copy' });
	}
	const ownerAccount: OwnerAccount = { ...(options.owner ?? OWNER) };
	const apiKeyLabel = options.apiKeyLabel ?? 'e2e';

	const spawnedAt = Date.now();
	let n8n: N8nProcess | undefined;
	// n8n runs in its own process group: if this process ends without stop() (a crash, a killed
	// test run), the group would live on. Kill it on the way out.
	const killOnExit = (): void => {
		try {
			if (n8n) process.kill(-n8n.pid, 'SIGKILL');
		} catch {
			// already gone
		}
	};
	process.once('exit', killOnExit);
	const cleanup = async (): Promise<void> => {
		process.off('exit', killOnExit);
		if (n8n) await n8n.stop();
		if (!persistent && process.env.N8N_E2E_KEEP !== '1') fs.rmSync(userFolder, { recursive: true, force: true });
	};

	try {
		n8n = await startN8n({
			userFolder,
			logFile,
			port: options.port,
			line: runtime.line,
			env: {
				N8N_ENCRYPTION_KEY: options.encryptionKey ?? ENCRYPTION_KEY,
				N8N_LOG_LEVEL: 'info',
				...options.env,
			},
		});
		const proc = n8n;
		const url = proc.url;

		const timeoutMs = options.readyTimeoutMs ?? 180_000;
		let startMs = 0;
		while (startMs === 0) {
			const exit = proc.exitDescription();
			if (exit) throw new Error(exit);
			if (Date.now() - spawnedAt > timeoutMs) {
				throw new Error(`n8n at ${url} did not answer /healthz within ${timeoutMs} ms:\n${tailOf(logFile, 30)}`);
			}
			const status = await axios
				.get(`${url}/healthz`, { validateStatus: () => true, timeout: 2000 })
				.then((r) => r.status)
				.catch(() => 0);
			if (status === 200) startMs = Date.now() - spawnedAt;
			else await sleep(200);
		}
		await proc.waitReady(timeoutMs);
		const readyMs = Date.now() - spawnedAt;

		const setupStarted = Date.now();
		const restClient: AxiosInstance = axios.create({
			baseURL: `${url}/rest`,
			validateStatus: () => true,
			headers: { 'browser-id': BROWSER_ID },
			timeout: 30_000,
		});
		// A persistent folder has its owner from an earlier run: only a fresh instance is set up.
		// n8n 1.x reports ready before its REST routes are mounted: wait for the settings route.
		const settingsAnswer = await waitFor(
			async () => {
				const answer = await restClient.get<{ data: { userManagement?: { showSetupOnFirstLoad?: boolean } } }>('/settings');
				return answer.status === 404 ? undefined : answer;
			},
			30_000,
			200,
			'GET /rest/settings to be served',
		);
		const settings = restData(settingsAnswer, 'GET /rest/settings');
		if (!persistent || settings.userManagement?.showSetupOnFirstLoad !== false) {
			restData(await restClient.post('/owner/setup', ownerAccount), 'POST /rest/owner/setup');
		}
		const login = await logIn(restClient, ownerAccount);
		if (login.status === 401 && persistent) {
			throw new Error(
				`n8n in ${userFolder} does not accept the login ${ownerAccount.email}: was the owner changed in the editor? ` +
					'Delete that folder to start over.',
			);
		}
		restData(login, 'POST /rest/login');
		const cookie = (login.headers['set-cookie'] ?? [])
			.map((c: string) => c.split(';')[0])
			.find((c: string) => c.startsWith('n8n-auth='));
		if (!cookie) throw new Error('POST /rest/login set no n8n-auth cookie');
		restClient.defaults.headers.common.Cookie = cookie;

		const scopes = restData<string[]>(await restClient.get('/api-keys/scopes'), 'GET /rest/api-keys/scopes');
		// Keys left by earlier runs on a persistent folder: one key per label, not one per run.
		// 2.41.1 answers {items, counts, totals}; older 2.x a plain list.
		const listed = restData<Array<{ id: string; label: string }> | { items?: Array<{ id: string; label: string }> }>(
			await restClient.get('/api-keys'),
			'GET /rest/api-keys',
		);
		const existingKeys = Array.isArray(listed) ? listed : (listed.items ?? []);
		for (const key of existingKeys.filter((candidate) => candidate.label === apiKeyLabel)) {
			restData(await restClient.delete(`/api-keys/${key.id}`), `DELETE /rest/api-keys/${key.id}`);
		}
		const created = restData<{ rawApiKey: string }>(
			await restClient.post('/api-keys', { label: apiKeyLabel, scopes, expiresAt: null }),
			'POST /rest/api-keys',
		);
		const apiKey = created.rawApiKey;
		const setupMs = Date.now() - setupStarted;

		const timings: PhaseTimings = { installMs, installed: runtime.installed, startMs, readyMs, setupMs };
		phaseTimings.push(timings);

		const publicClient: AxiosInstance = axios.create({
			baseURL: `${url}/api/v1`,
			validateStatus: () => true,
			headers: { 'X-N8N-API-KEY': apiKey, 'Content-Type': 'application/json' },
			timeout: 30_000,
		});

		const publicApi = <T = unknown>(method: Method, apiPath: string, body?: unknown): Promise<AxiosResponse<T>> =>
			publicClient.request<T>({ method, url: apiPath, data: body });
		const rest = <T = unknown>(method: Method, restPath: string, body?: unknown): Promise<AxiosResponse<T>> =>
			restClient.request<T>({ method, url: restPath, data: body });
		const hookUrl = (prefix: string, webhookId: string | undefined, webhookPath: string): string =>
			`${url}/${prefix}/${webhookId ? `${webhookId}/` : ''}${webhookPath.replace(/^\/+/, '')}`;

		const executionsOf = async (workflowId: string): Promise<Execution[]> => {
			const all: Execution[] = [];
			let cursor: string | undefined;
			do {
				const query = new URLSearchParams({ workflowId, includeData: 'true', limit: '100' });
				if (cursor) query.set('cursor', cursor);
				const page = expectOk(
					await publicApi<{ data: Execution[]; nextCursor?: string | null }>('GET', `/executions?${query}`),
					'GET /api/v1/executions',
				);
				all.push(...page.data);
				cursor = page.nextCursor ?? undefined;
			} while (cursor);
			return all;
		};
		const publicationStatus = async (id: string): Promise<PublicationStatus> =>
			restData<PublicationStatus>(
				await rest<{ data: PublicationStatus }>('GET', `/workflows/${id}/publication-status`),
				`GET /rest/workflows/${id}/publication-status`,
			);

		const instance: N8nInstance = {
			url,
			port: proc.port,
			brokerPort: proc.brokerPort,
			userFolder,
			logFile,
			apiKey,
			owner: ownerAccount,
			line: runtime.line,
			n8nVersion,
			timings,
			publicApi,
			rest,
			async createCredential(name, type, data) {
				const viaPublicApi = await publicApi<Credential | { message?: string }>('POST', '/credentials', { name, type, data });
				// n8n 1.x's public API demands fields n8n adds to every credential (e.g. allowedDomains)
				// that no caller can know; the editor's REST call takes the credential as typed.
				if (viaPublicApi.status === 400 && /requires property/.test(String((viaPublicApi.data as { message?: string }).message))) {
					return restData<Credential>(
						await rest<{ data: Credential }>('POST', '/credentials', { name, type, data }),
						`POST /rest/credentials (${type})`,
					);
				}
				return expectOk(viaPublicApi as AxiosResponse<Credential>, `POST /api/v1/credentials (${type})`);
			},
			async createWorkflow(workflow) {
				// The public API rejects read-only fields (id, active, tags, ...): send only these.
				const body = {
					name: workflow.name,
					nodes: workflow.nodes,
					connections: workflow.connections,
					settings: workflow.settings ?? { executionOrder: 'v1' },
					...(workflow.staticData ? { staticData: workflow.staticData } : {}),
				};
				return expectOk(await publicApi<Workflow>('POST', '/workflows', body), 'POST /api/v1/workflows');
			},
			async activate(id) {
				return expectOk(await publicApi<Workflow>('POST', `/workflows/${id}/activate`, {}), `activate workflow ${id}`);
			},
			async deactivate(id) {
				return expectOk(await publicApi<Workflow>('POST', `/workflows/${id}/deactivate`, {}), `deactivate workflow ${id}`);
			},
			executions: executionsOf,
			async execution(executionId) {
				return expectOk(
					await publicApi<Execution>('GET', `/executions/${executionId}?includeData=true`),
					`GET /api/v1/executions/${executionId}`,
				);
			},
			async waitForExecutions(workflowId, count, timeoutMs = 15_000) {
				return await waitFor(
					async () => {
						const all = await executionsOf(workflowId);
						const done = all.every((execution) => !['new', 'running', 'waiting'].includes(execution.status));
						return all.length >= count && done ? all : undefined;
					},
					timeoutMs,
					200,
					`${count} finished execution(s) of workflow ${workflowId}`,
				);
			},
			async getWorkflow(id) {
				return expectOk(await publicApi<Workflow>('GET', `/workflows/${id}`), `GET /api/v1/workflows/${id}`);
			},
			async updateWorkflow(id, workflow) {
				const body = {
					name: workflow.name,
					nodes: workflow.nodes,
					connections: workflow.connections,
					settings: workflow.settings ?? { executionOrder: 'v1' },
				};
				return expectOk(await publicApi<Workflow>('PUT', `/workflows/${id}`, body), `PUT /api/v1/workflows/${id}`);
			},
			async findWorkflows(name) {
				const page = expectOk(
					await publicApi<{ data: Workflow[] }>('GET', `/workflows?${new URLSearchParams({ name, limit: '250' })}`),
					'GET /api/v1/workflows',
				);
				// The name filter may match more loosely than "equals": keep exact names only.
				return page.data.filter((workflow) => workflow.name === name);
			},
			async listCredentials() {
				const all: Credential[] = [];
				let cursor: string | undefined;
				do {
					const query = new URLSearchParams({ limit: '250' });
					if (cursor) query.set('cursor', cursor);
					const page = expectOk(
						await publicApi<{ data: Credential[]; nextCursor?: string | null }>('GET', `/credentials?${query}`),
						'GET /api/v1/credentials',
					);
					all.push(...page.data);
					cursor = page.nextCursor ?? undefined;
				} while (cursor);
				return all;
			},
			async updateCredential(id, update) {
				return expectOk(
					await publicApi<Credential>('PATCH', `/credentials/${id}`, update),
					`PATCH /api/v1/credentials/${id}`,
				);
			},
			publicationStatus,
			async waitForPublication(id, timeoutMs = 30_000) {
				return await waitFor(
					async () => {
						const status = await publicationStatus(id);
						return status.status === 'in_progress' ? undefined : status;
					},
					timeoutMs,
					200,
					`the publication of workflow ${id} to settle`,
				);
			},
			async runManually(workflowId, triggerName) {
				return restData<ManualRunResult>(
					await rest<{ data: ManualRunResult }>('POST', `/workflows/${workflowId}/run`, {
						triggerToStartFrom: { name: triggerName },
					}),
					`POST /rest/workflows/${workflowId}/run`,
				);
			},
			async testCredential(credential, data) {
				// As the editor does: it opens the credential (secrets come back redacted), lets the
				// user change fields, and sends the form; n8n puts the stored secrets back in place
				// of the redaction markers before testing.
				const stored = restData<{ data?: Record<string, unknown> }>(
					await rest<{ data: { data?: Record<string, unknown> } }>('GET', `/credentials/${credential.id}?includeData=true`),
					`GET /rest/credentials/${credential.id}`,
				);
				return restData<CredentialTestResult>(
					await rest<{ data: CredentialTestResult }>('POST', '/credentials/test', {
						credentials: {
							id: credential.id,
							name: credential.name,
							type: credential.type,
							data: { ...(stored.data ?? {}), ...(data ?? {}) },
						},
					}),
					`POST /rest/credentials/test (${credential.type})`,
				);
			},
			async parameterChoices<T>(kind: 'options' | 'resourceLocator', request: ParameterChoicesRequest) {
				const restPath = kind === 'options' ? '/dynamic-node-parameters/options' : '/dynamic-node-parameters/resource-locator-results';
				return restData<T>(
					await rest<{ data: T }>('POST', restPath, {
						nodeTypeAndVersion: { name: request.nodeType, version: request.version },
						path: request.path,
						methodName: request.methodName,
						currentNodeParameters: request.parameters,
						credentials: { [request.credential.type]: { id: request.credential.id, name: request.credential.name } },
						...(request.filter === undefined ? {} : { filter: request.filter }),
					}),
					`POST /rest${restPath} (${request.methodName})`,
				);
			},
			async nodeTypeNames() {
				// Served to logged-in users only.
				const response = await axios.get<Array<{ name: string }>>(`${url}/types/nodes.json`, {
					validateStatus: () => true,
					headers: { Cookie: cookie, 'browser-id': BROWSER_ID },
					timeout: 30_000,
				});
				return expectOk(response, 'GET /types/nodes.json').map((type) => type.name);
			},
			webhookUrl: (webhookId, webhookPath) => hookUrl('webhook', webhookId, webhookPath),
			testWebhookUrl: (webhookId, webhookPath) => hookUrl('webhook-test', webhookId, webhookPath),
			waitFor,
			async waitForWebhook(webhookUrl, method = 'POST', timeoutMs = 15_000) {
				await waitFor(
					async () => {
						const r = await axios.request({
							method: 'OPTIONS',
							url: webhookUrl,
							headers: { Origin: url, 'Access-Control-Request-Method': method },
							validateStatus: () => true,
							timeout: 5000,
						});
						return r.status >= 200 && r.status < 300;
					},
					timeoutMs,
					100,
					`webhook ${method} ${webhookUrl} to be registered`,
				);
			},
			exited: proc.exited,
			logTail: (lines = 40) => tailOf(logFile, lines),
			stop: cleanup,
		};
		return instance;
	} catch (error) {
		await cleanup();
		throw error;
	}
}
