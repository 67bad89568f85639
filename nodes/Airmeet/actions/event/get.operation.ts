import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { AirmeetClient } from '../../transport';
import { eventOperation, operationOption } from '../common';

async function run(this: IExecuteFunctions, client: AirmeetClient, airmeetId: string): Promise<IDataObject[]> {
	return [await client.eventInfo(airmeetId)];
}

export const { option, description, execute } = eventOperation({
	option: operationOption('Get', 'get', 'Get an event', 'Get the details of an event, sessions included'),
	event: 'The event to get',
	run,
});
