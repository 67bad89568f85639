import { randomUUID } from 'crypto';

import { Airmeet } from '../../nodes/Airmeet/Airmeet.node';
import { isAuthCall, pathOf, usesKeyPair } from '../../nodes/Airmeet/auth';
import { EVENT_FIELD, SESSION_FIELD, parseLocator } from '../../nodes/Airmeet/locators';
import { payloadItems } from '../../nodes/Airmeet/payload';
import { AIRMEET_REGIONS, airmeetBaseUrl, airmeetBaseUrlExpression } from '../../nodes/Airmeet/regions';
import { bodyReportsFailure } from '../../nodes/Airmeet/transport';
import { AIRMEET_TRIGGERS, TRIGGER_OPTIONS, triggerById } from '../../nodes/Airmeet/triggers';
import { TestN8n } from '../harness/n8nHarness';

/** API.md's trigger table, copied by hand: id -> [scope, expected default name]. */
const API_TRIGGERS: Record<string, [string, string]> = {
	'trigger.airmeet.created': ['community', 'AIRMEET_CREATED'],
	'trigger.airmeet.started': ['community', 'AIRMEET_STARTED'],
	'trigger.airmeet.finished': ['community', 'AIRMEET_FINISHED'],
	'trigger.airmeet.reminder': ['community', 'AIRMEET_REMINDER'],
	'trigger.airmeet.recording.available': ['community', 'RECORDING_AVAILABLE'],
	'trigger.airmeet.attendee.added': ['community', 'ATTENDEE_ADDED'],
	'trigger.airmeet.registrant.added': ['event', 'REGISTRANT_ADDED'],
	'trigger.airmeet.attendee.joined': ['event', 'ATTENDEE_JOINED_EVENT'],
	'trigger.session.attendee.joined': ['session', 'ATTENDEE_JOINED_SESSION'],
	'trigger.airmeet.polls': ['event', 'EVENT_POLLS'],
	'trigger.airmeet.questions': ['eventOptional', 'EVENT_QUESTIONS'],
	'trigger.attendee.booth.joined': ['eventOptional', 'BOOTH_ATTENDEE'],
};

describe('trigger table', () => {
	it('holds exactly the triggers of API.md, with their scope and name', () => {
		expect(AIRMEET_TRIGGERS.map((trigger) => trigger.id).sort()).toEqual(Object.keys(API_TRIGGERS).sort());
		for (const [id, [scope, name]] of Object.entries(API_TRIGGERS)) {
			expect({ id, scope: triggerById(id)?.scope, name: triggerById(id)?.defaultName }).toEqual({ id, scope, name });
		}
	});

	it('says which triggers report after the event or session ends', () => {
		expect(triggerById('trigger.airmeet.attendee.joined')?.description).toMatch(/after the event ends/);
		expect(triggerById('trigger.session.attendee.joined')?.description).toMatch(/after the session ends/);
		expect(triggerById('trigger.airmeet.finished')?.description).toMatch(/does not end the event/);
		for (const id of ['trigger.airmeet.questions', 'trigger.attendee.booth.joined']) {
			expect(triggerById(id)?.description).toMatch(/unconfirmed/i);
		}
	});

	it('offers every trigger once, with distinct labels, sorted by label', () => {
		const labels = TRIGGER_OPTIONS.map((option) => option.name);
		expect(new Set(labels).size).toBe(AIRMEET_TRIGGERS.length);
		expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
		expect(triggerById('trigger.unknown')).toBeUndefined();
	});
});

describe('regions', () => {
	const expected: Record<string, string> = {
		default: 'https://api-gateway.airmeet.com/prod',
		eu: 'https://api-gateway-prod.eu.airmeet.com/prod',
		us: 'https://api-gateway-prod.us.airmeet.com/prod',
		custom: 'https://airmeet-proxy.example.com/prod',
	};

	it.each(Object.entries(expected))('maps region %s to %s', (region, url) => {
		expect(airmeetBaseUrl({ region, baseUrl: 'https://airmeet-proxy.example.com/prod//' })).toBe(url);
	});

	it('falls back to the default region when none is set, and refuses unusable settings', () => {
		expect(airmeetBaseUrl({})).toBe(expected.default);
		expect(() => airmeetBaseUrl({ region: 'custom', baseUrl: '' })).toThrow(/Base URL/);
		expect(() => airmeetBaseUrl({ region: 'custom', baseUrl: 'api-gateway.airmeet.com' })).toThrow(/http/);
		expect(() => airmeetBaseUrl({ region: 'mars' })).toThrow(/unknown region "mars"/);
	});

	it("evaluates the credential test's generated expression, in n8n's expression engine, to the same URLs", () => {
		const n8n = new TestN8n([new Airmeet()], []);
		const node = n8n.node('airmeet', {});
		const workflow = n8n.workflow(node);
		for (const [region, url] of Object.entries(expected)) {
			const value = workflow.expression.getParameterValue(
				airmeetBaseUrlExpression(),
				null,
				0,
				0,
				node.name,
				[],
				'internal',
				{ $credentials: { region, baseUrl: 'https://airmeet-proxy.example.com/prod/' } } as never,
			);
			expect({ region, value }).toEqual({ region, value: url });
		}
		// Generated, not hand-written: every table entry is in it.
		for (const { baseUrl } of Object.values(AIRMEET_REGIONS)) expect(airmeetBaseUrlExpression()).toContain(baseUrl);
	});
});

