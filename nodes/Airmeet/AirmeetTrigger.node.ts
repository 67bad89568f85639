import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import type { StoredHook } from '../shared/hookStore';
import { hookStore, servedHook } from '../shared/hookStore';
import { sortRemoteHooks } from '../shared/remoteHooks';
import { parseJsonDelivery, rawBodyOf, removeWithoutThrowing, respondWithoutRun, webhookUrl, withLeadingField } from '../shared/trigger';
import { EVENT_FIELD, SESSION_FIELD, eventLocator, parseLocator, searchEvents, searchSessions, sessionLocator } from './locators';
import { payloadItems } from './payload';
import type { AirmeetTriggerType } from './triggers';
import {
	TRIGGER_OPTIONS,
	TRIGGER_SUBTITLE,
	requiresEvent,
	requiresSession,
	takesEvent,
	triggerById,
	triggerIdsWithScope,
} from './triggers';
import type { WebhookScope } from './transport';
import { AirmeetClient } from './transport';

/** What static data keeps per webhook URL: enough to deregister the hook and to recognise it. */
interface RegisteredHook extends StoredHook {
	id: string;
	trigger: string;
	url: string;
	airmeetId?: string;
	sessionId?: string;
}

interface TriggerConfig extends WebhookScope {
	trigger: AirmeetTriggerType;
	name: string;
	description: string;
}

type ConfigResult = { ok: true; config: TriggerConfig } | { ok: false; error: NodeOperationError };

/** Reads and checks the node's settings before anything is sent to Airmeet. */
function triggerConfig(ctx: IHookFunctions): ConfigResult {
	const fail = (message: string, description?: string): ConfigResult => ({
		ok: false,
		error: new NodeOperationError(ctx.getNode(), message, { description }),
	});
	const triggerId = ctx.getNodeParameter('trigger', '') as unknown;
	const trigger = triggerById(triggerId);
	if (!trigger) return fail(`The "Trigger On" field has a value Airmeet does not know: "${String(triggerId)}"`);
	const config: TriggerConfig = { trigger, name: trigger.defaultName, description: '' };
	if (takesEvent(trigger)) {
		const event = parseLocator(ctx.getNodeParameter(EVENT_FIELD.name, '') as unknown, EVENT_FIELD);
		if (!event.ok) return fail(event.message);
		if (event.id === undefined && requiresEvent(trigger)) {
			return fail(`Choose an event in the "Event" field: the "${trigger.label}" trigger needs one`);
		}
		config.airmeetId = event.id;
	}
	if (requiresSession(trigger)) {
		const session = parseLocator(ctx.getNodeParameter(SESSION_FIELD.name, '') as unknown, SESSION_FIELD);
		if (!session.ok) return fail(session.message);
		if (session.id === undefined) {
			return fail(`Choose a session in the "Session" field: the "${trigger.label}" trigger needs one`);
		}
		config.sessionId = session.id;
	}
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const name = typeof options.name === 'string' ? options.name.trim() : '';
	const description = typeof options.description === 'string' ? options.description.trim() : '';
	config.name = name || trigger.defaultName;
	config.description = description || `n8n workflow trigger: ${trigger.label}`;
	return { ok: true, config };
}

function readTriggerConfig(ctx: IHookFunctions): TriggerConfig {
	const result = triggerConfig(ctx);
	if (!result.ok) throw result.error;
	return result.config;
}

/** Where Airmeet can list this configuration's hooks; none for community-wide hooks. */
function listingScope(config: TriggerConfig): WebhookScope | undefined {
	if (config.sessionId) return { sessionId: config.sessionId };
	if (config.airmeetId) return { airmeetId: config.airmeetId };
	return undefined;
}

function storedHook(id: string, url: string, config: TriggerConfig): RegisteredHook {
	const hook: RegisteredHook = { id, trigger: config.trigger.id, url };
	if (config.airmeetId) hook.airmeetId = config.airmeetId;
	if (config.sessionId) hook.sessionId = config.sessionId;
	return hook;
}

/** Whether a stored hook was registered for exactly this URL, trigger, event and session. */
function fitsConfig(hook: RegisteredHook, url: string, config: TriggerConfig): boolean {
	return (
		hook.url === url &&
		hook.trigger === config.trigger.id &&
		(hook.airmeetId ?? undefined) === config.airmeetId &&
		(hook.sessionId ?? undefined) === config.sessionId
	);
}

const deregistration = (hook: RegisteredHook) => ({ id: hook.id, triggerMetaInfoId: hook.trigger, url: hook.url });

