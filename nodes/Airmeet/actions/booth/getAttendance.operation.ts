import { reportOperation } from '../report';

export const { option, description, execute } = reportOperation(
	{
		name: 'Get Attendance',
		value: 'getAttendance',
		action: 'Get the attendance of a booth',
		description: 'Who visited a booth of a finished event (a report Airmeet prepares on demand)',
	},
	'boothAttendance',
	'booth',
);
