import { statusOperation } from './status';

export const { option, description, execute } = statusOperation(
	'Start',
	'start',
	'ONGOING',
	'Start an event now (its status becomes ONGOING)',
);
