import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { payloadItems } from '../../payload';
import type { AirmeetClient } from '../../transport';
import { readTrigger, triggerChoice } from '../webhook/fields';
import { operationOption } from '../common';

export const option = operationOption(
	'Get',
	'get',
	'Get a sample payload',
	'Get an example of what a trigger delivers, one item per entry when it is a list',
);

export const description: INodeProperties[] = [triggerChoice(`The Airmeet trigger whose sample to get (its triggerMetaInfoId)`)];

export async function execute(this: IExecuteFunctions, client: AirmeetClient, itemIndex: number): Promise<IDataObject[]> {
	return payloadItems(await client.samplePayload(readTrigger(this, itemIndex).id));
}
