import type { IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes } from 'n8n-workflow';

import type { StoredHook } from '../shared/hookStore';
import { adoptLiveHook, deliveryHooks, lifecycleState, parseJsonDelivery, rawBodyOf, removeOtherAddresses, removeStoredHooks, removeWithoutThrowing, reportOldAddress, respondWithoutRun, TRIGGER_VERSIONS, TRIGGER_WEBHOOKS, withLeadingField } from '../shared/trigger';
import { searchEvents, searchSessions } from './methods/listSearch';
import { payloadItems } from './payload';
import { TRIGGER_SUBTITLE } from './triggers';
import type { RegisteredWebhook, WebhookScope } from './transport';
import { AirmeetClient } from './transport';
import type { ParameterReader, WebhookConfig, WebhookConfigResult } from './webhookConfig';
import { WEBHOOK_OPTIONS_FIELD, checkWebhookConfig, readWebhookConfig, scopeFields, triggerField } from './webhookConfig';

/**
 * What static data keeps per webhook URL: enough to deregister the hook and to recognise it. No
 * id when Airmeet's register answer named none and no listing could find it (community-wide
 * hooks): the URL and trigger are then all there is to deregister it with.
 */
interface RegisteredHook extends StoredHook {
	id?: string;
	trigger: string;
	url: string;
	airmeetId?: string;
	sessionId?: string;
}

/** The trigger field's label, as errors name it. */
const TRIGGER_FIELD = 'Trigger On';

const parametersOf = (ctx: IHookFunctions): ParameterReader => (name, fallback) => ctx.getNodeParameter(name, fallback) as unknown;

/** Reads and checks the node's settings before anything is sent to Airmeet. */
function triggerConfig(ctx: IHookFunctions): WebhookConfigResult {
	return checkWebhookConfig(parametersOf(ctx), TRIGGER_FIELD);
}

function readTriggerConfig(ctx: IHookFunctions): WebhookConfig {
	return readWebhookConfig(ctx.getNode(), parametersOf(ctx), TRIGGER_FIELD);
}

/** Where Airmeet can list this configuration's hooks; none for community-wide hooks. */
function listingScope(config: WebhookConfig): WebhookScope | undefined {
	if (config.sessionId) return { sessionId: config.sessionId };
	if (config.airmeetId) return { airmeetId: config.airmeetId };
	return undefined;
}

function storedHook(id: string | undefined, url: string, config: WebhookConfig): RegisteredHook {
	const hook: RegisteredHook = { trigger: config.trigger.id, url };
	if (id !== undefined) hook.id = id;
	if (config.airmeetId) hook.airmeetId = config.airmeetId;
	if (config.sessionId) hook.sessionId = config.sessionId;
	return hook;
}

/** Whether a stored hook was registered for exactly this URL, trigger, event and session. */
function fitsConfig(hook: RegisteredHook, url: string, config: WebhookConfig): boolean {
	return (
		hook.url === url &&
		hook.trigger === config.trigger.id &&
		(hook.airmeetId ?? undefined) === config.airmeetId &&
		(hook.sessionId ?? undefined) === config.sessionId
	);
}

const deregistration = (hook: RegisteredHook): RegisteredWebhook => ({ id: hook.id, triggerMetaInfoId: hook.trigger, url: hook.url });

/** How log lines and errors name a stored hook. */
const nameOf = (hook: RegisteredHook): string =>
	hook.id !== undefined ? `The webhook ${hook.id}` : `The webhook for ${hook.url} (trigger ${hook.trigger})`;

