/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error, @n8n/community-nodes/no-dangerous-functions -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * Runs our nodes inside n8n-core's own execution contexts (HookContext, ExecuteContext,
 * WebhookContext, LoadOptionsContext), so parameters, static data and
 * `helpers.httpRequestWithAuthentication` behave as in n8n: requests really go over HTTP to the
 * fake services. What n8n's CLI normally provides (stored credentials, applying a credential's
 * `authenticate` and `preAuthentication`, the webhook HTTP endpoint) is provided here the same way.
 */
import axios from 'axios';
import { randomUUID } from 'crypto';
import { createServer } from 'http';
import type { IncomingMessage, Server, ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { ExecuteContext, HookContext, LoadOptionsContext, WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IDataObject,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	INodeTypes,
	IRequestOptionsSimplified,
	IWebhookData,
	IWebhookDescription,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { ICredentialsHelper, Workflow, createRunExecutionData } from 'n8n-workflow';

interface StoredCredential {
	type: string;
	name: string;
	data: ICredentialDataDecryptedObject;
}

/** Resolves `={{$credentials.name}}` templates the way n8n resolves a generic `authenticate`. */
function resolveCredentialTemplate(value: unknown, credentials: ICredentialDataDecryptedObject): unknown {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	const template = value.slice(1);
	const whole = /^\{\{\s*\$credentials\.(\w+)\s*\}\}$/.exec(template);
	if (whole) return credentials[whole[1]];
	// A whole expression over $credentials (e.g. the Airmeet base URL by region): n8n evaluates it as JavaScript.
	const expression = /^\{\{([\s\S]*)\}\}$/.exec(template);
	if (expression) return new Function('$credentials', `return (${expression[1]});`)(credentials) as unknown;
	if (template.includes('{{')) {
		return template.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_, name: string) => String(credentials[name] ?? ''));
	}
	return template;
}

/** The value at a dotted path, as lodash's `get` (which n8n's credential tester uses) reads it. */
function valueAt(value: unknown, path: string): unknown {
	let current = value;
	for (const key of path.split('.')) {
		if (typeof current !== 'object' || current === null) return undefined;
		current = (current as Record<string, unknown>)[key];
	}
	return current;
}

/** A plain HTTP helper with n8n's option names, for preAuthentication and credential tests. */
export async function sendWithAxios(options: IHttpRequestOptions): Promise<IDataObject> {
	const response = await axios.request({
		method: options.method ?? 'GET',
		baseURL: options.baseURL,
		url: options.url,
		params: options.qs,
		headers: options.headers as Record<string, string> | undefined,
		data: options.body,
		timeout: options.timeout ?? 10_000,
		validateStatus: options.ignoreHttpStatusErrors ? () => true : undefined,
	});
	if (options.returnFullResponse) return { statusCode: response.status, body: response.data as IDataObject };
	return response.data as IDataObject;
}

/** Stores credentials and applies them to requests as n8n's CLI CredentialsHelper does. */
export class CredentialVault extends ICredentialsHelper {
	readonly credentials = new Map<string, StoredCredential>();

	/** How often each credential type's preAuthentication ran (Airmeet: one `/auth` each). */
	readonly preAuthenticationRuns = new Map<string, number>();

	constructor(private readonly types: Map<string, ICredentialType>) {
		super();
	}

	add(type: string, data: ICredentialDataDecryptedObject): INodeCredentialsDetails {
		const id = randomUUID();
		const name = `${type} ${this.credentials.size + 1}`;
		this.credentials.set(id, { type, name, data: { ...data } });
		return { id, name };
	}

	credentialType(name: string): ICredentialType {
		return this.type(name);
	}

	private type(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new Error(`unknown credential type ${name}`);
		return type;
	}

