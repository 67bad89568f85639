import { spawnSync } from 'child_process';
import * as path from 'path';

import { FAKE_TRIGGERS } from './fakes/airmeetFake';
import { SIMPLYMEET_EVENTS } from './fakes/simplyMeetFake';
import { didYouMean, editDistance, suggest, triggerIdEnds } from '../tools/lib/suggest';

const ROOT = path.resolve(__dirname, '..');
const AIRMEET_TRIGGERS = Object.keys(FAKE_TRIGGERS);
const airmeet = (given: string) => suggest(given, AIRMEET_TRIGGERS, triggerIdEnds);

describe('editDistance', () => {
	test.each([
		['meetingScheduled', 'meetingScheduled', 0],
		['meetingSchedulled', 'meetingScheduled', 1],
		['MEETINGscheduled', 'meetingScheduled', 0],
		['meetingCanceled', 'meetingCancelled', 1],
		['sheduledMeeting', 'meetingScheduled', 14],
		['', 'abc', 3],
		['abc', '', 3],
		['kitten', 'sitting', 3],
	])('%s -> %s: %i', (from, to, distance) => {
		expect(editDistance(from, to)).toBe(distance);
		expect(editDistance(to, from)).toBe(distance);
	});
});

describe('suggest: SimplyMeet events', () => {
	test('a typo gives the event it was meant to be', () => {
		expect(suggest('meetingSchedulled', SIMPLYMEET_EVENTS)).toEqual(['meetingScheduled']);
		expect(suggest('meetingCanceled', SIMPLYMEET_EVENTS)).toEqual(['meetingCancelled']);
		expect(suggest('meetingrescheduled', SIMPLYMEET_EVENTS)).toEqual(['meetingRescheduled']);
		expect(suggest('metingResheduled', SIMPLYMEET_EVENTS)).toEqual(['meetingRescheduled']);
	});

	test('a part of a name gives every name holding it', () => {
		expect(suggest('cancel', SIMPLYMEET_EVENTS)).toEqual(['meetingCancelled']);
		expect(suggest('Scheduled', SIMPLYMEET_EVENTS)).toEqual(['meetingScheduled', 'meetingRescheduled']);
	});

	test('nothing like any event gives no suggestion', () => {
		expect(suggest('registrant.added', SIMPLYMEET_EVENTS)).toEqual([]);
		expect(suggest('xy', SIMPLYMEET_EVENTS)).toEqual([]);
		expect(suggest('', SIMPLYMEET_EVENTS)).toEqual([]);
	});
});

describe('suggest: Airmeet triggers, typed whole or by their end', () => {
	test('the ends simulate accepts', () => {
		expect(triggerIdEnds('trigger.airmeet.registrant.added')).toEqual([
			'trigger.airmeet.registrant.added',
			'airmeet.registrant.added',
			'registrant.added',
			'added',
		]);
	});

	test('a typo of an id or of an end gives the whole id', () => {
		expect(airmeet('registrant.aded')).toEqual(['trigger.airmeet.registrant.added']);
		expect(airmeet('trigger.airmeet.registrnt.added')).toEqual(['trigger.airmeet.registrant.added']);
		expect(airmeet('session.attendee.joind')).toEqual(['trigger.session.attendee.joined']);
		expect(airmeet('reminer')).toEqual(['trigger.airmeet.reminder']);
		expect(airmeet('pols')).toEqual(['trigger.airmeet.polls']);
	});

	test('ties are all named', () => {
		expect(airmeet('aded')).toEqual(['trigger.airmeet.attendee.added', 'trigger.airmeet.registrant.added']);
	});

	test('a part of an id gives the ids holding it', () => {
		expect(airmeet('booth')).toEqual(['trigger.attendee.booth.joined']);
		expect(airmeet('recording')).toEqual(['trigger.airmeet.recording.available']);
	});

	test('a SimplyMeet event is not taken for an Airmeet trigger', () => {
		expect(airmeet('meetingScheduled')).toEqual([]);
	});
});

test('didYouMean words the suggestions, and says nothing without any', () => {
	expect(didYouMean(['meetingScheduled'])).toBe(': did you mean meetingScheduled?');
	expect(didYouMean(['a', 'b'])).toBe(': did you mean a or b?');
	expect(didYouMean([])).toBe('');
});

describe('npm run simulate with a mistyped name', () => {
	/** Runs tools/simulate.ts as `npm run simulate` does; a mistyped name fails before any sandbox is needed. */
	function simulate(...args: string[]): { status: number | null; stderr: string } {
		const run = spawnSync(process.execPath, [path.join(ROOT, 'tools', 'run-ts.js'), 'tools/simulate.ts', ...args], {
			cwd: ROOT,
			encoding: 'utf8',
			timeout: 60_000,
		});
		return { status: run.status, stderr: run.stderr };
	}

	test('a SimplyMeet event: the suggestion, and only SimplyMeet events listed', () => {
		const { status, stderr } = simulate('simplymeet', 'meetingSchedulled');
		expect(status).toBe(1);
		expect(stderr.split('\n')[0]).toBe('[simulate] "meetingSchedulled" is not a SimplyMeet event: did you mean meetingScheduled?');
		for (const event of SIMPLYMEET_EVENTS) expect(stderr).toContain(`  ${event}\n`);
		expect(stderr).not.toContain('trigger.');
		expect(stderr).not.toContain('npm run simulate -- airmeet');
	});

	test('an Airmeet trigger: the suggestion, and only Airmeet triggers listed', () => {
		const { status, stderr } = simulate('airmeet', 'registrant.aded');
		expect(status).toBe(1);
		expect(stderr.split('\n')[0]).toBe(
			'[simulate] "registrant.aded" is not an Airmeet trigger: did you mean trigger.airmeet.registrant.added?',
		);
		for (const id of AIRMEET_TRIGGERS) expect(stderr).toContain(`  ${id}`);
		expect(stderr).not.toContain('meeting');
		expect(stderr).not.toContain('npm run simulate -- simplymeet');
	});
});
