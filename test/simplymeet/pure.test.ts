import { inferEvent, unwrapMeeting } from '../../nodes/SimplyMeet/events';
import { hasValidSignature, signBody } from '../../nodes/SimplyMeet/signature';
import { sameNameSet, sortRemoteHooks } from '../../nodes/shared/remoteHooks';

describe('signature', () => {
	const body = Buffer.from('{"data":{"uuid":"1"}}');

	it('accepts the HMAC-SHA256 of the raw body in base64', () => {
		expect(hasValidSignature('s3cret', body, signBody('s3cret', body))).toBe(true);
	});

	it('accepts a sha256= prefix', () => {
		expect(hasValidSignature('s3cret', body, `sha256=${signBody('s3cret', body)}`)).toBe(true);
	});

	it.each([
		['missing', undefined],
		['empty', ''],
		['garbage', '!!!'],
		['another secret', signBody('other', body)],
		['truncated', signBody('s3cret', body).slice(0, 10)],
	])('rejects a %s signature', (_, header) => {
		expect(hasValidSignature('s3cret', body, header)).toBe(false);
	});

	it('rejects everything when no secret is known', () => {
		expect(hasValidSignature('', body, signBody('', body))).toBe(false);
	});
});

describe('payload shaping', () => {
	it('unwraps the documented {data: meeting} shape', () => {
		expect(unwrapMeeting({ data: { uuid: 'm1' } })).toEqual({ uuid: 'm1' });
	});

	it('keeps a flat meeting as it is, even one with its own data field', () => {
		expect(unwrapMeeting({ uuid: 'm1', data: { x: 1 } })).toEqual({ uuid: 'm1', data: { x: 1 } });
	});

	it.each([null, 'text', [1, 2]])('has no meeting in %j', (body) => {
		expect(unwrapMeeting(body)).toBeUndefined();
	});

	it.each([
		[{ canceled_at: '2026-01-01' }, 'meetingCancelled'],
		[{ rescheduling: { from: 'x' } }, 'meetingRescheduled'],
		[{ canceled_at: null, rescheduling: null }, 'meetingScheduled'],
		[{ event: 'meetingCancelled' }, 'meetingCancelled'],
		[{ event: 'somethingElse', canceled_at: null }, 'meetingScheduled'],
	])('infers the event of %j as %s', (meeting, event) => {
		expect(inferEvent({}, meeting)).toBe(event);
	});

	it('prefers an event named by the envelope', () => {
		expect(inferEvent({ event: 'meetingRescheduled' }, { canceled_at: '2026-01-01' })).toBe('meetingRescheduled');
	});
});

describe('matching remote hooks to ours', () => {
	const ours = 'https://n8n.example/webhook/abc/webhook';
	const hook = (id: string, url: string, events: string[]) => ({ id, url, events });

	it('adopts the first exact fit and marks the other hooks on our URL stale', () => {
		const hooks = [
			hook('a', 'https://elsewhere', ['x']),
			hook('b', ours, ['y']),
			hook('c', ours, ['x']),
			hook('d', ours, ['x']),
		];
		const sorting = sortRemoteHooks(hooks, ours, (h) => h.url, (h) => sameNameSet(h.events, ['x']));
		expect(sorting.match?.id).toBe('c');
		expect(sorting.stale.map((h) => h.id)).toEqual(['b', 'd']);
	});

	it('never touches hooks on other URLs, even ones that differ only by a trailing slash', () => {
		const sorting = sortRemoteHooks([hook('a', `${ours}/`, ['x'])], ours, (h) => h.url, () => true);
		expect(sorting).toEqual({ match: undefined, stale: [] });
	});

	it('compares event sets regardless of order and repeats', () => {
		expect(sameNameSet(['a', 'b'], ['b', 'a', 'a'])).toBe(true);
		expect(sameNameSet(['a'], ['a', 'b'])).toBe(false);
	});
});
