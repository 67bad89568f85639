import { statusOperation } from './status';

export const { option, description, execute } = statusOperation(
	'Finish',
	'finish',
	'FINISHED',
	'End an event now (its status becomes FINISHED, and its attendance reports can be prepared)',
);
