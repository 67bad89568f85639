import { eventListing, operationOption } from '../common';

export const { option, description, execute } = eventListing(
	operationOption(
		'Get Many',
		'getAll',
		'Get many participants',
		'List the people authorized to enter an event, with their registration details',
	),
	'The event of the participants',
	async (client, airmeetId, count) => await client.listParticipants(airmeetId, count),
);