	withDefaults(type: string, data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
		const result: ICredentialDataDecryptedObject = {};
		for (const property of this.type(type).properties) {
			if (property.default !== undefined) result[property.name] = property.default as string;
		}
		return { ...result, ...data };
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> {
		const type = this.type(typeName);
		const options = { ...requestOptions } as IHttpRequestOptions;
		if (typeof type.authenticate === 'function') {
			return await type.authenticate(credentials, options);
		}
		if (type.authenticate?.type !== 'generic') return options;
		const properties = type.authenticate.properties;
		for (const key of ['headers', 'qs', 'body'] as const) {
			const entries = properties[key];
			if (!entries) continue;
			const target: IDataObject = { ...((options[key] as IDataObject | undefined) ?? {}) };
			for (const [name, value] of Object.entries(entries)) {
				target[name] = resolveCredentialTemplate(value, credentials) as IDataObject[string];
			}
			options[key] = target;
		}
		return options;
	}

	/** Mirrors n8n: refresh the hidden expirable field when empty or expired, and save it. */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		const expirable = type.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && credentials[expirable.name] !== undefined && !credentialsExpired) {
			return undefined;
		}
		this.preAuthenticationRuns.set(typeName, (this.preAuthenticationRuns.get(typeName) ?? 0) + 1);
		const output = (await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
		if (output[expirable.name] === undefined) throw new Error('preAuthentication did not return the expirable field');
		const refreshed: ICredentialDataDecryptedObject = { ...credentials, ...output };
		const details = node.credentials?.[typeName];
		if (details) await this.updateCredentials(details, typeName, refreshed);
		return refreshed;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return (await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by these nodes');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = nodeCredentials.id ? this.credentials.get(nodeCredentials.id) : undefined;
		if (!stored || stored.type !== type) throw new Error(`no ${type} credential with id ${String(nodeCredentials.id)}`);
		return this.withDefaults(type, stored.data);
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = nodeCredentials.id ? this.credentials.get(nodeCredentials.id) : undefined;
		if (stored) stored.data = { ...data };
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.type(type).properties;
	}
}

/** What one delivery to a webhook URL did. */
export interface Delivery {
	status: number;
	body: string;
	/** The items the node emitted, when it started an execution. */
	items?: INodeExecutionData[];
}

/** A minimal express-like response over a real ServerResponse (what n8n passes to `webhook()`). */
function expressResponse(res: ServerResponse) {
	const response = Object.assign(res, {
		status(code: number) {
			res.statusCode = code;
			return response;
		},
		json(body: unknown) {
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify(body));
			return response;
		},
		send(body?: unknown) {
			res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body ?? ''));
			return response;
		},
	});
	return response;
}

export interface NodeSetup {
	parameters?: INodeParameters;
	credentials?: Record<string, INodeCredentialsDetails>;
	name?: string;
	/** n8n's "On Error" setting; 'continueRegularOutput' is "Continue On Fail". */
	onError?: INode['onError'];
	/** The node's version; 1 unless given (a saved workflow's node keeps the version it was added with). */
	typeVersion?: number;
}

/**
 * A small stand-in for the n8n instance: credential store, node types, and an HTTP endpoint on
 * 127.0.0.1 that serves `/webhook/...` and `/webhook-test/...` like n8n's webhook server.
 */
export class TestN8n {
	readonly vault: CredentialVault;

	private readonly nodeTypes: INodeTypes;

	private readonly registry = new Map<string, INodeType>();

	private server?: Server;

	private readonly listening = new Map<string, TriggerUnderTest>();

	constructor(nodes: INodeType[], credentialTypes: ICredentialType[]) {
		for (const node of nodes) this.registry.set(node.description.name, node);
		this.vault = new CredentialVault(new Map(credentialTypes.map((type) => [type.name, type])));
		const registry = this.registry;
		this.nodeTypes = {
			getByName: (name) => this.typeOf(name),
			getByNameAndVersion: (name) => this.typeOf(name),
			getKnownTypes: () => Object.fromEntries([...registry.keys()].map((name) => [name, {}])),
		};
	}

	private typeOf(name: string): INodeType {
		const type = this.registry.get(name);
		if (!type) throw new Error(`unknown node type ${name}`);
		return type;
	}

