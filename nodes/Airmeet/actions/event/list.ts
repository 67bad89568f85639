import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { EVENT_FIELD, eventLocator } from '../../locators';
import type { AirmeetClient, EventList } from '../../transport';
import type { AirmeetOperation } from '../common';
import { locatorId, operationOption } from '../common';

/** An operation that reads one of the lists Airmeet answers for an event in a single call. */
export function eventListOperation(
	name: string,
	value: string,
	action: string,
	description: string,
	list: EventList,
): AirmeetOperation {
	return {
		option: operationOption(name, value, action, description),
		description: [eventLocator({ required: true, description: 'The event to read' })],
		async execute(this: IExecuteFunctions, client: AirmeetClient, itemIndex: number): Promise<IDataObject[]> {
			return await client.eventList(locatorId(this, EVENT_FIELD, itemIndex, true), list);
		},
	};
}
