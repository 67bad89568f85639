import { deliveredEvent, inferEvent, unwrapMeeting } from '../../nodes/SimplyMeet/events';
import { hasValidSignature, signBody } from '../../nodes/SimplyMeet/signature';
import { sameNameSet, sortRemoteHooks } from '../../nodes/shared/remoteHooks';
import type { SignatureEncoding } from '../fakes/simplyMeetFake';
import { SIGNATURE_ENCODINGS, simplyMeetSignature } from '../fakes/simplyMeetFake';

describe('signature', () => {
	const body = Buffer.from('{"data":{"uuid":"1"}}');
	const sign = (secret: string, encoding: SignatureEncoding) => simplyMeetSignature(secret, body.toString(), encoding);

	it('the three forms have the lengths that tell them apart', () => {
		expect(SIGNATURE_ENCODINGS.map((encoding) => sign('s3cret', encoding).length)).toEqual([44, 88, 64]);
	});

	it.each(SIGNATURE_ENCODINGS)('accepts the HMAC-SHA256 of the raw body as %s', (encoding) => {
		expect(hasValidSignature('s3cret', body, sign('s3cret', encoding))).toBe(true);
	});

	it.each(SIGNATURE_ENCODINGS)('accepts %s with a sha256= prefix', (encoding) => {
		expect(hasValidSignature('s3cret', body, `sha256=${sign('s3cret', encoding)}`)).toBe(true);
	});

	it('accepts the hex digest in capitals', () => {
		expect(hasValidSignature('s3cret', body, sign('s3cret', 'hex').toUpperCase())).toBe(true);
	});

	it.each(SIGNATURE_ENCODINGS)('rejects %s made with another secret', (encoding) => {
		expect(hasValidSignature('s3cret', body, sign('other', encoding))).toBe(false);
	});

	it.each(SIGNATURE_ENCODINGS)('rejects %s of another body', (encoding) => {
		expect(hasValidSignature('s3cret', Buffer.from('{"data":{"uuid":"2"}}'), sign('s3cret', encoding))).toBe(false);
	});

	it.each(SIGNATURE_ENCODINGS)('rejects %s truncated by one character', (encoding) => {
		expect(hasValidSignature('s3cret', body, sign('s3cret', encoding).slice(0, -1))).toBe(false);
	});

	it.each(SIGNATURE_ENCODINGS)('rejects %s with one character too many', (encoding) => {
		expect(hasValidSignature('s3cret', body, `${sign('s3cret', encoding)}0`)).toBe(false);
	});

	it('rejects base64 of something other than a hex digest, even of the right length', () => {
		const notHex = Buffer.from(`${sign('s3cret', 'hex').slice(0, 63)}g`).toString('base64');
		expect(hasValidSignature('s3cret', body, notHex)).toBe(false);
	});

	it.each([
		['missing', undefined],
		['empty', ''],
		['only the prefix', 'sha256='],
		['garbage', '!!!'],
		['base64 of the digest without its padding', sign('s3cret', 'base64').replace('=', '')],
		['another prefix', `sha1=${sign('s3cret', 'hex')}`],
	])('rejects a %s signature', (_, header) => {
		expect(hasValidSignature('s3cret', body, header)).toBe(false);
	});

	it('rejects everything when no secret is known', () => {
		expect(hasValidSignature('', body, signBody('', body))).toBe(false);
	});

	it('signBody writes the documented form', () => {
		expect(signBody('s3cret', body)).toBe(sign('s3cret', 'base64'));
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

	it('a hook subscribed to one event names that event, whatever the meeting looks like', () => {
		expect(deliveredEvent(['meetingRescheduled'], {}, { canceled_at: null, rescheduling: null })).toBe('meetingRescheduled');
		expect(deliveredEvent(['meetingScheduled'], {}, { canceled_at: '2026-01-01' })).toBe('meetingScheduled');
	});

	it.each([
		[['meetingScheduled', 'meetingCancelled'], 'meetingCancelled'],
		[[], 'meetingCancelled'],
		[undefined, 'meetingCancelled'],
		[['notAnEvent'], 'meetingCancelled'],
	])('a hook subscribed to %j infers the event', (subscribed, event) => {
		expect(deliveredEvent(subscribed, {}, { canceled_at: '2026-01-01' })).toBe(event);
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