	/**
	 * The address n8n puts in webhook URLs (N8N_WEBHOOK_URL), when it is not the one it listens on:
	 * setting it emulates a restart with another address, which reaches the same server.
	 */
	webhookOrigin?: string;

	/** Where webhook URLs point: `webhookOrigin`, else the address the server listens on. */
	get webhookBaseUrl(): string {
		return this.webhookOrigin ?? this.baseUrl;
	}

	get baseUrl(): string {
		const address = this.server?.address() as AddressInfo | undefined;
		if (!address) throw new Error('TestN8n is not started');
		return `http://127.0.0.1:${address.port}`;
	}

	async start(): Promise<void> {
		this.server = createServer((req, res) => {
			void this.serveWebhook(req, res);
		});
		await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	/**
	 * false: behave like n8n 1.x, whose `httpRequestWithAuthentication` knows neither
	 * `preAuthenticationRetryStatusCode` nor `ignoreHttpStatusErrors: {ignore, except}`: it
	 * re-runs preAuthentication only after a thrown 401 and returns every other status.
	 */
	refreshesOnStatus = true;

	/** Applies the n8n line being emulated to a context's helpers. */
	adapt<Context extends { helpers: object }>(context: Context): Context {
		if (this.refreshesOnStatus) return context;
		const helpers = context.helpers as { httpRequestWithAuthentication?: (...args: unknown[]) => Promise<unknown> };
		const original = helpers.httpRequestWithAuthentication;
		if (!original) return context;
		helpers.httpRequestWithAuthentication = async function (this: unknown, type, options, credentialOptions) {
			const request = { ...(options as IHttpRequestOptions) };
			if (typeof request.ignoreHttpStatusErrors === 'object') request.ignoreHttpStatusErrors = true;
			const legacyOptions = { ...((credentialOptions ?? {}) as IDataObject) };
			delete legacyOptions.preAuthenticationRetryStatusCode;
			return await original.call(this, type, request, legacyOptions);
		};
		return context;
	}

	additionalData(extra: Partial<IWorkflowExecuteAdditionalData> = {}): IWorkflowExecuteAdditionalData {
		const base = this.server ? this.baseUrl : 'http://127.0.0.1:1';
		const webhookBase = this.server ? this.webhookBaseUrl : base;
		const data: Partial<IWorkflowExecuteAdditionalData> = {
			credentialsHelper: this.vault,
			restApiUrl: `${base}/rest`,
			instanceBaseUrl: base,
			formBaseUrl: `${base}/form`,
			formWaitingBaseUrl: `${base}/form-waiting`,
			formTestBaseUrl: `${base}/form-test`,
			webhookBaseUrl: `${webhookBase}/webhook`,
			webhookWaitingBaseUrl: `${webhookBase}/webhook-waiting`,
			webhookTestBaseUrl: `${webhookBase}/webhook-test`,
			mcpBaseUrl: `${base}/mcp`,
			mcpTestBaseUrl: `${base}/mcp-test`,
			variables: {},
			currentNodeExecutionIndex: 0,
			logAiEvent: () => undefined,
			...extra,
		};
		return data as IWorkflowExecuteAdditionalData;
	}

	workflow(node: INode, staticData: IDataObject = {}): Workflow {
		return new Workflow({
			id: 'wf-under-test',
			name: 'Workflow under test',
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: this.nodeTypes,
			staticData,
		});
	}

	node(type: string, setup: NodeSetup): INode {
		return {
			id: randomUUID(),
			name: setup.name ?? type,
			type,
			typeVersion: setup.typeVersion ?? 1,
			position: [0, 0],
			parameters: setup.parameters ?? {},
			credentials: setup.credentials,
			webhookId: randomUUID(),
			onError: setup.onError,
		};
	}

	trigger(type: string, setup: NodeSetup): TriggerUnderTest {
		return new TriggerUnderTest(this, this.typeOf(type), this.node(type, setup));
	}

	/** Runs an action node's `execute()` over the given input items. */
	async execute(type: string, setup: NodeSetup, input: IDataObject[] = [{}]): Promise<INodeExecutionData[][]> {
		const nodeType = this.typeOf(type);
		const node = this.node(type, setup);
		const workflow = this.workflow(node);
		const items: INodeExecutionData[] = input.map((json) => ({ json }));
		const executeData: IExecuteData = { node, data: { main: [items] }, source: null };
		const context = new ExecuteContext(
			workflow,
			node,
			this.additionalData(),
			'manual',
			createRunExecutionData(),
			0,
			items,
			{ main: [items] },
			executeData,
			[],
		);
		if (!nodeType.execute) throw new Error(`${type} has no execute()`);
		return (await nodeType.execute.call(this.adapt(context))) as INodeExecutionData[][];
	}

	/**
	 * The credential modal's Test button, as n8n's credentials tester runs a declarative test:
	 * preAuthentication first (forced, as when testing), then the test request with the
	 * credential applied; a matching `responseCode` rule or any non-2xx status is a failure.
	 */
	async testCredential(typeName: string, data: ICredentialDataDecryptedObject): Promise<{ status: 'OK' | 'Error'; message: string }> {
		const type = this.vault.credentialType(typeName);
		if (!type.test) throw new Error(`${typeName} has no test`);
		let credentials = this.vault.withDefaults(typeName, data);
		try {
			const refreshed = await this.vault.runPreAuthentication({ helpers: { httpRequest: sendWithAxios } }, credentials, typeName);
			if (refreshed) credentials = { ...credentials, ...refreshed };
		} catch (error) {
			return { status: 'Error', message: (error as Error).message };
		}
		const request = type.test.request;
		const resolveAll = (values: IDataObject | undefined) =>
			values &&
			(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, resolveCredentialTemplate(v, credentials)])) as IDataObject);
		const options = await this.vault.authenticate(credentials, typeName, {
			method: request.method ?? 'GET',
			baseURL: String(resolveCredentialTemplate(request.baseURL, credentials) ?? ''),
			url: String(resolveCredentialTemplate(request.url, credentials) ?? ''),
			qs: resolveAll(request.qs),
			headers: resolveAll(request.headers),
			body: resolveAll(request.body as IDataObject | undefined),
			json: true,
		});
		let status: number;
		let body: unknown;
		try {
			const response = await sendWithAxios({ ...options, returnFullResponse: true, ignoreHttpStatusErrors: true });
			status = Number(response.statusCode);
			body = response.body;
		} catch (error) {
			return { status: 'Error', message: (error as Error).message };
		}
		const failed = status < 200 || status > 299;
		for (const rule of type.test.rules ?? []) {
			if (failed && rule.type === 'responseCode' && rule.properties.value === status) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
		if (failed) return { status: 'Error', message: `Received HTTP status code: ${status}` };
		// As n8n's tester: a body rule fails a 2xx whose `key` (a dotted path) holds `value`.
		for (const rule of type.test.rules ?? []) {
			if (rule.type === 'responseSuccessBody' && valueAt(body, rule.properties.key) === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
		return { status: 'OK', message: 'Connection tested successfully' };
	}

	/**
	 * A LoadOptionsContext as the editor's requests for a picker's entries get one. The editor
	 * sends the node's current parameters along, so a picker can read another field (e.g. the
	 * chosen event when listing its sessions) through getCurrentNodeParameter.
	 */
	private pickerContext(type: string, setup: NodeSetup): { methods: INodeType['methods']; context: LoadOptionsContext } {
		const nodeType = this.typeOf(type);
		const node = this.node(type, setup);
		const additionalData = this.additionalData({ currentNodeParameters: node.parameters });
		return { methods: nodeType.methods, context: new LoadOptionsContext(this.workflow(node), node, additionalData, '') };
	}

	/** Calls a searchable list method, as the editor does for a resource locator. */
	async listSearch(
		type: string,
		setup: NodeSetup,
		method: string,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const { methods, context } = this.pickerContext(type, setup);
		const search = methods?.listSearch?.[method];
		if (!search) throw new Error(`${type} has no list search ${method}`);
		return await search.call(this.adapt(context), filter, paginationToken);
	}

	/** Calls a load-options method, as the editor does to fill an options field. */
	async loadOptions(type: string, setup: NodeSetup, method: string): Promise<INodePropertyOptions[]> {
		const { methods, context } = this.pickerContext(type, setup);
		const load = methods?.loadOptions?.[method];
		if (!load) throw new Error(`${type} has no load-options method ${method}`);
		return await load.call(this.adapt(context));
	}

	register(path: string, trigger: TriggerUnderTest): void {
		this.listening.set(path, trigger);
	}

	unregister(path: string): void {
		this.listening.delete(path);
	}

	isRegistered(path: string): boolean {
		return this.listening.has(path);
	}

	private async serveWebhook(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const url = new URL(req.url ?? '/', this.baseUrl);
		const trigger = this.listening.get(url.pathname);
		if (!trigger) {
			res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"not registered"}');
			return;
		}
		let body: unknown = {};
		try {
			body = rawBody.length ? JSON.parse(rawBody.toString('utf8')) : {};
		} catch {
			body = {};
		}
		const request = Object.assign(req, {
			rawBody,
			body,
			query: Object.fromEntries(url.searchParams),
			params: {},
		});
		await trigger.receive(url.pathname.startsWith('/webhook-test/'), request, expressResponse(res));
	}
}

