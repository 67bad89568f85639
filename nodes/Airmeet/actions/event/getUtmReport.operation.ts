import { reportOperation } from '../report';

export const { option, description, execute } = reportOperation(
	{
		name: 'Get UTM Report',
		value: 'getUtmReport',
		action: 'Get the UTM report of an event',
		description: 'The UTM parameters registrants came with (Airmeet syncs them within 90 minutes; prepared on demand)',
	},
	'utms',
	'event',
);
