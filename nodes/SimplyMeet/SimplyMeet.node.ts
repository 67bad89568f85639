import { randomBytes } from 'crypto';
import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodeListSearchResult,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { runForEachItem } from '../shared/execute';
import { allowedValues, requestedCount, requireHttpUrl, returnAllFields } from '../shared/fields';
import { explainOperations } from '../shared/toolDescription';
import { EVENTS_FIELD, SIMPLYMEET_EVENTS, checkEvents } from './events';
import type { SimplyMeetWebhook } from './transport';
import { MAX_SINGLE_USE_LINKS, SimplyMeetClient } from './transport';

const webhookOperation = (operation: string) => ({
	show: { resource: ['webhook'], operation: [operation] },
});

/** Node output never carries a signing secret: it says whether one is set instead. */
function publicWebhook(hook: SimplyMeetWebhook): IDataObject {
	const { secret, ...rest } = hook;
	return { ...rest, hasSecret: typeof secret === 'string' && secret !== '' };
}

const UUID_SOURCE = '^[A-Za-z0-9-]+$';

function readUuid(ctx: IExecuteFunctions, name: string, displayName: string, itemIndex: number): string {
	const uuid = String(ctx.getNodeParameter(name, itemIndex, '', { extractValue: true })).trim();
	if (!new RegExp(UUID_SOURCE).test(uuid)) {
		throw new NodeOperationError(ctx.getNode(), `The "${displayName}" field needs a UUID`, { itemIndex });
	}
	return uuid;
}

/** A picker of SimplyMeet records: a searchable list, or a UUID. */
function uuidLocator(field: {
	displayName: string;
	name: string;
	searchListMethod: string;
	description: string;
	displayOptions: IDisplayOptions;
}): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: field.description,
		displayOptions: field.displayOptions,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: field.searchListMethod, searchable: true },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 0b6c7d8e-1f2a-4b3c-9d4e-5f6a7b8c9d0e',
				validation: [{ type: 'regex', properties: { regex: UUID_SOURCE, errorMessage: 'A UUID has only letters, digits and dashes' } }],
			},
		],
	};
}