type HookMethod = 'checkExists' | 'create' | 'delete';

/**
 * A trigger node inside a workflow. Its static data survives "restarts" the way n8n keeps it in
 * the database: as a JSON copy.
 */
export class TriggerUnderTest {
	/** Items of every execution this trigger started, in order. */
	readonly executions: INodeExecutionData[][] = [];

	private staticData: IDataObject = {};

	private workflow: Workflow;

	constructor(
		private readonly n8n: TestN8n,
		private readonly type: INodeType,
		readonly node: INode,
	) {
		this.workflow = n8n.workflow(node, this.staticData);
	}

	get productionUrl(): string {
		return `${this.n8n.webhookBaseUrl}/webhook/${this.node.webhookId}/${this.webhookDescription.path}`;
	}

	get testUrl(): string {
		return `${this.n8n.webhookBaseUrl}/webhook-test/${this.node.webhookId}/${this.webhookDescription.path}`;
	}

	/** The static data n8n would have saved for this node. */
	get savedStaticData(): IDataObject {
		return JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject;
	}

	/**
	 * Whether anything changed the static data since n8n last saved it: n8n saves a webhook
	 * request's static data after the request exactly when this is true.
	 */
	get staticDataChanged(): boolean {
		return (this.workflow.staticData as IDataObject & { __dataChanged?: boolean }).__dataChanged === true;
	}

