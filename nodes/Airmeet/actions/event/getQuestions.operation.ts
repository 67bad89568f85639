import { eventListOperation } from './list';

export const { option, description, execute } = eventListOperation(
	'Get Questions',
	'getQuestions',
	'Get the questions asked in an event',
	'List the questions attendees asked during an event',
	'questions',
);
