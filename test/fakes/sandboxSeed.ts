import type { AirmeetFake, FakeAirmeetEvent, FakeSession } from './airmeetFake';

/**
 * A small Airmeet community for the sandbox and the end-to-end tests. The ids are fixed because
 * the example workflows in examples/ name them: the event- and session-scoped examples publish
 * as they are against a fake seeded with this.
 */
export const DEMO_EVENT_ID = '6f1c2a9e-3b4d-4c5e-8f70-1a2b3c4d5e6f';
export const DEMO_SESSION_ID = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
export const DEMO_SECOND_EVENT_ID = '2d4e6f80-1a3b-4c5d-9e7f-8a9b0c1d2e3f';

export interface DemoCommunity {
	launch: FakeAirmeetEvent;
	keynote: FakeSession;
	meetup: FakeAirmeetEvent;
}

export function seedDemoCommunity(fake: AirmeetFake): DemoCommunity {
	const launch = fake.seedEvent({
		uid: DEMO_EVENT_ID,
		name: 'Product Launch 2026',
		status: 'CREATED',
		startTime: Date.UTC(2026, 11, 1, 10),
		endTime: Date.UTC(2026, 11, 1, 12),
	});
	const keynote = fake.seedSession(launch, {
		sessionid: DEMO_SESSION_ID,
		name: 'Opening keynote',
		start_time: '2026-12-01T10:00:00.000Z',
		duration: 45,
	});
	fake.seedSession(launch, { name: 'Hands-on workshop', start_time: '2026-12-01T11:00:00.000Z', duration: 60 });
	fake.seedParticipants(launch, 3);
	const meetup = fake.seedEvent({
		uid: DEMO_SECOND_EVENT_ID,
		name: 'Community Meetup',
		status: 'CREATED',
		startTime: Date.UTC(2026, 11, 15, 17),
		endTime: Date.UTC(2026, 11, 15, 19),
	});
	fake.seedSession(meetup, { name: 'Lightning talks', start_time: '2026-12-15T17:00:00.000Z', duration: 90 });
	return { launch, keynote, meetup };
}