	/** What n8n does after saving the static data. */
	markStaticDataSaved(): void {
		(this.workflow.staticData as IDataObject & { __dataChanged?: boolean }).__dataChanged = false;
	}

	/** This node's part of the saved static data (n8n keys it by node name). */
	get nodeStaticData(): IDataObject {
		return (this.savedStaticData[`node:${this.node.name}`] as IDataObject | undefined) ?? {};
	}

	private get webhookDescription(): IWebhookDescription {
		const description = this.type.description.webhooks?.[0];
		if (!description) throw new Error('node has no webhook');
		return description;
	}

	setParameters(parameters: INodeParameters): void {
		this.node.parameters = parameters;
	}

	/** n8n lost this node's static data (a crash before it was saved, a copied workflow). */
	forgetStaticData(): void {
		this.staticData = {};
		this.workflow = this.n8n.workflow(this.node, this.staticData);
	}

	/**
	 * A copy of another workflow that carries its saved static data (the public API accepts
	 * `staticData` on create); this node keeps its own webhook id, so its own path.
	 */
	carryStaticDataOf(original: TriggerUnderTest): void {
		this.staticData = original.savedStaticData;
		this.workflow = this.n8n.workflow(this.node, this.staticData);
	}

	/** A restart of n8n: a new Workflow object with the static data read back from storage. */
	restart(): void {
		this.staticData = this.savedStaticData;
		this.workflow = this.n8n.workflow(this.node, this.staticData);
	}

