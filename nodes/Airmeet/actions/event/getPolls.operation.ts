import { eventListOperation } from './list';

export const { option, description, execute } = eventListOperation(
	'Get Polls',
	'getPolls',
	'Get the polls of an event',
	'List the polls of an event with the answers given',
	'polls',
);
