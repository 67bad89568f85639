import { eventListing, operationOption } from '../common';

export const { option, description, execute } = eventListing(
	operationOption(
		'Get Polls',
		'getPolls',
		'Get the poll answers of an event',
		'List who answered the polls of an event: one item per respondent (name, email), with their answers in "polls" (question, answer, time_stamp)',
	),
	'The event whose poll answers to get',
	async (client, airmeetId, count) => await client.listPolls(airmeetId, count),
);
