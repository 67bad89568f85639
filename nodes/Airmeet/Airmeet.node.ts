import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { runForEachItem } from '../shared/execute';
import { requestedCount, returnAllFields } from '../shared/fields';
import type { LocatorField } from './locators';
import {
	EVENT_FIELD,
	ID_PATTERN,
	SESSION_FIELD,
	eventLocator,
	parseLocator,
	searchEvents,
	searchSessions,
	sessionLocator,
} from './locators';
import { payloadItems } from './payload';
import { TRIGGER_OPTIONS, requiresEvent, requiresSession, takesEvent, triggerById, triggerIdsWithScope } from './triggers';
import type { AirmeetTriggerType } from './triggers';
import { AirmeetClient } from './transport';

const operation = (resource: string, name: string, extra: IDisplayOptions['show'] = {}): IDisplayOptions => ({
	show: { resource: [resource], operation: [name], ...extra },
});

/** A deliberately simple check: catches typos and swapped fields; Airmeet has the last word. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class Airmeet implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Airmeet',
		name: 'airmeet',
		icon: { light: 'file:airmeet.svg', dark: 'file:airmeet.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage Airmeet webhooks, read events and participants, and add attendees',
		defaults: { name: 'Airmeet' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'airmeetApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Event', value: 'event' },
					{ name: 'Participant', value: 'participant' },
					{ name: 'Sample Payload', value: 'samplePayload' },
					{ name: 'Webhook', value: 'webhook' },
				],
				default: 'event',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['event'] } },
				options: [
					{
						name: 'Get',
						value: 'get',
						description: 'Get the details of an event, sessions included',
						action: 'Get an event',
					},
					{
						name: 'Get Many',
						value: 'getAll',
						description: 'List the events of the community',
						action: 'Get many events',
					},
				],
				default: 'getAll',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['participant'] } },
				options: [
					{
						name: 'Add',
						value: 'add',
						description: 'Add an authorized attendee to an event and get their entry link',
						action: 'Add a participant',
					},
					{
						name: 'Get Many',
						value: 'getAll',
						description: 'List the registrations of an event',
						action: 'Get many participants',
					},
				],
				default: 'getAll',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['samplePayload'] } },
				options: [
					{
						name: 'Get',
						value: 'get',
						description: 'Get an example of what a trigger delivers',
						action: 'Get a sample payload',
					},
				],
				default: 'get',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['webhook'] } },
				options: [
					{
						name: 'Deregister',
						value: 'deregister',
						description: 'Remove a webhook from Airmeet',
						action: 'Deregister a webhook',
					},
					{
						name: 'Get Many',
						value: 'getAll',
						description: 'List the webhooks of an event or a session',
						action: 'Get many webhooks',
					},
					{
						name: 'Register',
						value: 'register',
						description: 'Have Airmeet call a URL when a trigger fires',
						action: 'Register a webhook',
					},
				],
				default: 'getAll',
			},

			// Event
			eventLocator({
				required: true,
				description: 'The event to get',
				displayOptions: operation('event', 'get'),
			}),
			...returnAllFields(operation('event', 'getAll')),

			// Participant
			eventLocator({
				required: true,
				description: 'The event of the participants',
				displayOptions: { show: { resource: ['participant'] } },
			}),
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				required: true,
				default: '',
				description: 'The e-mail address of the attendee',
				displayOptions: operation('participant', 'add'),
			},
			{
				displayName: 'First Name',
				name: 'firstName',
				type: 'string',
				required: true,
				default: '',
				displayOptions: operation('participant', 'add'),
			},
			{
				displayName: 'Last Name',
				name: 'lastName',
				type: 'string',
				required: true,
				default: '',
				displayOptions: operation('participant', 'add'),
			},
			{
				displayName: 'Additional Fields',
				name: 'additionalFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				displayOptions: operation('participant', 'add'),
				options: [
					{
						displayName: 'City',
						name: 'city',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Country',
						name: 'country',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Custom Field Mapping',
						name: 'customFieldMapping',
						type: 'json',
						default: '',
						description:
							"Answers to the event's custom registration fields, as JSON in the shape Airmeet documents for custom fields",
					},
					{
						displayName: 'Designation',
						name: 'designation',
						type: 'string',
						default: '',
						description: 'Job title',
					},
					{
						displayName: 'Organisation',
						name: 'organisation',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Register Attendee',
						name: 'registerAttendee',
						type: 'boolean',
						default: false,
						description: 'Whether Airmeet also completes the registration, not only authorizes the e-mail address',
					},
					{
						displayName: 'Send Email Invite',
						name: 'sendEmailInvite',
						type: 'boolean',
						default: false,
						description: 'Whether Airmeet e-mails the invitation to the attendee',
					},
				],
			},
			...returnAllFields(operation('participant', 'getAll')),

			// Sample payload and webhook
			{
				displayName: 'Trigger',
				name: 'trigger',
				type: 'options',
				required: true,
				default: 'trigger.airmeet.registrant.added',
				options: TRIGGER_OPTIONS,
				description: 'The Airmeet trigger (its triggerMetaInfoId)',
				displayOptions: {
					show: { resource: ['samplePayload', 'webhook'], operation: ['get', 'register', 'deregister'] },
				},
			},
			{
				displayName: 'List For',
				name: 'scope',
				type: 'options',
				default: 'event',
				options: [
					{ name: 'Event', value: 'event', description: 'The webhooks of an event' },
					{ name: 'Session', value: 'session', description: 'The webhooks of a session' },
				],
				description: 'Airmeet lists webhooks per event or per session',
				displayOptions: operation('webhook', 'getAll'),
			},
			eventLocator({
				required: true,
				description: 'The event whose webhooks to list',
				displayOptions: operation('webhook', 'getAll', { scope: ['event'] }),
			}),
			eventLocator({
				required: false,
				description: 'The event of the session; only used to list its sessions in the Session field',
				displayOptions: operation('webhook', 'getAll', { scope: ['session'] }),
			}),
			sessionLocator({
				description: 'The session whose webhooks to list',
				displayOptions: operation('webhook', 'getAll', { scope: ['session'] }),
			}),
			eventLocator({
				required: true,
				description: 'The event the trigger watches',
				displayOptions: operation('webhook', 'register', { trigger: triggerIdsWithScope('event', 'session') }),
			}),
			eventLocator({
				required: false,
				description:
					'The event the trigger watches. Unconfirmed whether Airmeet needs one for this trigger: leave empty for the whole community, or choose one if Airmeet rejects the webhook without it.',
				displayOptions: operation('webhook', 'register', { trigger: triggerIdsWithScope('eventOptional') }),
			}),
			sessionLocator({
				description: 'The session the trigger watches',
				displayOptions: operation('webhook', 'register', { trigger: triggerIdsWithScope('session') }),
			}),
			{
				displayName: 'Webhook ID',
				name: 'webhookId',
				type: 'string',
				required: true,
				default: '',
				description: 'The ID Airmeet gave the webhook when it was registered (see Get Many)',
				displayOptions: operation('webhook', 'deregister'),
			},
			{
				displayName: 'URL',
				name: 'url',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'https://example.com/airmeet-events',
				description: 'The address Airmeet delivers to. To deregister, the URL the webhook was registered with.',
				displayOptions: { show: { resource: ['webhook'], operation: ['register', 'deregister'] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				displayOptions: operation('webhook', 'register'),
				options: [
					{
						displayName: 'Webhook Description',
						name: 'description',
						type: 'string',
						default: '',
						description: 'How the webhook is described in Airmeet',
					},
					{
						displayName: 'Webhook Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. REGISTRANT_ADDED',
						description:
							'The name the webhook is registered under, which Airmeet ties to the trigger. Leave empty for the name used by certified Airmeet integrations; which names Airmeet expects is unconfirmed.',
					},
				],
			},
			...returnAllFields(operation('webhook', 'getAll')),
		],
	};

	methods = {
		listSearch: { searchEvents, searchSessions },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const client = await AirmeetClient.connect(this);
		return await runForEachItem(this, async (itemIndex) => await runOperation(this, client, itemIndex));
	}
}

/** Reads a picker, naming the field when its value cannot be an id or is missing while required. */
function locatorId(ctx: IExecuteFunctions, field: LocatorField, itemIndex: number, required: true): string;
function locatorId(ctx: IExecuteFunctions, field: LocatorField, itemIndex: number, required: boolean): string | undefined;
function locatorId(ctx: IExecuteFunctions, field: LocatorField, itemIndex: number, required: boolean): string | undefined {
	const result = parseLocator(ctx.getNodeParameter(field.name, itemIndex, '') as unknown, field);
	if (!result.ok) throw new NodeOperationError(ctx.getNode(), result.message, { itemIndex });
	if (result.id === undefined && required) {
		throw new NodeOperationError(ctx.getNode(), `Choose a value in the "${field.displayName}" field`, { itemIndex });
	}
	return result.id;
}

