import { reportOperation } from '../report';

export const { option, description, execute } = reportOperation(
	{
		name: 'Get Attendance',
		value: 'getAttendance',
		action: 'Get the attendance of a session',
		description: 'Who attended a finished session and for how long (a report Airmeet prepares on demand)',
	},
	'sessionAttendance',
	'session',
);
