import { reportOperation } from '../report';

export const { option, description, execute } = reportOperation(
	{
		name: 'Get Attendance',
		value: 'getAttendance',
		action: 'Get the attendance of an event',
		description: 'Who attended a finished event and for how long (a report Airmeet prepares on demand)',
	},
	'eventAttendance',
	'event',
);