	private webhookData(isTest: boolean): IWebhookData {
		return {
			httpMethod: 'POST',
			node: this.node.name,
			path: String(this.webhookDescription.path),
			webhookDescription: this.webhookDescription,
			workflowId: this.workflow.id,
			workflowExecuteAdditionalData: this.n8n.additionalData(),
			webhookId: this.node.webhookId,
			isTest,
		};
	}

	async run(method: HookMethod, isTest = false): Promise<boolean> {
		const hooks = this.type.webhookMethods?.default;
		const fn = hooks?.[method];
		if (!fn) throw new Error(`node has no webhook method ${method}`);
		const context = new HookContext(
			this.workflow,
			this.node,
			this.n8n.additionalData(),
			isTest ? 'manual' : 'trigger',
			isTest ? 'manual' : 'activate',
			this.webhookData(isTest),
		);
		return await fn.call(this.n8n.adapt(context));
	}

	/**
	 * Publishing, as n8n does it: checkExists, then create when needed. When that fails, n8n
	 * removes what may have been registered (delete) and reports the activation error.
	 */
	async publish(): Promise<void> {
		await this.activateWebhook(false);
	}

	async unpublish(): Promise<void> {
		this.n8n.unregister(new URL(this.productionUrl).pathname);
		await this.run('delete');
	}

	/** "Listen for test event": the same lifecycle on the test URL. */
	async listenForTestEvent(): Promise<void> {
		await this.activateWebhook(true);
	}

	async stopListening(): Promise<void> {
		this.n8n.unregister(new URL(this.testUrl).pathname);
		await this.run('delete', true);
	}

	/**
	 * As n8n 2.41's active-workflow manager does it: the URL is routed to the node before
	 * checkExists/create run; when they fail, n8n calls delete() and removes its record (the route)
	 * only if delete() returned, so a delete() that throws leaves the URL routed.
	 */
	private async activateWebhook(isTest: boolean): Promise<void> {
		const path = new URL(isTest ? this.testUrl : this.productionUrl).pathname;
		this.n8n.register(path, this);
		try {
			if (!(await this.run('checkExists', isTest))) await this.run('create', isTest);
		} catch (error) {
			try {
				await this.run('delete', isTest);
				this.n8n.unregister(path);
			} catch {
				// n8n logs this and keeps its record of the webhook.
			}
			throw error;
		}
	}

	/** Whether n8n would still route deliveries for this URL to the node. */
	isRouted(isTest = false): boolean {
		return this.n8n.isRegistered(new URL(isTest ? this.testUrl : this.productionUrl).pathname);
	}

	async receive(isTest: boolean, request: IncomingMessage, response: ServerResponse): Promise<void> {
		if (!this.type.webhook) throw new Error('node has no webhook()');
		const additionalData = this.n8n.additionalData({
			httpRequest: request as unknown as IWorkflowExecuteAdditionalData['httpRequest'],
			httpResponse: response as unknown as IWorkflowExecuteAdditionalData['httpResponse'],
		});
		const context = new WebhookContext(this.workflow, this.node, additionalData, isTest ? 'manual' : 'webhook', this.webhookData(isTest), [], null);
		try {
			const result = await this.type.webhook.call(context);
			if (result.noWebhookResponse) return;
			const items = result.workflowData?.[0] ?? [];
			this.executions.push(items);
			response.writeHead(200, { 'content-type': 'application/json' }).end('{"message":"Workflow was started"}');
		} catch (error) {
			response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: (error as Error).message }));
		}
	}
}
