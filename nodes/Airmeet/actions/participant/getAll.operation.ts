import type { IDataObject, IExecuteFunctions, INodePropertyOptions } from 'n8n-workflow';

import type { ChoiceField } from '../../../shared/fields';
import { allowedValues, optionalChoice, requestedCount, returnAllFields } from '../../../shared/fields';
import type { AirmeetClient } from '../../transport';
import { eventOperation, operationOption } from '../common';

/** The sort keys and directions of the certified connector (PowerPlatformConnectors, AirmeetParticipants). */
const SORT_KEYS: INodePropertyOptions[] = [
	{ name: 'Email', value: 'email' },
	{ name: 'Name', value: 'name' },
	{ name: 'Registration Date', value: 'registrationDate' },
];
const SORT_KEY_FIELD: ChoiceField = { displayName: 'Sort By', options: SORT_KEYS };

const SORT_DIRECTIONS: INodePropertyOptions[] = [
	{ name: 'Ascending', value: 'ASC' },
	{ name: 'Descending', value: 'DESC' },
];
const SORT_DIRECTION_FIELD: ChoiceField = { displayName: 'Sort Direction', options: SORT_DIRECTIONS };

async function run(this: IExecuteFunctions, client: AirmeetClient, airmeetId: string, itemIndex: number): Promise<IDataObject[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const sort: IDataObject = {};
	const sortingKey = optionalChoice(this, options.sortingKey, SORT_KEY_FIELD, itemIndex);
	const sortingDirection = optionalChoice(this, options.sortingDirection, SORT_DIRECTION_FIELD, itemIndex);
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
					description: `The order of the participants, one of: ${allowedValues(SORT_KEY_FIELD)}. Not set: Airmeet's own order.`,
				},
				{
					displayName: 'Sort Direction',
					name: 'sortingDirection',
					type: 'options',
					options: SORT_DIRECTIONS,
					default: 'ASC',
					description: `Ascending or descending, one of: ${allowedValues(SORT_DIRECTION_FIELD)}. Not set: Airmeet's own direction.`,
				},
			],
		},
	],
	run,
});