export class AirmeetTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Airmeet Trigger',
		name: 'airmeetTrigger',
		icon: { light: 'file:airmeet.svg', dark: 'file:airmeet.dark.svg' },
		group: ['trigger'],
		// 1.1 changes nothing of ours: n8n 2.41 evaluates an extra expression for every delivery to a
		// version-1 webhook node (its binary-data option), which cost about 40 % of throughput.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: TRIGGER_SUBTITLE,
		description: 'Starts the workflow on Airmeet events: new events, registrations, attendance, polls and more',
		defaults: { name: 'Airmeet Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'airmeetApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					'Publishing the workflow registers a webhook in your Airmeet community; unpublishing removes it. Airmeet does not sign its deliveries, so keep the webhook URL private.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				// "Trigger On" is the label n8n's node panel expands into one entry per option.
				displayName: 'Trigger On',
				name: 'trigger',
				type: 'options',
				required: true,
				noDataExpression: true,
				default: 'trigger.airmeet.registrant.added',
				options: TRIGGER_OPTIONS,
				description:
					'What starts the workflow. A delivery holding a list (e.g. attendees) gives one item per entry.',
			},
			eventLocator({
				required: true,
				description: 'The event to watch',
				displayOptions: { show: { trigger: triggerIdsWithScope('event', 'session') } },
			}),
			eventLocator({
				required: false,
				description:
					'The event to watch. Unconfirmed whether Airmeet needs one for this trigger: leave empty for the whole community, or choose one if Airmeet rejects the webhook without it.',
				displayOptions: { show: { trigger: triggerIdsWithScope('eventOptional') } },
			}),
			sessionLocator({
				description: 'The session to watch (sessions of the chosen event)',
				displayOptions: { show: { trigger: triggerIdsWithScope('session') } },
			}),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Webhook Description',
						name: 'description',
						type: 'string',
						default: '',
						description: 'How the webhook is described in Airmeet. Leave empty for "n8n workflow trigger: &lt;trigger&gt;".',
					},
					{
						displayName: 'Webhook Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. REGISTRANT_ADDED',
						description:
							'The name the webhook is registered under, which Airmeet ties to the trigger. Leave empty for the name used by certified Airmeet integrations (e.g. REGISTRANT_ADDED); which names Airmeet expects is unconfirmed, so change it only if Airmeet rejects the default.',
					},
				],
			},
		],
	};

	methods = {
		listSearch: { searchEvents, searchSessions },
	};

	webhookMethods = {
		default: {
			/**
			 * Adopts a live hook that delivers exactly what we need instead of trusting a stored id,
			 * and removes hooks of earlier configurations that still point at our URL.
			 */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const config = readTriggerConfig(this);
				const url = webhookUrl(this);
				const store = hookStore<RegisteredHook>(this);
				const client = await AirmeetClient.connect(this);
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
				const { match, stale } = sortRemoteHooks(
					await client.listWebhooks(scope),
					url,
					(hook) => hook.url,
					(hook) => hook.triggerMetaInfoId === config.trigger.id && hook.isActive !== false,
				);
				for (const hook of stale) await client.deregisterWebhook(hook, { missingIsGone: true });
				if (!match) {
					store.remove(url);
					return false;
				}
				store.set(url, storedHook(match.id, url, config));
				return true;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const config = readTriggerConfig(this);
				const url = webhookUrl(this);
				const client = await AirmeetClient.connect(this);
				const created = await client.registerWebhook(
					{ name: config.name, description: config.description, triggerMetaInfoId: config.trigger.id, url },
					{ airmeetId: config.airmeetId, sessionId: config.sessionId },
				);
				hookStore<RegisteredHook>(this).set(url, storedHook(created.id, url, config));
				return true;
			},

			/**
			 * Never throws (see removeWithoutThrowing). A hook that could not be deregistered stays
			 * stored: for community-wide triggers its id is the only way to find it again.
			 */
			async delete(this: IHookFunctions): Promise<boolean> {
				const url = webhookUrl(this);
				const store = hookStore<RegisteredHook>(this);
				const stored = store.get(url);
				if (stored) {
					const removed = await removeWithoutThrowing(
						this,
						`The webhook ${stored.id} may still be registered in Airmeet: unpublishing again retries, or deregister it with the Airmeet node (README: "Find and remove orphaned webhooks").`,
						async () => {
							const client = await AirmeetClient.connect(this);
							await client.deregisterWebhook(deregistration(stored), { missingIsGone: true });
						},
					);
					if (removed) store.remove(url);
					return true;
				}
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
	 * Airmeet signs nothing, so the URL's secrecy and this node's registration for it are all there
	 * is: a URL this node registered nothing for (a failed publish, a test URL not listening)
	 * starts no execution. Items lead with the trigger that fired.
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const hook = servedHook<RegisteredHook>(this);
		if (!hook) {
			this.logger.warn(
				`${this.getNode().name}: a delivery arrived on a URL this node holds no Airmeet webhook for; if the workflow is published, unpublish and publish it again`,
			);
			return respondWithoutRun(this, 404, 'No Airmeet webhook is registered for this URL');
		}
		const parsed = parseJsonDelivery(this, rawBodyOf(this));
		if ('rejected' in parsed) return parsed.rejected;
		const items = payloadItems(parsed.body);
		if (items.length === 0) {
			// An empty list reports nothing happened: acknowledge it without starting a run.
			return respondWithoutRun(this, 200, 'Nothing to process: the body is an empty list');
		}
		return { workflowData: [items.map((item) => ({ json: withLeadingField('trigger', hook.trigger, item) }))] };
	}
}
