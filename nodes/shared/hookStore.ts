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

/** A stored hook with the URL it was registered for. */
export interface HookAtUrl<Hook extends StoredHook> {
	url: string;
	hook: Hook;
}

export interface HookStore<Hook extends StoredHook> {
	get(url: string): Hook | undefined;
	set(url: string, hook: Hook): void;
	remove(url: string): void;
	/**
	 * The hooks stored for the webhook path of `url`, at whatever address of n8n they were
	 * registered (see sameWebhookPath), the one registered for `url` itself first.
	 */
	forPath(url: string): Array<HookAtUrl<Hook>>;
}

function isRecord(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The stored hooks, read without creating anything: a read must never count as a change. */
function storedHooks(staticData: IDataObject): Record<string, IDataObject> {
	return isRecord(staticData.hooks) ? (staticData.hooks as Record<string, IDataObject>) : {};
}

/** A URL's path without a trailing slash, or undefined for text that is no URL. */
function pathOf(url: string): string | undefined {
	try {
		return new URL(url).pathname.replace(/\/+$/, '');
	} catch {
		return undefined;
	}
}

/**
 * Whether two webhook URLs lead to the same webhook of n8n, whatever address (origin) n8n had
 * when each was made: their paths are equal, or one is the other behind a prefix (n8n moved behind
 * a proxy that serves it under a sub-path). A path holds the node's webhook id, so it is this
 * node's alone: a copy of the workflow has another one, and test URLs (`webhook-test/`) never
 * match production ones (`webhook/`). The shorter path must have two segments at least
 * (`webhook/<id>`), so no degenerate path matches everything.
 */
export function sameWebhookPath(a: string, b: string): boolean {
	const left = pathOf(a);
	const right = pathOf(b);
	if (left === undefined || right === undefined) return false;
	if (left === right) return true;
	const [shorter, longer] = left.length < right.length ? [left, right] : [right, left];
	return shorter.split('/').filter(Boolean).length >= 2 && longer.endsWith(shorter);
}

/**
 * The stored hooks that serve `url`, the one registered for `url` itself first. Test hooks serve
 * only test deliveries and production hooks only production ones, so one's secret never opens
 * the other's path. For test deliveries n8n reports only the production URL (see servedHooks),
 * so there the flag alone decides.
 */
export function hooksServing<Hook extends StoredHook>(
	hooks: Record<string, unknown>,
	url: string,
	test: boolean,
): Array<HookAtUrl<Hook>> {
	const serving: Array<HookAtUrl<Hook>> = [];
	for (const [storedUrl, hook] of Object.entries(hooks)) {
		if (!isRecord(hook) || (hook.test === true) !== test) continue;
		if (!test && !sameWebhookPath(storedUrl, url)) continue;
		const entry = { url: storedUrl, hook: hook as Hook };
		if (storedUrl === url) serving.unshift(entry);
		else serving.push(entry);
	}
	return serving;
}

/**
 * Read and write access for the lifecycle methods (checkExists, create, delete). Only hook
 * contexts get it: the delivery path reads through `servedHooks` and has no way to write.
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
		// In hook contexts n8n reports the test URL itself while listening, so paths decide for both.
		forPath: (url) =>
			hooksServing<Hook>(storedHooks(staticData), url, test).filter((entry) => sameWebhookPath(entry.url, url)),
	};
}

/**
 * The hooks that serve the request n8n is handling, the one at n8n's current address first;
 * empty when this node holds none for it. n8n matched the request to this node by its path, so
 * the request arrived on this node's webhook path: a hook registered for that path at an older
 * address of n8n serves it too (the service still delivers there). n8n runs test deliveries in
 * "manual" mode with the test registration's own static data, and in that context reports only
 * the production URL, so a test delivery is matched by the flag `create` stored with the test
 * hook. Reads only: n8n saves a webhook request's static data after the request when it changed,
 * over what a concurrent publish stored.
 */
export function servedHooks<Hook extends StoredHook>(ctx: IWebhookFunctions): Array<HookAtUrl<Hook>> {
	const url = ctx.getNodeWebhookUrl('default');
	const hooks = storedHooks(ctx.getWorkflowStaticData('node'));
	return hooksServing<Hook>(hooks, url ?? '', ctx.getMode() === 'manual');
}
