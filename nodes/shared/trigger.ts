import type { IDataObject, IHookFunctions, IWebhookDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { HookAtUrl, HookStore, StoredHook } from './hookStore';
import { hookStore, servedHooks } from './hookStore';
import { sortRemoteHooks } from './remoteHooks';

/** Both triggers' one webhook: services POST JSON, answered as soon as it is received. */
export const TRIGGER_WEBHOOKS: IWebhookDescription[] = [
	{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
];

/**
 * The triggers' versions. 1.1 changes nothing of ours: n8n 2.41 evaluates an extra expression for
 * every delivery to a version-1 webhook node (its binary-data option), which cost about 40 % of
 * throughput.
 */
export const TRIGGER_VERSIONS = { version: [1, 1.1], defaultVersion: 1.1 };

/**
 * What every lifecycle method starts from: the URL n8n gave this node's webhook (production when
 * published, the test URL when listening) and the hooks the node stored.
 */
export function lifecycleState<Hook extends StoredHook>(ctx: IHookFunctions): { url: string; store: HookStore<Hook> } {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n did not provide a webhook URL for this node');
	return { url, store: hookStore<Hook>(ctx) };
}

/** What `webhook()` returns after answering the sender itself: no execution starts. */
export function respondWithoutRun(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	ctx.getResponseObject().status(status).json({ message });
	return { noWebhookResponse: true };
}

/**
 * The hooks this node registered that serve the request (see servedHooks), the one at n8n's
 * current address first. Without one (a failed publish, a test URL nobody listens on) the sender
 * gets a 404 and no execution starts; n8n's log says how to recover, because a published
 * workflow in this state hears nothing.
 */
export function deliveryHooks<Hook extends StoredHook>(
	ctx: IWebhookFunctions,
	service: string,
): { hooks: Array<HookAtUrl<Hook>> } | { rejected: IWebhookResponseData } {
	const hooks = servedHooks<Hook>(ctx);
	if (hooks.length > 0) return { hooks };
	ctx.logger.warn(
		`${ctx.getNode().name}: a delivery arrived on a URL this node holds no ${service} webhook for; if the workflow is published, unpublish and publish it again`,
	);
	return { rejected: respondWithoutRun(ctx, 404, `No ${service} webhook is registered for this URL`) };
}

/**
 * The hooks already reported as delivering to an older address, by workflow and hook. Kept in
 * memory because the delivery path must not write static data; after a restart of n8n each such
 * hook is reported once more, which is the point of a log line anyway.
 */
const reportedOldAddresses = new Set<string>();

/**
 * Says once per hook, in n8n's log, that the service still delivers to an address n8n no longer
 * has (its webhook URL changed after the hook was registered), and the one step that moves it.
 */
export function reportOldAddress(ctx: IWebhookFunctions, service: string, served: HookAtUrl<StoredHook>): void {
	const currentUrl = ctx.getNodeWebhookUrl('default');
	if (ctx.getMode() === 'manual' || currentUrl === undefined || served.url === currentUrl) return;
	const key = `${String(ctx.getWorkflow().id)} ${served.url} ${String(served.hook.id ?? '')}`;
	if (reportedOldAddresses.has(key)) return;
	reportedOldAddresses.add(key);
	ctx.logger.warn(
		`${ctx.getNode().name}: ${service} still delivers to ${served.url}, an address n8n had when the webhook was registered; ` +
			`the delivery is served, but unpublish and publish the workflow again to move the webhook to ${currentUrl}`,
		{ workflowId: ctx.getWorkflow().id, node: ctx.getNode().name },
	);
}

/**
 * The start of both triggers' `checkExists`: removes at the service the hooks this node stored
 * for the same webhook path at another address of n8n (registered before n8n's URL changed), and
 * forgets them. It goes by what the node stored only, so hooks of other workflows or other n8n
 * instances on the same account are never touched; a copy of the workflow has another path.
 */
export async function removeOtherAddresses<Hook extends StoredHook>(
	store: HookStore<Hook>,
	url: string,
	remove: (hook: Hook) => Promise<void>,
): Promise<void> {
	for (const stored of store.forPath(url)) {
		if (stored.url === url) continue;
		await remove(stored.hook);
		store.remove(stored.url);
	}
}

/**
 * What both triggers' `delete()` does with the hooks stored for its webhook path, at whatever
 * address they were registered: removes each without throwing (see removeWithoutThrowing) and
 * forgets those removed; one that could not be removed stays stored and is named in n8n's log.
 * Returns whether any was stored.
 */
export async function removeStoredHooks<Hook extends StoredHook>(
	ctx: IHookFunctions,
	store: HookStore<Hook>,
	url: string,
	rules: { leftBehind: (stored: HookAtUrl<Hook>) => string; remove: (hook: Hook) => Promise<void> },
): Promise<boolean> {
	const stored = store.forPath(url);
	for (const entry of stored) {
		if (await removeWithoutThrowing(ctx, rules.leftBehind(entry), async () => await rules.remove(entry.hook))) {
			store.remove(entry.url);
		}
	}
	return stored.length > 0;
}

/**
 * The end of both triggers' `checkExists`, given the service's listing: removes the hooks that
 * point at our URL but must go, then keeps the one that fits, or forgets the stored hook when
 * none does. Returns whether a fitting hook is live.
 */
export async function adoptLiveHook<Remote, Hook extends StoredHook>(
	store: HookStore<Hook>,
	url: string,
	listed: Remote[],
	rules: {
		urlOf: (hook: Remote) => string | undefined;
		fits: (hook: Remote) => boolean;
		remove: (hook: Remote) => Promise<void>;
		stored: (hook: Remote) => Hook;
	},
): Promise<boolean> {
	const { match, stale } = sortRemoteHooks(listed, url, rules.urlOf, rules.fits);
	for (const hook of stale) await rules.remove(hook);
	if (!match) {
		store.remove(url);
		return false;
	}
	store.set(url, rules.stored(match));
	return true;
}

/** The delivery's raw bytes, as the sender signed them (n8n keeps them beside the parsed body). */
export function rawBodyOf(ctx: IWebhookFunctions): Buffer {
	const raw: unknown = ctx.getRequestObject().rawBody;
	if (Buffer.isBuffer(raw)) return raw;
	return Buffer.from(typeof raw === 'string' ? raw : '', 'utf8');
}

/**
 * Parses the delivery as JSON from its raw bytes (whatever content type the sender claimed).
 * An empty or non-JSON body is answered with 400 here, so no execution starts with garbage.
 */
export function parseJsonDelivery(
	ctx: IWebhookFunctions,
	rawBody: Buffer,
): { body: unknown } | { rejected: IWebhookResponseData } {
	const text = rawBody.toString('utf8');
	if (text.trim() === '') return { rejected: respondWithoutRun(ctx, 400, 'The body is empty: deliveries are JSON') };
	try {
		return { body: JSON.parse(text) as unknown };
	} catch {
		return { rejected: respondWithoutRun(ctx, 400, 'The body is not JSON') };
	}
}

/**
 * Runs a removal step of `delete()` so that its failure cannot escape. n8n removes its own record
 * of a webhook only when every node's `delete()` returns: after a throw it keeps the record, and
 * the next publish believes the hook is registered and calls nothing, leaving a published
 * workflow that hears nothing. The failure goes to n8n's log instead, saying what is left.
 * Returns whether the step succeeded.
 */
export async function removeWithoutThrowing(
	ctx: IHookFunctions,
	leftBehind: string,
	step: () => Promise<void>,
): Promise<boolean> {
	try {
		await step();
		return true;
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		ctx.logger.error(`${ctx.getNode().name}: ${message}. ${leftBehind}`, {
			workflowId: ctx.getWorkflow().id,
			node: ctx.getNode().name,
		});
		return false;
	}
}

/**
 * The item with `name` set to `value` as its first field, so it is the first thing users see in
 * the output; it wins over a field of that name in the payload.
 */
export function withLeadingField(name: string, value: string, item: IDataObject): IDataObject {
	return Object.assign({ [name]: value }, item, { [name]: value });
}
