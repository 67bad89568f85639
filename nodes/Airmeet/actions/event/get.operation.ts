import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { EVENT_FIELD, eventLocator } from '../../locators';
import type { AirmeetClient } from '../../transport';
import { locatorId, operationOption } from '../common';

export const option = operationOption('Get', 'get', 'Get an event', 'Get the details of an event, sessions included');

export const description: INodeProperties[] = [eventLocator({ required: true, description: 'The event to get' })];

export async function execute(this: IExecuteFunctions, client: AirmeetClient, itemIndex: number): Promise<IDataObject[]> {
	return [await client.eventInfo(locatorId(this, EVENT_FIELD, itemIndex, true))];
}
