import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

/**
 * The hooks a trigger node registered, kept in the node's static data and keyed by the webhook URL
 * they deliver to. n8n gives one node a production URL and, for "Listen for test event", a test
 * URL; keying by URL keeps a test run from overwriting the published hook's id or secret.
 */
export interface HookStore<Hook extends IDataObject> {
	get(url: string): Hook | undefined;
	set(url: string, hook: Hook): void;
	remove(url: string): void;
	all(): Hook[];
}

export function hookStore<Hook extends IDataObject>(
	ctx: IHookFunctions | IWebhookFunctions,
): HookStore<Hook> {
	const staticData = ctx.getWorkflowStaticData('node');
	const hooks = (): Record<string, Hook> => {
		if (typeof staticData.hooks !== 'object' || staticData.hooks === null) staticData.hooks = {};
		return staticData.hooks as Record<string, Hook>;
	};
	return {
		get: (url) => hooks()[url],
		set: (url, hook) => {
			hooks()[url] = hook;
		},
		remove: (url) => {
			const remaining = hooks();
			delete remaining[url];
			if (Object.keys(remaining).length === 0) delete staticData.hooks;
		},
		all: () => Object.values(hooks()),
	};
}