describe('auth style by path', () => {
	it.each([
		['/platform-integration/v1/webhook-register', true],
		['/platform-integration/v1/webhook-deregister', true],
		['/platform-integration/v1/sample-payload', true],
		['https://api-gateway.airmeet.com/prod/platform-integration/v1/sample-payload?triggerMetaInfoId=x', true],
		['/platform-integration/v1/webhook-list', false],
		['/airmeets', false],
		['/airmeet/abc/info', false],
	])('%s takes the key pair: %s', (url, keyPair) => {
		expect(usesKeyPair(url)).toBe(keyPair);
	});

	it('recognises the token call itself, relative or absolute', () => {
		expect(isAuthCall('/auth')).toBe(true);
		expect(isAuthCall('https://api-gateway-prod.eu.airmeet.com/prod/auth')).toBe(true);
		expect(isAuthCall('/airmeets')).toBe(false);
		expect(pathOf('https://host.example/prod/airmeets/?size=1')).toBe('/prod/airmeets');
	});
});

describe('event and session pickers', () => {
	const uid = randomUUID();

	it('reads ids from every mode and from plain strings', () => {
		expect(parseLocator({ __rl: true, mode: 'list', value: uid }, EVENT_FIELD)).toEqual({ ok: true, id: uid });
		expect(parseLocator({ __rl: true, mode: 'id', value: ` ${uid} ` }, EVENT_FIELD)).toEqual({ ok: true, id: uid });
		expect(parseLocator(uid, SESSION_FIELD)).toEqual({ ok: true, id: uid });
		expect(parseLocator({ __rl: true, mode: 'list', value: '' }, EVENT_FIELD)).toEqual({ ok: true });
		expect(parseLocator(undefined, EVENT_FIELD)).toEqual({ ok: true });
	});

	it.each([
		`https://www.airmeet.com/e/${uid}`,
		`https://www.airmeet.com/e/${uid}?utm_source=x`,
		`https://events.example.org/e/${uid}/`,
	])('extracts the event id from the link %s', (url) => {
		expect(parseLocator({ __rl: true, mode: 'url', value: url }, EVENT_FIELD)).toEqual({ ok: true, id: uid });
	});

	it('names the field when a value cannot be an id', () => {
		const cases = [
			parseLocator({ __rl: true, mode: 'url', value: 'https://www.airmeet.com/community/xyz' }, EVENT_FIELD),
			parseLocator({ __rl: true, mode: 'id', value: 'not an id' }, EVENT_FIELD),
			parseLocator({ __rl: true, mode: 'id', value: '../info' }, SESSION_FIELD),
			parseLocator({ __rl: true, mode: 'id', value: `https://www.airmeet.com/e/${uid}` }, SESSION_FIELD),
		];
		expect(cases.map((result) => (result.ok ? 'ok' : result.message.match(/"(Event|Session)"/)?.[1]))).toEqual([
			'Event',
			'Event',
			'Session',
			'Session',
		]);
	});
});

describe('custom field picker', () => {
	it("reloads the Field list from the chosen event's value, and offers both ways of answering side by side", () => {
		const add = new Airmeet().description.properties.find(
			({ name, displayOptions }) =>
				name === 'additionalFields' && displayOptions?.show?.resource?.[0] === 'participant' && displayOptions.show.operation?.[0] === 'add',
		);
		const options = (add?.options ?? []) as Array<{ name: string; type?: string; options?: Array<{ values?: unknown[] }> }>;
		expect(options.filter((option) => option.name.startsWith('customField')).map((option) => [option.name, option.type])).toEqual([
			['customFieldMapping', 'json'],
			['customFieldValueFormat', 'options'],
			['customFields', 'fixedCollection'],
		]);
		const [field] = (options.find((option) => option.name === 'customFields')?.options?.[0].values ?? []) as Array<{
			name: string;
			typeOptions?: object;
		}>;
		expect(field).toEqual(
			expect.objectContaining({
				name: 'fieldId',
				typeOptions: { loadOptionsMethod: 'getCustomFields', loadOptionsDependsOn: [`${EVENT_FIELD.name}.value`] },
			}),
		);
		expect(Object.keys(new Airmeet().methods.loadOptions)).toEqual(['getCustomFields']);
	});
});

describe('success in the body', () => {
	it.each([
		[{ statusCode: '200', statusMessage: 'SUCCESS' }, false],
		[{ statusCode: '2000' }, false],
		[{ statusCode: 200 }, false],
		[{ statusCode: 2000 }, false],
		[{ statusMessage: 'success' }, false],
		[{ data: [], cursors: {} }, false],
		[[1, 2], false],
		[{ statusCode: '500', statusMessage: 'Internal error' }, true],
		[{ statusCode: 202, statusMessage: 'Preparing your results...' }, true],
		[{ success: false, message: 'no' }, true],
		[{ statusMessage: 'FAILED' }, true],
	])('%j reports failure: %s', (body, failed) => {
		expect(bodyReportsFailure(body)).toBe(failed);
	});
});

describe('payload items', () => {
	it('gives one item per list entry, wrapping non-objects, and one item for anything else', () => {
		expect(payloadItems([{ a: 1 }, 2, 'x', null])).toEqual([{ a: 1 }, { value: 2 }, { value: 'x' }, { value: null }]);
		expect(payloadItems({ a: 1 })).toEqual([{ a: 1 }]);
		expect(payloadItems('text')).toEqual([{ value: 'text' }]);
		expect(payloadItems([])).toEqual([]);
	});
});
