import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requestedCount, returnAllFields } from '../../../shared/fields';
import { EVENT_FIELD, eventLocator } from '../../locators';
import type { AirmeetClient } from '../../transport';
import { locatorId, operationOption } from '../common';

export const option = operationOption(
	'Get Many',
	'getAll',
	'Get many sessions',
	'List the sessions of an event, with their IDs, times and status',
);

export const description: INodeProperties[] = [
	eventLocator({ required: true, description: 'The event of the sessions' }),
	...returnAllFields(),
];

export async function execute(this: IExecuteFunctions, client: AirmeetClient, itemIndex: number): Promise<IDataObject[]> {
	const sessions = await client.listSessions(locatorId(this, EVENT_FIELD, itemIndex, true));
	return sessions.slice(0, requestedCount(this, itemIndex));
}