function readTrigger(ctx: IExecuteFunctions, itemIndex: number): AirmeetTriggerType {
	const id = ctx.getNodeParameter('trigger', itemIndex) as unknown;
	const trigger = triggerById(id);
	if (!trigger) {
		throw new NodeOperationError(ctx.getNode(), `The "Trigger" field has a value Airmeet does not know: "${String(id)}"`, {
			itemIndex,
		});
	}
	return trigger;
}

function requireText(ctx: IExecuteFunctions, name: string, displayName: string, itemIndex: number): string {
	const value = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (value === '') throw new NodeOperationError(ctx.getNode(), `The "${displayName}" field is empty`, { itemIndex });
	return value;
}

function requireHttpUrl(ctx: IExecuteFunctions, itemIndex: number): string {
	const url = requireText(ctx, 'url', 'URL', itemIndex);
	let protocol: string | undefined;
	try {
		protocol = new URL(url).protocol;
	} catch {
		protocol = undefined;
	}
	if (protocol !== 'http:' && protocol !== 'https:') {
		throw new NodeOperationError(ctx.getNode(), `The "URL" field needs a full http(s) address, got "${url}"`, { itemIndex });
	}
	return url;
}

function readAttendee(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const email = requireText(ctx, 'email', 'Email', itemIndex);
	if (!EMAIL.test(email)) {
		throw new NodeOperationError(ctx.getNode(), `The "Email" field needs an e-mail address, got "${email}"`, { itemIndex });
	}
	const attendee: IDataObject = {
		email,
		firstName: requireText(ctx, 'firstName', 'First Name', itemIndex),
		lastName: requireText(ctx, 'lastName', 'Last Name', itemIndex),
	};
	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	for (const key of ['city', 'country', 'designation', 'organisation']) {
		if (typeof extra[key] === 'string' && extra[key].trim() !== '') attendee[key] = extra[key].trim();
	}
	for (const key of ['registerAttendee', 'sendEmailInvite']) {
		if (typeof extra[key] === 'boolean') attendee[key] = extra[key];
	}
	const mapping = extra.customFieldMapping;
	if (mapping !== undefined && mapping !== '') {
		let parsed: unknown = mapping;
		if (typeof mapping === 'string') {
			try {
				parsed = JSON.parse(mapping);
			} catch {
				parsed = undefined;
			}
		}
		if (typeof parsed !== 'object' || parsed === null) {
			throw new NodeOperationError(ctx.getNode(), 'The "Custom Field Mapping" field needs a JSON object or list', {
				itemIndex,
			});
		}
		attendee.customFieldMapping = parsed as IDataObject;
	}
	return attendee;
}

