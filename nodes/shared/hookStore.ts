import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

/**
 * The hooks a trigger node registered, kept in the node's static data and keyed by the webhook URL
 * they deliver to. n8n gives one node a production URL and, for "Listen for test event", a test
 * URL; keying by URL keeps a test run from overwriting the published hook's id or secret.
 */
export interface StoredHook extends IDataObject {
	/** Registered for n8n's test URL ("Listen for test event"), not for the published workflow. */
	test?: boolean;
}

export interface HookStore<Hook extends StoredHook> {
	get(url: string): Hook | undefined;
	set(url: string, hook: Hook): void;
	remove(url: string): void;
}

function isRecord(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The stored hooks, read without creating anything: a read must never count as a change. */
function storedHooks(staticData: IDataObject): Record<string, IDataObject> {
	return isRecord(staticData.hooks) ? (staticData.hooks as Record<string, IDataObject>) : {};
}

/**
 * Read and write access for the lifecycle methods (checkExists, create, delete). Only hook
 * contexts get it: the delivery path reads through `servedHook` and has no way to write.
 */
export function hookStore<Hook extends StoredHook>(ctx: IHookFunctions): HookStore<Hook> {
	const staticData = ctx.getWorkflowStaticData('node');
	const test = ctx.getMode() === 'manual';
	return {
		get: (url) => {
			const hook = storedHooks(staticData)[url];
			return isRecord(hook) ? (hook as Hook) : undefined;
		},
		set: (url, hook) => {
			if (!isRecord(staticData.hooks)) staticData.hooks = {};
			(staticData.hooks as IDataObject)[url] = test ? { ...hook, test: true } : hook;
		},
		remove: (url) => {
			const hooks = storedHooks(staticData);
			if (!(url in hooks)) return;
			delete hooks[url];
			if (Object.keys(hooks).length === 0) delete staticData.hooks;
		},
	};
}

/**
 * The hook registered for the URL n8n is serving this request on, or undefined when this node
 * holds none for it. n8n runs test deliveries in "manual" mode with the test registration's own
 * static data, and in that context reports only the production URL, so a test delivery is
 * matched by the flag `create` stored with the test hook. Reads only: n8n saves a webhook
 * request's static data after the request when it changed, over what a concurrent publish stored.
 */
export function servedHook<Hook extends StoredHook>(ctx: IWebhookFunctions): Hook | undefined {
	const hooks = storedHooks(ctx.getWorkflowStaticData('node'));
	if (ctx.getMode() === 'manual') {
		const testHook = Object.values(hooks).find((hook) => isRecord(hook) && hook.test === true);
		return testHook as Hook | undefined;
	}
	const url = ctx.getNodeWebhookUrl('default');
	const hook = url === undefined ? undefined : hooks[url];
	return isRecord(hook) && hook.test !== true ? (hook as Hook) : undefined;
}