export class SimplyMeet implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SimplyMeet',
		name: 'simplyMeet',
		icon: { light: 'file:simplymeet.svg', dark: 'file:simplymeet.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage the webhooks of a SimplyMeet.me account, list its meeting types and create single-use booking links',
		defaults: { name: 'SimplyMeet' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'simplyMeetApi', required: true }],
		properties: explainOperations([
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Meeting Type', value: 'meetingType' },
					{ name: 'Single-Use Link', value: 'singleUseLink' },
					{ name: 'Webhook', value: 'webhook' },
				],
				default: 'webhook',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['meetingType'] } },
				options: [
					{
						name: 'Get Many',
						value: 'getAll',
						description: 'List the meeting types of the account, with their UUIDs (for single-use links)',
						action: 'Get many meeting types',
					},
				],
				default: 'getAll',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['singleUseLink'] } },
				options: [
					{
						name: 'Create',
						value: 'create',
						description: 'Create booking links for a meeting type that each work once, one item per link with its URL',
						action: 'Create single use links',
					},
				],
				default: 'create',
			},
			...returnAllFields({ show: { resource: ['meetingType'], operation: ['getAll'] } }),
			uuidLocator({
				displayName: 'Meeting Type',
				name: 'meetingType',
				searchListMethod: 'searchMeetingTypes',
				description: 'The meeting type the links book',
				displayOptions: { show: { resource: ['singleUseLink'], operation: ['create'] } },
			}),
			{
				displayName: 'How Many',
				name: 'count',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_SINGLE_USE_LINKS },
				default: 1,
				description: `How many links to create at once (up to ${MAX_SINGLE_USE_LINKS}); one item each`,
				displayOptions: { show: { resource: ['singleUseLink'], operation: ['create'] } },
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['webhook'] } },
				options: [
					{
						name: 'Create',
						value: 'create',
						description: 'Register a webhook that SimplyMeet calls on meeting events',
						action: 'Create a webhook',
					},
					{
						name: 'Delete',
						value: 'delete',
						description: 'Remove a webhook from the account',
						action: 'Delete a webhook',
					},
					{
						name: 'Get Many',
						value: 'getAll',
						description: 'List the webhooks of the account',
						action: 'Get many webhooks',
					},
				],
				default: 'getAll',
			},
			{
				displayName: 'URL',
				name: 'url',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'https://example.com/simplymeet-events',
				description: 'The address SimplyMeet will POST meeting events to',
				displayOptions: webhookOperation('create'),
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				options: [...SIMPLYMEET_EVENTS],
				description: `The meeting events to send to the URL, one or more of: ${allowedValues(EVENTS_FIELD)}`,
				displayOptions: webhookOperation('create'),
			},
			{
				displayName: 'Secret',
				name: 'secret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					'Key SimplyMeet signs each delivery with (header Webhook-Signature). Leave empty to have a random one generated; n8n never shows secrets in its output, so set your own if the receiver must check signatures.',
				displayOptions: webhookOperation('create'),
			},
			uuidLocator({
				displayName: 'Webhook',
				name: 'webhookId',
				searchListMethod: 'searchWebhooks',
				description: 'The webhook to delete',
				displayOptions: webhookOperation('delete'),
			}),
			...returnAllFields(webhookOperation('getAll')),
		]),
	};

	methods = {
		listSearch: {
			async searchWebhooks(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
				const client = await SimplyMeetClient.connect(this);
				const needle = filter?.toLowerCase() ?? '';
				const results = (await client.listWebhooks())
					.filter((hook) => !needle || `${hook.url} ${hook.events.join(' ')} ${hook.uuid}`.toLowerCase().includes(needle))
					.map((hook) => ({ name: `${hook.url} (${hook.events.join(', ')})`, value: hook.uuid }));
				return { results };
			},
			async searchMeetingTypes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
				const client = await SimplyMeetClient.connect(this);
				const needle = filter?.toLowerCase() ?? '';
				const results = (await client.listMeetingTypes())
					.filter((type) => typeof type.uuid === 'string')
					.filter((type) => !needle || `${String(type.name)} ${String(type.uuid)}`.toLowerCase().includes(needle))
					.map((type) => ({ name: typeof type.name === 'string' ? type.name : String(type.uuid), value: String(type.uuid) }));
				return { results };
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const client = await SimplyMeetClient.connect(this);
		return await runForEachItem(this, async (itemIndex) =>
			await runOperation(
				this,
				client,
				`${this.getNodeParameter('resource', itemIndex) as string}:${this.getNodeParameter('operation', itemIndex) as string}`,
				itemIndex,
			),
		);
	}
}

async function runOperation(
	ctx: IExecuteFunctions,
	client: SimplyMeetClient,
	operation: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	if (operation === 'webhook:create') {
		const url = requireHttpUrl(ctx, itemIndex);
		const events = checkEvents(ctx.getNodeParameter('events', itemIndex));
		if (!events.ok) throw new NodeOperationError(ctx.getNode(), events.message, { itemIndex });
		const secret = (ctx.getNodeParameter('secret', itemIndex, '') as string) || randomBytes(32).toString('hex');
		return [publicWebhook(await client.createWebhook({ url, events: events.values, secret }))];
	}
	if (operation === 'webhook:getAll') {
		return (await client.listWebhooks(requestedCount(ctx, itemIndex))).map(publicWebhook);
	}
	if (operation === 'webhook:delete') {
		const uuid = readUuid(ctx, 'webhookId', 'Webhook', itemIndex);
		await client.deleteWebhook(uuid, { missingIsGone: false });
		return [{ uuid, deleted: true }];
	}
	if (operation === 'meetingType:getAll') return await client.listMeetingTypes(requestedCount(ctx, itemIndex));
	if (operation === 'singleUseLink:create') {
		const meetingType = readUuid(ctx, 'meetingType', 'Meeting Type', itemIndex);
		const count = ctx.getNodeParameter('count', itemIndex, 1) as number;
		if (!Number.isInteger(count) || count < 1 || count > MAX_SINGLE_USE_LINKS) {
			throw new NodeOperationError(ctx.getNode(), `The "How Many" field needs a whole number from 1 to ${MAX_SINGLE_USE_LINKS}`, { itemIndex });
		}
		const links = await client.createSingleUseLinks(meetingType, count);
		return links.map((link) => ({ meetingTypeUuid: meetingType, ...link }));
	}
	throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" is not supported`, { itemIndex });
}
