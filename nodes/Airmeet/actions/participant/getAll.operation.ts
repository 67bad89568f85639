import type { IDataObject, IExecuteFunctions, INodePropertyOptions } from 'n8n-workflow';

import { requestedCount, returnAllFields } from '../../../shared/fields';
import type { AirmeetClient } from '../../transport';
import { eventOperation, operationOption } from '../common';
import { allowedValues, oneOf } from '../fields';

/** The sort keys and directions of the certified connector (PowerPlatformConnectors, AirmeetParticipants). */
const SORT_KEYS: INodePropertyOptions[] = [
	{ name: 'Email', value: 'email' },
	{ name: 'Name', value: 'name' },
	{ name: 'Registration Date', value: 'registrationDate' },
];

const SORT_DIRECTIONS: INodePropertyOptions[] = [
	{ name: 'Ascending', value: 'ASC' },
	{ name: 'Descending', value: 'DESC' },
];

async function run(this: IExecuteFunctions, client: AirmeetClient, airmeetId: string, itemIndex: number): Promise<IDataObject[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const sort: IDataObject = {};
	const sortingKey = oneOf(this, options.sortingKey, 'Sort By', SORT_KEYS, itemIndex);
	const sortingDirection = oneOf(this, options.sortingDirection, 'Sort Direction', SORT_DIRECTIONS, itemIndex);
	if (sortingKey) sort.sortingKey = sortingKey;
	if (sortingDirection) sort.sortingDirection = sortingDirection;
	return await client.listParticipants(airmeetId, requestedCount(this, itemIndex), sort);
}

export const { option, description, execute } = eventOperation({
	option: operationOption(
		'Get Many',
		'getAll',
		'Get many participants',
		'List the people authorized to enter an event, with their registration details',
	),
	event: 'The event of the participants',
	fields: [
		...returnAllFields(),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Sort By',
					name: 'sortingKey',
					type: 'options',
					options: SORT_KEYS,
					default: 'registrationDate',
					description: `The order of the participants: ${allowedValues(SORT_KEYS)}. Not set: Airmeet's own order.`,
				},
				{
					displayName: 'Sort Direction',
					name: 'sortingDirection',
					type: 'options',
					options: SORT_DIRECTIONS,
					default: 'ASC',
					description: `${allowedValues(SORT_DIRECTIONS)}. Not set: Airmeet's own direction.`,
				},
			],
		},
	],
	run,
});
