import { eventListOperation } from './list';

export const { option, description, execute } = eventListOperation(
	'Get Tracks',
	'getTracks',
	'Get the tracks of an event',
	'List the tracks of an event',
	'tracks',
);
