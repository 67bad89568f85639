import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireHttpUrl } from '../../../shared/fields';
import { ID_PATTERN } from '../../locators';
import type { AirmeetClient } from '../../transport';
import { URL_FIELD, readTrigger, triggerChoice } from './fields';
import { operationOption } from '../common';

export const option = operationOption(
	'Deregister',
	'deregister',
	'Deregister a webhook',
	'Remove a webhook from Airmeet, given its trigger, URL and (when Airmeet named one) its ID',
);

export const description: INodeProperties[] = [
	triggerChoice('The trigger the webhook was registered for'),
	{
		displayName: 'Webhook ID',
		name: 'webhookId',
		type: 'string',
		default: '',
		description:
			'The ID Airmeet gave the webhook when it was registered (see Get Many). Leave empty for a webhook Airmeet named no ID for: it is then deregistered by trigger and URL, a form no Airmeet source shows.',
	},
	URL_FIELD,
];

export async function execute(this: IExecuteFunctions, client: AirmeetClient, itemIndex: number): Promise<IDataObject[]> {
	const trigger = readTrigger(this, itemIndex);
	const id = String(this.getNodeParameter('webhookId', itemIndex, '') ?? '').trim() || undefined;
	if (id !== undefined && !ID_PATTERN.test(id)) {
		throw new NodeOperationError(
			this.getNode(),
			`The "Webhook ID" field needs an ID made of letters, digits and dashes, got "${id}"`,
			{
				itemIndex,
			},
		);
	}
	const url = requireHttpUrl(this, itemIndex);
	await client.deregisterWebhook({ id, triggerMetaInfoId: trigger.id, url }, { missingIsGone: false });
	// n8n's convention for deletions is `deleted: true`; `deregistered` stays for workflows that read it.
	return [
		{
			...(id !== undefined && { id }),
			triggerMetaInfoId: trigger.id,
			url,
			deleted: true,
			deregistered: true,
		},
	];
}
