import { hooksServing, sameWebhookPath } from '../../nodes/shared/hookStore';

const ID = '0d6f3c8e-2b1a-4c55-9e7d-6a1b2c3d4e5f';
const OTHER_ID = '7e1a9b20-4c3d-4e8f-a1b2-c3d4e5f60718';
const production = (origin: string, id = ID) => `${origin}/webhook/${id}/webhook`;
const test = (origin: string, id = ID) => `${origin}/webhook-test/${id}/webhook`;
const OLD = 'http://127.0.0.1:5678';
const NEW = 'https://n8n.example.com';

describe('sameWebhookPath', () => {
	it('ignores the origin: scheme, host and port', () => {
		expect(sameWebhookPath(production(OLD), production(NEW))).toBe(true);
		expect(sameWebhookPath(production('http://localhost:5678'), production(OLD))).toBe(true);
	});

	it('keeps the path: another webhook id is another webhook', () => {
		expect(sameWebhookPath(production(OLD), production(OLD, OTHER_ID))).toBe(false);
		expect(sameWebhookPath(production(NEW), production(OLD, OTHER_ID))).toBe(false);
	});

	it('keeps test and production apart', () => {
		expect(sameWebhookPath(test(OLD), production(OLD))).toBe(false);
		expect(sameWebhookPath(test(NEW), production(OLD))).toBe(false);
		expect(sameWebhookPath(test(OLD), test(NEW))).toBe(true);
	});

	it('follows n8n behind a proxy that adds a path prefix, and ignores a trailing slash', () => {
		expect(sameWebhookPath(`${NEW}/n8n/webhook/${ID}/webhook`, production(OLD))).toBe(true);
		expect(sameWebhookPath(production(OLD), `${NEW}/n8n/webhook/${ID}/webhook/`)).toBe(true);
		expect(sameWebhookPath(`${NEW}/n8n/webhook-test/${ID}/webhook`, production(OLD))).toBe(false);
	});

	it('matches nothing with a degenerate path or text that is no URL', () => {
		expect(sameWebhookPath(`${OLD}/`, production(OLD))).toBe(false);
		expect(sameWebhookPath(`${OLD}/webhook`, production(OLD))).toBe(false);
		expect(sameWebhookPath('not a url', production(OLD))).toBe(false);
		expect(sameWebhookPath(production(OLD), '')).toBe(false);
	});
});

describe('hooksServing', () => {
	const stored = {
		[production(OLD)]: { id: 'old' },
		[production(NEW)]: { id: 'current' },
		[test(NEW)]: { id: 'test', test: true },
		[production(OLD, OTHER_ID)]: { id: 'copy-original' },
		'not-a-record': 'garbage',
	};

	it('a production delivery: the hooks of its path at any origin, the current one first, never the test hook', () => {
		expect(hooksServing(stored, production(NEW), false)).toEqual([
			{ url: production(NEW), hook: { id: 'current' } },
			{ url: production(OLD), hook: { id: 'old' } },
		]);
	});

	it('a production delivery from an address the node stored nothing at still finds the hook of its path', () => {
		expect(hooksServing(stored, production('http://localhost:5678'), false).map(({ hook }) => hook.id).sort()).toEqual(['current', 'old']);
	});

	it('a test delivery: only the test hook', () => {
		expect(hooksServing(stored, production(NEW), true)).toEqual([{ url: test(NEW), hook: { id: 'test', test: true } }]);
	});

	it('another path: nothing, even with the same origin', () => {
		const otherPath = production(NEW, '99999999-9999-4999-8999-999999999999');
		expect(hooksServing(stored, otherPath, false)).toEqual([]);
	});
});
