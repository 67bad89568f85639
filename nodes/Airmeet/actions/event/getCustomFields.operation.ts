import { eventListOperation } from './list';

export const { option, description, execute } = eventListOperation(
	'Get Custom Fields',
	'getCustomFields',
	'Get the custom registration fields of an event',
	'List the custom registration fields of an event, with their IDs and options (for Add Participant)',
	'customFields',
);
