import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requestedCount, returnAllFields } from '../../../shared/fields';
import { EVENT_FIELD, eventLocator } from '../../locators';
import type { AirmeetClient } from '../../transport';
import { locatorId, operationOption } from '../common';

export const option = operationOption(
	'Get Many',
	'getAll',
	'Get many registrations',
	'List the completed registrations of an event',
);

export const description: INodeProperties[] = [
	eventLocator({
		required: true,
		description: 'The event of the registrations',
	}),
	...returnAllFields(),
];

export async function execute(this: IExecuteFunctions, client: AirmeetClient, itemIndex: number): Promise<IDataObject[]> {
	return await client.listRegistrations(locatorId(this, EVENT_FIELD, itemIndex, true), requestedCount(this, itemIndex));
}
