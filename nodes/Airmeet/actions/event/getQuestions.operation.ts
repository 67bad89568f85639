import { eventListOperation } from './list';

// One call, not paged: Parsons (fetch_questions_asked) reads `/questions` whole, unlike `/polls`.
export const { option, description, execute } = eventListOperation(
	'Get Questions',
	'getQuestions',
	'Get the questions asked in an event',
	'List the questions asked during an event: one item per attendee who asked (name, email), with their questions in "questions"',
	'questions',
);
