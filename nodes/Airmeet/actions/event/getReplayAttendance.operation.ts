import { reportOperation } from '../report';

export const { option, description, execute } = reportOperation(
	{
		name: 'Get Replay Attendance',
		value: 'getReplayAttendance',
		action: 'Get the replay attendance of an event',
		description: 'Who watched the replay of a finished event (a report Airmeet prepares on demand)',
	},
	'replayAttendance',
	'event',
);
