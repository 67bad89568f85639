import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requestedCount, returnAllFields } from '../../../shared/fields';
import type { AirmeetClient } from '../../transport';
import { operationOption } from '../common';

export const option = operationOption('Get Many', 'getAll', 'Get many events', 'List the events of the community');

export const description: INodeProperties[] = returnAllFields();

export async function execute(this: IExecuteFunctions, client: AirmeetClient, itemIndex: number): Promise<IDataObject[]> {
	return await client.listEvents(requestedCount(this, itemIndex));
}
