import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { AirmeetClient, EventList } from '../../transport';
import type { AirmeetOperation } from '../common';
import { eventOperation, operationOption } from '../common';

/** An operation that reads one of the lists Airmeet answers for an event in a single call. */
export function eventListOperation(
	name: string,
	value: string,
	action: string,
	description: string,
	list: EventList,
): AirmeetOperation {
	return eventOperation({
		option: operationOption(name, value, action, description),
		event: 'The event to read',
		async run(this: IExecuteFunctions, client: AirmeetClient, airmeetId: string): Promise<IDataObject[]> {
			return await client.eventList(airmeetId, list);
		},
	});
}