export class AirmeetTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Airmeet Trigger',
		name: 'airmeetTrigger',
		icon: { light: 'file:airmeet.svg', dark: 'file:airmeet.dark.svg' },
		group: ['trigger'],
		...TRIGGER_VERSIONS,
		subtitle: TRIGGER_SUBTITLE,
		description: 'Starts the workflow on Airmeet events: new events, registrations, attendance, polls and more',
		defaults: { name: 'Airmeet Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'airmeetApi', required: true }],
		webhooks: TRIGGER_WEBHOOKS,
		properties: [
			{
				displayName:
					'Publishing the workflow registers a webhook in your Airmeet community; unpublishing removes it. Airmeet does not sign its deliveries, so keep the webhook URL private.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			// "Trigger On" is the label n8n's node panel expands into one entry per option.
			triggerField({
				displayName: TRIGGER_FIELD,
				noDataExpression: true,
				description: 'What starts the workflow. A delivery holding a list (e.g. attendees) gives one item per entry.',
			}),
			...scopeFields('to watch', { fixed: true }),
			WEBHOOK_OPTIONS_FIELD,
		],
	};

	methods = {
		listSearch: { searchEvents, searchSessions },
	};

	webhookMethods = {
		default: {
			/**
			 * Adopts a live hook that delivers exactly what we need instead of trusting a stored id,
			 * and removes hooks of earlier configurations that still point at our URL, or that this
			 * node stored for its path at an older address of n8n.
			 */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const config = readTriggerConfig(this);
				const { url, store } = lifecycleState<RegisteredHook>(this);
				const client = await AirmeetClient.connect(this);
				await removeOtherAddresses(store, url, async (hook) => await client.deregisterWebhook(deregistration(hook), { missingIsGone: true }));
				let stored = store.get(url);
				if (stored && !fitsConfig(stored, url, config)) {
					// Registered for another trigger, event or session: a listing of the current
					// scope would not show it, so remove it by its stored id.
					await client.deregisterWebhook(deregistration(stored), { missingIsGone: true });
					store.remove(url);
					stored = undefined;
				}
				const scope = listingScope(config);
				if (!scope) {
					// Airmeet lists webhooks only per event or session, so a community-wide hook cannot
					// be looked up: the id stored for this same URL and trigger is all there is to go on.
					return stored !== undefined;
				}
				return await adoptLiveHook(store, url, await client.listWebhooks(scope), {
					urlOf: (hook) => hook.url,
					fits: (hook) => hook.triggerMetaInfoId === config.trigger.id && hook.isActive !== false,
					remove: async (hook) => await client.deregisterWebhook(hook, { missingIsGone: true }),
					stored: (hook) => storedHook(hook.id, url, config),
				});
			},

			/**
			 * Registers the hook. When Airmeet's answer names no id (the certified connector declares
			 * none), the hook is stored by URL and trigger before anything else can fail, so that no
			 * hook exists at Airmeet that this node does not know; a listing then finds its id.
			 */
			async create(this: IHookFunctions): Promise<boolean> {
				const config = readTriggerConfig(this);
				const { url, store } = lifecycleState<RegisteredHook>(this);
				const client = await AirmeetClient.connect(this);
				const scope = listingScope(config);
				const created = await client.registerWebhook(
					{ name: config.name, description: config.description, triggerMetaInfoId: config.trigger.id, url },
					{ airmeetId: config.airmeetId, sessionId: config.sessionId },
				);
				store.set(url, storedHook(created.id, url, config));
				if (created.id !== undefined) return true;
				const listed = scope
					? (await client.listWebhooks(scope)).find((hook) => hook.url === url && hook.triggerMetaInfoId === config.trigger.id)
					: undefined;
				if (listed) {
					store.set(url, storedHook(listed.id, url, config));
					return true;
				}
				// n8n calls delete() after this failure, which deregisters the stored hook by URL and trigger.
				const message = `Airmeet registered the webhook but named no ID for it, and ${scope ? 'its listing does not show it' : 'community-wide webhooks cannot be listed'}`;
				throw new NodeApiError(this.getNode(), { message }, {
					message,
					description:
						`A webhook for ${url} (trigger ${config.trigger.id}) may now exist in Airmeet. n8n tries to deregister it by its URL and trigger now and again when the workflow is unpublished; ` +
						'if the workflow\'s log says that failed, deregister it with the Airmeet node: Webhook > Deregister with this trigger and URL, Webhook ID left empty.',
				});
			},

			/**
			 * Never throws (see removeWithoutThrowing). Deregisters every hook stored for this node's
			 * path, whatever address of n8n it was registered at. A hook that could not be deregistered
			 * stays stored: for community-wide triggers it is the only way to find it again.
			 */
			async delete(this: IHookFunctions): Promise<boolean> {
				const { url, store } = lifecycleState<RegisteredHook>(this);
				const anyStored = await removeStoredHooks(this, store, url, {
					leftBehind: ({ hook }) =>
						`${nameOf(hook)} may still be registered in Airmeet: unpublishing again retries, or deregister it with the Airmeet node (README: "Find and remove orphaned webhooks").`,
					remove: async (hook) =>
						await (await AirmeetClient.connect(this)).deregisterWebhook(deregistration(hook), { missingIsGone: true }),
				});
				if (anyStored) return true;
				// Nothing stored (the publish failed, or n8n lost the static data). Settings that
				// never passed validation never registered anything; otherwise, where Airmeet can
				// list hooks, whatever still points at our URL is an orphan and goes.
				const result = triggerConfig(this);
				const scope = result.ok ? listingScope(result.config) : undefined;
				if (!scope) return true;
				await removeWithoutThrowing(this, `Leftover Airmeet webhooks for ${url} may remain: the next publish removes them.`, async () => {
					const client = await AirmeetClient.connect(this);
					const leftovers = (await client.listWebhooks(scope)).filter((hook) => hook.url === url);
					for (const hook of leftovers) await client.deregisterWebhook(hook, { missingIsGone: true });
				});
				return true;
			},
		},
	};

	/**
	 * Airmeet signs nothing, so the URL's secrecy and this node's registration for its path are all
	 * there is: a URL this node registered nothing for (a failed publish, a test URL not listening)
	 * starts no execution. Items lead with the trigger that fired.
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const served = deliveryHooks<RegisteredHook>(this, 'Airmeet');
		if ('rejected' in served) return served.rejected;
		// Which hook sent an unsigned delivery cannot be told; the one at n8n's current address comes
		// first, so this names an older one only when none is stored at the current address.
		const [preferred] = served.hooks;
		reportOldAddress(this, 'Airmeet', preferred);
		const parsed = parseJsonDelivery(this, rawBodyOf(this));
		if ('rejected' in parsed) return parsed.rejected;
		const items = payloadItems(parsed.body);
		if (items.length === 0) {
			// An empty list reports nothing happened: acknowledge it without starting a run.
			return respondWithoutRun(this, 200, 'Nothing to process: the body is an empty list');
		}
		return { workflowData: [items.map((item) => ({ json: withLeadingField('trigger', preferred.hook.trigger, item) }))] };
	}
}
