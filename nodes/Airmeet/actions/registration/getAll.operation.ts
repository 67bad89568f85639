import { eventListing, operationOption } from '../common';

export const { option, description, execute } = eventListing(
	operationOption('Get Many', 'getAll', 'Get many registrations', 'List the completed registrations of an event'),
	'The event of the registrations',
	async (client, airmeetId, count) => await client.listRegistrations(airmeetId, count),
);
