import type { INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { EVENT_FIELD, SESSION_FIELD, eventLocator, parseLocator, sessionLocator } from './locators';
import type { AirmeetTriggerType, TriggerScope } from './triggers';
import { AIRMEET_TRIGGERS, TRIGGER_OPTIONS, requiresEvent, requiresSession, takesEvent, triggerById, triggerIdsWithScope } from './triggers';
import type { WebhookScope } from './transport';

/**
 * What a webhook registration needs, read and checked in one place for both the Airmeet Trigger
 * (which registers on publish) and the Airmeet node's Webhook > Register operation.
 */
export interface WebhookConfig extends WebhookScope {
	trigger: AirmeetTriggerType;
	/** The `name` registered with the hook; Airmeet ties it to the trigger. */
	name: string;
	description: string;
}

export type WebhookConfigResult = { ok: true; config: WebhookConfig } | { ok: false; message: string };

/** Reads one parameter of the node (a trigger's hook context or an action's item). */
export type ParameterReader = (name: string, fallback: unknown) => unknown;

export const DEFAULT_TRIGGER = 'trigger.airmeet.registrant.added';

export function defaultDescription(trigger: AirmeetTriggerType): string {
	return `Registered from n8n: ${trigger.label}`;
}

/** The trigger picker; its `displayName` is what errors call it (pass the same to the readers below). */
export function triggerField(field: { displayName: string; description: string; noDataExpression: boolean }): INodeProperties {
	return {
		...field,
		name: 'trigger',
		type: 'options',
		required: true,
		default: DEFAULT_TRIGGER,
		options: TRIGGER_OPTIONS,
	};
}

/**
 * The event and session pickers, each shown for the triggers that take it. Where the trigger may be
 * an expression (the Airmeet node, where an AI agent may choose it), n8n cannot tell which trigger
 * applies and counts both pickers as shown: marked required there, they would keep a workflow from
 * being published, so they are not, and checkWebhookConfig asks for them by trigger instead.
 */
export function scopeFields(watched: string, trigger: { fixed: boolean }): INodeProperties[] {
	// Where the trigger may come from an expression, say which triggers need which picker.
	const neededBy = (scopes: TriggerScope[]) =>
		trigger.fixed ? '' : ` Needed for the triggers ${triggerIdsWithScope(...scopes).join(', ')}.`;
	return [
		eventLocator({
			required: trigger.fixed,
			description: `The event ${watched}.${neededBy(['event', 'session'])}`,
			displayOptions: { show: { trigger: triggerIdsWithScope('event', 'session') } },
		}),
		eventLocator({
			required: false,
			description: `The event ${watched}. Unconfirmed whether Airmeet needs one for this trigger: leave empty for the whole community, or choose one if Airmeet rejects the webhook without it.`,
			displayOptions: { show: { trigger: triggerIdsWithScope('eventOptional') } },
		}),
		sessionLocator({
			required: trigger.fixed,
			description: `The session ${watched} (sessions of the chosen event).${neededBy(['session'])}`,
			displayOptions: { show: { trigger: triggerIdsWithScope('session') } },
		}),
	];
}

/** The Options collection: the webhook's name and description in Airmeet. */
export const WEBHOOK_OPTIONS_FIELD: INodeProperties = {
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
			description: 'How the webhook is described in Airmeet. Leave empty for "Registered from n8n: &lt;trigger&gt;".',
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
};

/** The trigger chosen in the trigger field, or a message naming the field. */
export function chosenTrigger(read: ParameterReader, fieldName: string): AirmeetTriggerType | string {
	const id = read('trigger', '');
	return (
		triggerById(id) ??
		`The "${fieldName}" field has a value Airmeet does not know: "${String(id)}". Use one of: ${AIRMEET_TRIGGERS.map((trigger) => trigger.id).join(', ')}`
	);
}

function optionText(options: unknown, key: 'name' | 'description'): string {
	const value = typeof options === 'object' && options !== null ? (options as Record<string, unknown>)[key] : undefined;
	return typeof value === 'string' ? value.trim() : '';
}

/** Checks the settings before anything is sent to Airmeet; `fieldName` is the trigger field's label. */
export function checkWebhookConfig(read: ParameterReader, fieldName: string): WebhookConfigResult {
	const trigger = chosenTrigger(read, fieldName);
	if (typeof trigger === 'string') return { ok: false, message: trigger };
	const options = read('options', {});
	const config: WebhookConfig = {
		trigger,
		name: optionText(options, 'name') || trigger.defaultName,
		description: optionText(options, 'description') || defaultDescription(trigger),
	};
	if (takesEvent(trigger)) {
		const event = parseLocator(read(EVENT_FIELD.name, ''), EVENT_FIELD);
		if (!event.ok) return { ok: false, message: event.message };
		if (event.id === undefined && requiresEvent(trigger)) {
			return { ok: false, message: `Choose an event in the "Event" field: the "${trigger.label}" trigger needs one` };
		}
		config.airmeetId = event.id;
	}
	if (requiresSession(trigger)) {
		const session = parseLocator(read(SESSION_FIELD.name, ''), SESSION_FIELD);
		if (!session.ok) return { ok: false, message: session.message };
		if (session.id === undefined) {
			return { ok: false, message: `Choose a session in the "Session" field: the "${trigger.label}" trigger needs one` };
		}
		config.sessionId = session.id;
	}
	return { ok: true, config };
}

/** As checkWebhookConfig, throwing the NodeOperationError users see. */
export function readWebhookConfig(node: INode, read: ParameterReader, fieldName: string, itemIndex?: number): WebhookConfig {
	const result = checkWebhookConfig(read, fieldName);
	if (!result.ok) throw new NodeOperationError(node, result.message, { itemIndex });
	return result.config;
}
