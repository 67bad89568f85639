import { eventListing, operationOption } from '../common';

export const { option, description, execute } = eventListing(
	operationOption(
		'Get Many',
		'getAll',
		'Get many sessions',
		'List the sessions of an event, with their IDs, times and status',
	),
	'The event of the sessions',
	async (client, airmeetId, count) => (await client.listSessions(airmeetId)).slice(0, count),
);