async function runOperation(ctx: IExecuteFunctions, client: AirmeetClient, itemIndex: number): Promise<IDataObject[]> {
	const resource = ctx.getNodeParameter('resource', itemIndex) as string;
	const op = ctx.getNodeParameter('operation', itemIndex) as string;
	const key = `${resource}:${op}`;

	if (key === 'event:getAll') return await client.listEvents(requestedCount(ctx, itemIndex));
	if (key === 'event:get') return [await client.eventInfo(locatorId(ctx, EVENT_FIELD, itemIndex, true))];

	if (key === 'participant:getAll') {
		const airmeetId = locatorId(ctx, EVENT_FIELD, itemIndex, true);
		return await client.listParticipants(airmeetId, requestedCount(ctx, itemIndex));
	}
	if (key === 'participant:add') {
		const airmeetId = locatorId(ctx, EVENT_FIELD, itemIndex, true);
		return [await client.addAttendee(airmeetId, readAttendee(ctx, itemIndex))];
	}

	if (key === 'samplePayload:get') return payloadItems(await client.samplePayload(readTrigger(ctx, itemIndex).id));

	if (key === 'webhook:getAll') {
		const scope = ctx.getNodeParameter('scope', itemIndex, 'event') as string;
		const hooks =
			scope === 'session'
				? await client.listWebhooks({ sessionId: locatorId(ctx, SESSION_FIELD, itemIndex, true) })
				: await client.listWebhooks({ airmeetId: locatorId(ctx, EVENT_FIELD, itemIndex, true) });
		return hooks.slice(0, requestedCount(ctx, itemIndex));
	}
	if (key === 'webhook:register') {
		const trigger = readTrigger(ctx, itemIndex);
		const airmeetId = takesEvent(trigger) ? locatorId(ctx, EVENT_FIELD, itemIndex, requiresEvent(trigger)) : undefined;
		const sessionId = requiresSession(trigger) ? locatorId(ctx, SESSION_FIELD, itemIndex, true) : undefined;
		const url = requireHttpUrl(ctx, itemIndex);
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const name = typeof options.name === 'string' && options.name.trim() ? options.name.trim() : trigger.defaultName;
		const description =
			typeof options.description === 'string' && options.description.trim()
				? options.description.trim()
				: `Registered from n8n: ${trigger.label}`;
		return [
			await client.registerWebhook(
				{ name, description, triggerMetaInfoId: trigger.id, url },
				{ airmeetId, sessionId },
			),
		];
	}
	if (key === 'webhook:deregister') {
		const trigger = readTrigger(ctx, itemIndex);
		const id = requireText(ctx, 'webhookId', 'Webhook ID', itemIndex);
		if (!ID_PATTERN.test(id)) {
			throw new NodeOperationError(ctx.getNode(), `The "Webhook ID" field needs an ID made of letters, digits and dashes, got "${id}"`, {
				itemIndex,
			});
		}
		const url = requireHttpUrl(ctx, itemIndex);
		await client.deregisterWebhook({ id, triggerMetaInfoId: trigger.id, url }, { missingIsGone: false });
		return [{ id, triggerMetaInfoId: trigger.id, url, deregistered: true }];
	}
	throw new NodeOperationError(ctx.getNode(), `The operation "${op}" of "${resource}" is not supported`, { itemIndex });
}
