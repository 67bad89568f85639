import { resource } from '../common';
import * as create from './create.operation';
import * as finish from './finish.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getAttendance from './getAttendance.operation';
import * as getBooths from './getBooths.operation';
import * as getCustomFields from './getCustomFields.operation';
import * as getPolls from './getPolls.operation';
import * as getQuestions from './getQuestions.operation';
import * as getRecordings from './getRecordings.operation';
import * as getReplayAttendance from './getReplayAttendance.operation';
import * as getTracks from './getTracks.operation';
import * as getUtmReport from './getUtmReport.operation';
import * as start from './start.operation';

export const event = resource(
	{ name: 'Event', value: 'event' },
	[
		create,
		finish,
		get,
		getAll,
		getAttendance,
		getBooths,
		getCustomFields,
		getPolls,
		getQuestions,
		getRecordings,
		getReplayAttendance,
		getTracks,
		getUtmReport,
		start,
	],
	'getAll',
);
