import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requestedCount, returnAllFields } from '../../../shared/fields';
import { EVENT_FIELD, eventLocator } from '../../locators';
import type { AirmeetClient } from '../../transport';
import { locatorId, operationOption } from '../common';

export const option = operationOption(
	'Get Many',
	'getAll',
	'Get many participants',
	'List the people authorized to enter an event, with their registration details',
);

export const description: INodeProperties[] = [
	eventLocator({
		required: true,
		description: 'The event of the participants',
	}),
	...returnAllFields(),
];

export async function execute(this: IExecuteFunctions, client: AirmeetClient, itemIndex: number): Promise<IDataObject[]> {
	const airmeetId = locatorId(this, EVENT_FIELD, itemIndex, true);
	return await client.listParticipants(airmeetId, requestedCount(this, itemIndex));
}
