import { randomBytes } from 'crypto';
import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodeListSearchResult,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { runForEachItem } from '../shared/execute';
import { requestedCount, requireHttpUrl, returnAllFields } from '../shared/fields';
import { SIMPLYMEET_EVENTS, isSimplyMeetEvent } from './events';
import type { SimplyMeetWebhook } from './transport';
import { SimplyMeetClient } from './transport';

const webhookOperation = (operation: string) => ({
	show: { resource: ['webhook'], operation: [operation] },
});

/** Node output never carries a signing secret: it says whether one is set instead. */
function publicWebhook(hook: SimplyMeetWebhook): IDataObject {
	const { secret, ...rest } = hook;
	return { ...rest, hasSecret: typeof secret === 'string' && secret !== '' };
}

export class SimplyMeet implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SimplyMeet',
		name: 'simplyMeet',
		icon: { light: 'file:simplymeet.svg', dark: 'file:simplymeet.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage the webhooks of a SimplyMeet.me account',
		defaults: { name: 'SimplyMeet' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'simplyMeetApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Webhook', value: 'webhook' }],
				default: 'webhook',
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
				description: 'The meeting events to send to the URL',
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
			{
				displayName: 'Webhook',
				name: 'webhookId',
				type: 'resourceLocator',
				required: true,
				default: { mode: 'list', value: '' },
				description: 'The webhook to delete',
				displayOptions: webhookOperation('delete'),
				modes: [
					{
						displayName: 'From List',
						name: 'list',
						type: 'list',
						typeOptions: { searchListMethod: 'searchWebhooks', searchable: true },
					},
					{
						displayName: 'ID',
						name: 'id',
						type: 'string',
						placeholder: 'e.g. 0b6c7d8e-1f2a-4b3c-9d4e-5f6a7b8c9d0e',
						validation: [
							{
								type: 'regex',
								properties: { regex: '^[A-Za-z0-9-]+$', errorMessage: 'A webhook UUID has only letters, digits and dashes' },
							},
						],
					},
				],
			},
			...returnAllFields(webhookOperation('getAll')),
		],
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
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const client = await SimplyMeetClient.connect(this);
		return await runForEachItem(this, async (itemIndex) =>
			await runOperation(this, client, this.getNodeParameter('operation', itemIndex) as string, itemIndex),
		);
	}
}

async function runOperation(
	ctx: IExecuteFunctions,
	client: SimplyMeetClient,
	operation: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	if (operation === 'create') {
		const url = requireHttpUrl(ctx, itemIndex);
		const events = ctx.getNodeParameter('events', itemIndex) as string[];
		if (events.length === 0 || !events.every(isSimplyMeetEvent)) {
			throw new NodeOperationError(ctx.getNode(), 'Choose at least one known event in the "Events" field', {
				itemIndex,
			});
		}
		const secret = (ctx.getNodeParameter('secret', itemIndex, '') as string) || randomBytes(32).toString('hex');
		return [publicWebhook(await client.createWebhook({ url, events, secret }))];
	}
	if (operation === 'getAll') {
		return (await client.listWebhooks(requestedCount(ctx, itemIndex))).map(publicWebhook);
	}
	if (operation === 'delete') {
		const uuid = String(ctx.getNodeParameter('webhookId', itemIndex, '', { extractValue: true })).trim();
		if (!/^[A-Za-z0-9-]+$/.test(uuid)) {
			throw new NodeOperationError(ctx.getNode(), 'The "Webhook" field needs a webhook UUID', { itemIndex });
		}
		await client.deleteWebhook(uuid, { missingIsGone: false });
		return [{ uuid, deleted: true }];
	}
	throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" is not supported`, { itemIndex });
}
