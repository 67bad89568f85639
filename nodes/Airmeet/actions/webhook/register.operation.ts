import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireHttpUrl } from '../../../shared/fields';
import type { AirmeetClient } from '../../transport';
import { WEBHOOK_OPTIONS_FIELD, readWebhookConfig, scopeFields } from '../../webhookConfig';
import { itemParameters, operationOption } from '../common';
import { TRIGGER_FIELD, URL_FIELD, triggerChoice } from './fields';

export const option = operationOption(
	'Register',
	'register',
	'Register a webhook',
	'Have Airmeet call a URL when a trigger fires, for an event, a session or the whole community; returns the new webhook',
);

export const description: INodeProperties[] = [
	triggerChoice('The Airmeet trigger (its triggerMetaInfoId)'),
	...scopeFields('the trigger watches', { fixed: false }),
	URL_FIELD,
	WEBHOOK_OPTIONS_FIELD,
];

export async function execute(this: IExecuteFunctions, client: AirmeetClient, itemIndex: number): Promise<IDataObject[]> {
	const config = readWebhookConfig(this.getNode(), itemParameters(this, itemIndex), TRIGGER_FIELD, itemIndex);
	const url = requireHttpUrl(this, itemIndex);
	const hook = {
		name: config.name,
		description: config.description,
		triggerMetaInfoId: config.trigger.id,
		url,
	};
	return [
		await client.registerWebhook(hook, {
			airmeetId: config.airmeetId,
			sessionId: config.sessionId,
		}),
	];
}
