/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * The fakes, unchanged, with a clock on every call they answer: when the request arrived and
 * when its answer was ready. The benchmark counts a phase's remote calls and times it up to the
 * last answer (activation runs after n8n's API has answered).
 */
import { performance } from 'perf_hooks';

import { AirmeetFake } from '../../test/fakes/airmeetFake';
import type { FakeAnswer, RecordedCall } from '../../test/fakes/fakeService';
import { SimplyMeetFake } from '../../test/fakes/simplyMeetFake';

export interface TimedCall {
	method: string;
	path: string;
	status: number;
	/** performance.now() at arrival and when the answer was handed back. */
	at: number;
	answeredAt: number;
}

export interface Timed {
	readonly timeline: TimedCall[];
}

function record(timeline: TimedCall[], call: RecordedCall, answer: () => FakeAnswer): FakeAnswer {
	const at = performance.now();
	const result = answer();
	timeline.push({ method: call.method, path: call.path, status: result.status, at, answeredAt: performance.now() });
	return result;
}

export class TimedSimplyMeetFake extends SimplyMeetFake implements Timed {
	readonly timeline: TimedCall[] = [];

	protected handle(call: RecordedCall): FakeAnswer {
		return record(this.timeline, call, () => super.handle(call));
	}
}

export class TimedAirmeetFake extends AirmeetFake implements Timed {
	readonly timeline: TimedCall[] = [];

	protected handle(call: RecordedCall): FakeAnswer {
		return record(this.timeline, call, () => super.handle(call));
	}
}

/** Calls answered since `since` (a performance.now() value). */
export function callsSince(fake: Timed, since: number): TimedCall[] {
	return fake.timeline.filter((call) => call.at >= since);
}
