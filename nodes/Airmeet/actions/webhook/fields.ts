import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AirmeetTriggerType } from '../../triggers';
import { AIRMEET_TRIGGERS } from '../../triggers';
import { chosenTrigger, triggerField } from '../../webhookConfig';
import { itemParameters } from '../common';

/** The label of the trigger field in the Airmeet node, as its errors name it. */
export const TRIGGER_FIELD = 'Trigger';

/** The Trigger field of the Airmeet node; its description lists the trigger IDs, for expressions and AI agents. */
export function triggerChoice(description: string): INodeProperties {
	return triggerField({
		displayName: TRIGGER_FIELD,
		noDataExpression: false,
		description: `${description}. One of: ${AIRMEET_TRIGGERS.map((trigger) => trigger.id).join(', ')}`,
	});
}

export function readTrigger(ctx: IExecuteFunctions, itemIndex: number): AirmeetTriggerType {
	const trigger = chosenTrigger(itemParameters(ctx, itemIndex), TRIGGER_FIELD);
	if (typeof trigger === 'string') throw new NodeOperationError(ctx.getNode(), trigger, { itemIndex });
	return trigger;
}

export const URL_FIELD: INodeProperties = {
	displayName: 'URL',
	name: 'url',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'https://example.com/airmeet-events',
	description: 'The address Airmeet delivers to. To deregister, the URL the webhook was registered with.',
};
