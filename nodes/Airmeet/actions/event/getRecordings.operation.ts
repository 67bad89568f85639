import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ID_PATTERN } from '../../locators';
import type { AirmeetClient } from '../../transport';
import { eventOperation, operationOption } from '../common';

const FIELDS: INodeProperties[] = [
	{
		displayName: 'Session IDs',
		name: 'sessionIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 3f2a9c4e-..., 9b1d2e3f-...',
		description: 'The sessions whose recordings to get, separated by commas. Leave empty for every session of the event.',
	},
];

async function run(this: IExecuteFunctions, client: AirmeetClient, airmeetId: string, itemIndex: number): Promise<IDataObject[]> {
	const listed = String(this.getNodeParameter('sessionIds', itemIndex, '') ?? '')
		.split(',')
		.map((id) => id.trim())
		.filter((id) => id !== '');
	const bad = listed.find((id) => !ID_PATTERN.test(id));
	if (bad !== undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`The "Session IDs" field needs IDs made of letters, digits and dashes, got "${bad}"`,
			{ itemIndex },
		);
	}
	return await client.listRecordings(airmeetId, listed);
}

export const { option, description, execute } = eventOperation({
	option: operationOption(
		'Get Recordings',
		'getRecordings',
		'Get the recordings of an event',
		"Get the download links of an event's session recordings (they work for 6 hours)",
	),
	event: 'The event of the recordings',
	fields: FIELDS,
	run,
});
