import { eventListOperation } from './list';

export const { option, description, execute } = eventListOperation(
	'Get Booths',
	'getBooths',
	'Get the booths of an event',
	'List the booths of an event, with their IDs',
	'booths',
);
