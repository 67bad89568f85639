import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { FakeAirmeetEvent, FakeSession } from '../fakes/airmeetFake';
import { postJson } from '../fakes/fakeService';
import type { TriggerUnderTest } from '../harness/n8nHarness';
import { captureLogs, withCapturedLogs } from '../harness/logs';
import type { World } from './world';
import { ACTION_NODE, CREDENTIAL, TRIGGER_NODE, caught, errorText, expectNoSecrets, rl, startWorld, stopWorld } from './world';

const REGISTER = '/platform-integration/v1/webhook-register';
const DEREGISTER = '/platform-integration/v1/webhook-deregister';
const LIST = '/platform-integration/v1/webhook-list';

const COMMUNITY = [
	'trigger.airmeet.created',
	'trigger.airmeet.started',
	'trigger.airmeet.finished',
	'trigger.airmeet.reminder',
	'trigger.airmeet.recording.available',
	'trigger.airmeet.attendee.added',
];
const EVENT = ['trigger.airmeet.registrant.added', 'trigger.airmeet.attendee.joined', 'trigger.airmeet.polls'];
const SESSION = 'trigger.session.attendee.joined';
const EVENT_OPTIONAL = ['trigger.airmeet.questions', 'trigger.attendee.booth.joined'];

let world: World;
let event: FakeAirmeetEvent;
let session: FakeSession;

async function setup(options: Parameters<typeof startWorld>[0] = {}): Promise<void> {
	await stopWorld(world);
	world = await startWorld(options);
	event = world.fake.seedEvent({ name: 'Product Launch' });
	session = world.fake.seedSession(event, { name: 'Keynote' });
}

beforeEach(async () => await setup());
afterEach(async () => await stopWorld(world));

function trigger(parameters: INodeParameters): TriggerUnderTest {
	return world.n8n.trigger(TRIGGER_NODE, { parameters, credentials: world.credentials });
}

function registerCalls() {
	return world.fake.calls.filter((call) => call.path === REGISTER);
}

/** The hooks n8n would save for the node (static data of type "node" lives under `node:<name>`). */
function storedHooks(node: TriggerUnderTest): Record<string, IDataObject> {
	const nodeData = (node.savedStaticData[`node:${node.node.name}`] ?? {}) as IDataObject;
	return (nodeData.hooks ?? {}) as Record<string, IDataObject>;
}

describe('which triggers take an event or a session', () => {
	it.each(COMMUNITY)('%s registers community-wide, never sending an event', async (id) => {
		// Even with an event left in the (hidden) field, a community-wide hook gets no airmeetId.
		const node = trigger({ trigger: id, airmeetId: rl(event.uid), sessionId: rl(session.sessionid) });
		await node.publish();
		const [call] = registerCalls();
		expect(call.query.get('airmeetId')).toBeNull();
		expect(call.query.get('sessionId')).toBeNull();
		expect(call.body).toEqual({
			name: expect.any(String),
			description: expect.any(String),
			triggerMetaInfoId: id,
			url: node.productionUrl,
			platformName: 'n8n',
		});
		expect(world.fake.hooksFor(node.productionUrl)).toEqual([expect.objectContaining({ triggerMetaInfoId: id })]);
		expect(world.fake.count({ path: LIST })).toBe(0);
	});

	it.each(EVENT)('%s needs an event: refused before any call without one', async (id) => {
		const error = await caught(trigger({ trigger: id, airmeetId: rl('') }).publish());
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/"Event" field/);
		expect(world.fake.calls).toHaveLength(0);
	});

	it.each(EVENT)('%s registers for the chosen event only', async (id) => {
		const node = trigger({ trigger: id, airmeetId: rl(event.uid, 'list'), sessionId: rl(session.sessionid) });
		await node.publish();
		const [call] = registerCalls();
		expect(call.query.get('airmeetId')).toBe(event.uid);
		expect(call.query.get('sessionId')).toBeNull();
		expect(world.fake.calls.find((c) => c.path === LIST)?.query.get('airmeetId')).toBe(event.uid);
		expect(storedHooks(node)[node.productionUrl]).toEqual({
			id: expect.any(String),
			trigger: id,
			url: node.productionUrl,
			airmeetId: event.uid,
		});
	});

	it('the session trigger needs a session: refused before any call without one', async () => {
		const error = await caught(trigger({ trigger: SESSION, airmeetId: rl(event.uid), sessionId: rl('') }).publish());
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/"Session" field/);
		expect(world.fake.calls).toHaveLength(0);
	});

	it('the session trigger needs the event too', async () => {
		const error = await caught(trigger({ trigger: SESSION, airmeetId: rl(''), sessionId: rl(session.sessionid) }).publish());
		expect(error.message).toMatch(/"Event" field/);
		expect(world.fake.calls).toHaveLength(0);
	});

	it('the session trigger registers with event and session, and lists by session', async () => {
		const node = trigger({ trigger: SESSION, airmeetId: rl(event.uid), sessionId: rl(session.sessionid, 'list') });
		await node.publish();
		const [call] = registerCalls();
		expect([call.query.get('airmeetId'), call.query.get('sessionId')]).toEqual([event.uid, session.sessionid]);
		const list = world.fake.calls.find((c) => c.path === LIST);
		expect([list?.query.get('sessionId'), list?.query.get('airmeetId')]).toEqual([session.sessionid, null]);
		expect(world.fake.hooksFor(node.productionUrl)).toEqual([expect.objectContaining({ sessionId: session.sessionid })]);
	});

	it.each(EVENT_OPTIONAL)('%s works without an event (community-wide, nothing listed)', async (id) => {
		const node = trigger({ trigger: id, airmeetId: rl('') });
		await node.publish();
		expect(registerCalls()[0].query.get('airmeetId')).toBeNull();
		expect(world.fake.count({ path: LIST })).toBe(0);
		expect(world.fake.hooksFor(node.productionUrl)).toHaveLength(1);
	});

	it.each(EVENT_OPTIONAL)('%s takes an event when one is chosen, and then lists it', async (id) => {
		const node = trigger({ trigger: id, airmeetId: rl(`https://www.airmeet.com/e/${event.uid}`, 'url') });
		await node.publish();
		expect(registerCalls()[0].query.get('airmeetId')).toBe(event.uid);
		expect(world.fake.count({ path: LIST })).toBe(1);
	});

	it.each([
		['a malformed event id', { trigger: EVENT[0], airmeetId: rl('not an id') }, /"Event" field/],
		['a link that is not an event link', { trigger: EVENT[0], airmeetId: rl('https://www.airmeet.com/about', 'url') }, /"Event" field/],
		['a malformed event id on an optional event', { trigger: EVENT_OPTIONAL[0], airmeetId: rl('a/b') }, /"Event" field/],
		['a malformed session id', { trigger: SESSION, airmeetId: rl('abc-1'), sessionId: rl('x y') }, /"Session" field/],
		['an unknown trigger', { trigger: 'trigger.airmeet.unknown' }, /"Trigger On" field/],
	])('refuses %s before any call', async (_case, parameters, message) => {
		const error = await caught(trigger(parameters as INodeParameters).publish());
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(message);
		expect(world.fake.calls).toHaveLength(0);
	});

	it("registers the trigger's default name, or the name set in Options", async () => {
		await trigger({ trigger: EVENT[0], airmeetId: rl(event.uid) }).publish();
		expect((registerCalls()[0].body as IDataObject).name).toBe('REGISTRANT_ADDED');
		world.fake.strictNames = false;
		await trigger({
			trigger: EVENT[0],
			airmeetId: rl(event.uid),
			options: { name: 'MY_NAME', description: 'For the CRM' },
		}).publish();
		expect(registerCalls()[1].body).toEqual(expect.objectContaining({ name: 'MY_NAME', description: 'For the CRM' }));
	});
});

describe('lifecycle', () => {
	const registrant = () => trigger({ trigger: EVENT[0], airmeetId: rl(event.uid) });

	it('registers once on a fresh publish, stores the hook by URL, and receives deliveries', async () => {
		const node = registrant();
		await node.publish();
		const [hook] = world.fake.hooksFor(node.productionUrl);
		expect(registerCalls()).toHaveLength(1);
		expect(storedHooks(node)).toEqual({
			[node.productionUrl]: { id: String(hook.id), trigger: EVENT[0], url: node.productionUrl, airmeetId: event.uid },
		});
		const [delivery] = await world.fake.deliver(EVENT[0]);
		expect(delivery.status).toBe(200);
		expect(node.executions).toHaveLength(1);
		expect(node.executions[0][0].json).toEqual(expect.objectContaining({ airmeetId: event.uid, email: 'ada@example.com' }));
	});

	it('adopts the live hook after a restart: no new registration', async () => {
		const node = registrant();
		await node.publish();
		node.restart();
		world.fake.resetCalls();
		await node.publish();
		expect(registerCalls()).toHaveLength(0);
		expect(world.fake.count({ path: DEREGISTER })).toBe(0);
		expect(world.fake.hooksFor(node.productionUrl)).toHaveLength(1);
	});

	it('registers again when the hook was deleted in Airmeet', async () => {
		const node = registrant();
		await node.publish();
		const [old] = world.fake.hooksFor(node.productionUrl);
		world.fake.removeHook(old.id);
		node.restart();
		await node.publish();
		const hooks = world.fake.hooksFor(node.productionUrl);
		expect(hooks).toHaveLength(1);
		expect(hooks[0].id).not.toBe(old.id);
		expect(storedHooks(node)[node.productionUrl].id).toBe(String(hooks[0].id));
	});

	it('does not adopt a hook of another trigger on the same URL, and removes it', async () => {
		const node = registrant();
		const other = world.fake.seedHook({ url: node.productionUrl, triggerMetaInfoId: 'trigger.airmeet.polls', airmeetId: event.uid });
		await node.publish();
		expect(registerCalls()).toHaveLength(1);
		expect(world.fake.hooks.some((hook) => hook.id === other.id)).toBe(false);
		expect(world.fake.hooksFor(node.productionUrl)).toEqual([expect.objectContaining({ triggerMetaInfoId: EVENT[0] })]);
	});

	it('leaves hooks of other URLs alone', async () => {
		const foreign = world.fake.seedHook({ url: 'https://elsewhere.example/hook', triggerMetaInfoId: EVENT[0], airmeetId: event.uid });
		const node = registrant();
		await node.publish();
		await node.unpublish();
		expect(world.fake.hooks).toEqual([foreign]);
	});

	it.each(['http', 'body'] as const)('counts "not found" on deregister (%s style) as gone', async (style) => {
		await setup({ notFoundStyle: style });
		const node = registrant();
		await node.publish();
		world.fake.removeHook(world.fake.hooksFor(node.productionUrl)[0].id);
		await node.unpublish();
		expect(world.fake.count({ path: DEREGISTER })).toBe(1);
		expect(storedHooks(node)).toEqual({});
	});

	it('logs any other deregister failure with the hook id and Airmeet\'s message, never throws, and keeps the hook for a later try', async () => {
		const node = registrant();
		await node.publish();
		const hookId = world.fake.hooksFor(node.productionUrl)[0].id;
		world.fake.inject({ path: DEREGISTER }, { kind: 'status', status: 500, body: { statusCode: '500', statusMessage: 'Database unavailable' } });
		const logs = captureLogs();
		try {
			await node.unpublish();
		} finally {
			logs.restore();
		}
		const errors = logs.lines.filter((line) => line.level === 'error');
		expect(errors).toHaveLength(1);
		expect(errors[0].message).toMatch(new RegExp(`Airmeet could not deregister webhook ${hookId} .*HTTP 500.*Database unavailable`));
		expectNoSecrets(world, errors[0].message);
		expect(Object.keys(storedHooks(node))).toEqual([node.productionUrl]);
		await node.unpublish();
		expect(world.fake.hooks).toHaveLength(0);
		expect(storedHooks(node)).toEqual({});
	});

	it('after a failed publish the URL starts nothing: it is answered 404, and n8n can drop its record', async () => {
		// The listing of checkExists fails, and so does the sweep of n8n's delete() after it.
		world.fake.inject({ path: LIST }, { kind: 'status', status: 503, body: { message: 'Service Unavailable' } }, 2);
		const node = registrant();
		const logs = captureLogs();
		try {
			expect((await caught(node.publish())).message).toMatch(/HTTP 503/);
			expect(node.isRouted()).toBe(false);
			// Were n8n to route the URL to the node all the same, nothing would run.
			world.n8n.register(new URL(node.productionUrl).pathname, node);
			const result = await postJson(node.productionUrl, JSON.stringify({ email: 'a@example.com' }), {});
			expect(result.status).toBe(404);
			expect(node.executions).toHaveLength(0);
			// A test URL that registered nothing of its own starts nothing either.
			world.n8n.register(new URL(node.testUrl).pathname, node);
			expect((await postJson(node.testUrl, '{}', {})).status).toBe(404);
		} finally {
			logs.restore();
		}
		expect(node.executions).toHaveLength(0);
		await node.publish();
		expect((await postJson(node.productionUrl, '{}', {})).status).toBe(200);
		expect(node.executions).toHaveLength(1);
	});

	it('a 5xx on register gives a clear NodeApiError and stores nothing', async () => {
		world.fake.inject({ path: REGISTER }, { kind: 'status', status: 503, body: { message: 'Service Unavailable' } });
		const node = registrant();
		const error = await caught(node.publish());
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Airmeet could not register the webhook (HTTP 503): Service Unavailable');
		expect((error as NodeApiError).description).toMatch(/retry/i);
		expect(storedHooks(node)).toEqual({});
		expect(world.fake.hooks).toHaveLength(0);
		expectNoSecrets(world, errorText(error));
	});

	it('a failure in the body of an HTTP 200 register answer is an error too, and stores nothing', async () => {
		world.fake.failInBody({ path: REGISTER }, 'Internal error while saving the webhook', '500');
		const node = registrant();
		const error = await caught(node.publish());
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(
			'Airmeet could not register the webhook: Internal error while saving the webhook (Airmeet status 500)',
		);
		expect(storedHooks(node)).toEqual({});
	});

	it('surfaces Airmeet refusing the name', async () => {
		const node = trigger({ trigger: EVENT[0], airmeetId: rl(event.uid), options: { name: 'WRONG' } });
		const error = await caught(node.publish());
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/name does not match trigger\.airmeet\.registrant\.added/);
	});

	it('accepts Airmeet\'s "2000" success code and numeric webhook ids', async () => {
		await setup({ successCode: '2000', idStyle: 'number' });
		const node = registrant();
		await node.publish();
		const [hook] = world.fake.hooksFor(node.productionUrl);
		expect(typeof hook.id).toBe('number');
		expect(storedHooks(node)[node.productionUrl].id).toBe(String(hook.id));
		await node.unpublish();
		expect(world.fake.hooks).toHaveLength(0);
	});

	it('community-wide: Airmeet cannot list these hooks, so the stored id is relied on', async () => {
		const node = trigger({ trigger: COMMUNITY[0] });
		await node.publish();
		node.restart();
		world.fake.resetCalls();
		await node.publish();
		// No listing, no registration, not even a token: the stored id for this URL and trigger decides.
		expect(world.fake.calls).toHaveLength(0);
		await node.unpublish();
		expect(world.fake.count({ path: DEREGISTER })).toBe(1);
		expect(world.fake.hooks).toHaveLength(0);
	});

	it('community-wide: a changed trigger removes the old hook by its stored id and registers the new one', async () => {
		const node = trigger({ trigger: COMMUNITY[0] });
		await node.publish();
		const [old] = world.fake.hooksFor(node.productionUrl);
		node.setParameters({ trigger: COMMUNITY[1] });
		node.restart();
		await node.publish();
		expect(world.fake.hooks.some((hook) => hook.id === old.id)).toBe(false);
		expect(world.fake.hooksFor(node.productionUrl)).toEqual([expect.objectContaining({ triggerMetaInfoId: COMMUNITY[1] })]);
		expect(storedHooks(node)[node.productionUrl].trigger).toBe(COMMUNITY[1]);
	});

	it('a changed event removes the hook of the old event', async () => {
		const second = world.fake.seedEvent({ name: 'Second' });
		const node = registrant();
		await node.publish();
		node.setParameters({ trigger: EVENT[0], airmeetId: rl(second.uid) });
		node.restart();
		await node.publish();
		expect(world.fake.hooksFor(node.productionUrl)).toEqual([expect.objectContaining({ airmeetId: second.uid })]);
	});

	it('unpublishing with nothing stored removes orphans at our URL where Airmeet can list them', async () => {
		const node = registrant();
		world.fake.seedHook({ url: node.productionUrl, triggerMetaInfoId: EVENT[0], airmeetId: event.uid });
		await node.unpublish();
		expect(world.fake.hooksFor(node.productionUrl)).toHaveLength(0);
	});

	it.each([EVENT[0], COMMUNITY[0]])('%s: a test run beside the published workflow keeps one hook per URL', async (id) => {
		const node = trigger({ trigger: id, airmeetId: rl(event.uid) });
		await node.publish();
		await node.listenForTestEvent();
		expect(world.fake.hooksFor(node.productionUrl)).toHaveLength(1);
		expect(world.fake.hooksFor(node.testUrl)).toHaveLength(1);
		const productionHook = storedHooks(node)[node.productionUrl];
		await node.listenForTestEvent();
		expect(world.fake.hooksFor(node.testUrl)).toHaveLength(1);
		await node.stopListening();
		expect(world.fake.hooksFor(node.testUrl)).toHaveLength(0);
		expect(world.fake.hooksFor(node.productionUrl)).toHaveLength(1);
		expect(storedHooks(node)).toEqual({ [node.productionUrl]: productionHook });
		const results = await world.fake.deliver(id);
		expect(results.map((result) => [result.url, result.status])).toEqual([[node.productionUrl, 200]]);
	});
});

describe('access token', () => {
	const registrant = () => trigger({ trigger: EVENT[0], airmeetId: rl(event.uid) });
	const listEvents = () =>
		world.n8n.execute(ACTION_NODE, {
			parameters: { resource: 'event', operation: 'getAll', returnAll: true },
			credentials: world.credentials,
		});

	it('one /auth serves a whole publish, action run and unpublish', async () => {
		const node = registrant();
		await node.publish();
		const [items] = await listEvents();
		await node.unpublish();
		expect(items.map((item) => item.json.uid)).toEqual([event.uid]);
		expect(world.fake.count({ path: '/auth' })).toBe(1);
		expect(world.n8n.vault.preAuthenticationRuns.get(CREDENTIAL)).toBe(1);
		// Token calls carry the token only; key-pair calls the keys only.
		const list = world.fake.calls.find((call) => call.path === LIST);
		const register = world.fake.calls.find((call) => call.path === REGISTER);
		expect(list?.headers['x-airmeet-access-token']).toBe(world.fake.issuedTokens[0]);
		expect(list?.headers['x-access-key']).toBeUndefined();
		expect(register?.headers['x-access-key']).toBe(world.fake.accessKey);
		expect(register?.headers['x-secret-key']).toBe(world.fake.secretKey);
		expect(register?.headers['x-airmeet-access-token']).toBeUndefined();
	});

	it('key-pair calls carry only the keys, and never trigger a token refresh', async () => {
		// n8n fetches a token before any call while the credential has none; after that, key-pair
		// calls neither use nor refresh it, whatever they answer.
		const node = trigger({ trigger: COMMUNITY[0] });
		world.fake.inject({ path: REGISTER }, { kind: 'status', status: 400, body: { statusCode: '400', statusMessage: 'Bad request' } });
		expect((await caught(node.publish())).message).toMatch(/HTTP 400/);
		await node.publish();
		await node.unpublish();
		expect(world.fake.count({ path: '/auth' })).toBe(1);
		const keyPairCalls = world.fake.calls.filter((call) => call.path === REGISTER || call.path === DEREGISTER);
		expect(keyPairCalls).toHaveLength(3);
		for (const call of keyPairCalls) {
			expect(call.headers['x-airmeet-access-token']).toBeUndefined();
			expect(call.headers['x-access-key']).toBe(world.fake.accessKey);
		}
	});

	it('accepts the token under `data`, as Airmeet documents it', async () => {
		await setup({ authShape: 'data' });
		const [items] = await listEvents();
		expect(items).toHaveLength(1);
		expect(world.fake.calls.find((call) => call.path === '/airmeets')?.headers['x-airmeet-access-token']).toBe(
			world.fake.issuedTokens[0],
		);
	});

	it('an expired token (412) is refreshed once and the call retried once', async () => {
		await setup({ tokenUses: 1 });
		const node = registrant();
		await node.publish(); // the listing uses the token's one call
		const [items] = await listEvents();
		expect(items).toHaveLength(1);
		expect(world.fake.count({ path: '/auth' })).toBe(2);
		expect(world.n8n.vault.preAuthenticationRuns.get(CREDENTIAL)).toBe(2);
		const eventCalls = world.fake.calls.filter((call) => call.path === '/airmeets');
		expect(eventCalls.map((call) => call.headers['x-airmeet-access-token'])).toEqual(world.fake.issuedTokens);
		// The new token is stored: the next run needs no /auth.
		world.fake.tokenUses = Number.POSITIVE_INFINITY;
		await listEvents();
		expect(world.fake.count({ path: '/auth' })).toBe(2);
	});

	it('a bad token (400) is refreshed once and the call retried once', async () => {
		await listEvents();
		world.fake.invalidateTokens();
		world.fake.resetCalls();
		const [items] = await listEvents();
		expect(items).toHaveLength(1);
		expect(world.fake.calls.map((call) => `${call.path}`)).toEqual(['/airmeets', '/auth', '/airmeets']);
	});

	it('a token that stays expired fails after exactly one refresh and one retry', async () => {
		await setup({ tokenUses: 0 });
		const error = await caught(listEvents());
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/Airmeet could not list the events \(HTTP 412\): Token expired/);
		expect(world.fake.calls.map((call) => call.path)).toEqual(['/auth', '/airmeets', '/auth', '/airmeets']);
		expectNoSecrets(world, errorText(error));
	});

	describe('on an n8n that refreshes only after a 401 (the 1.x line)', () => {
		beforeEach(() => {
			world.n8n.refreshesOnStatus = false;
		});

		it('an expired token (412) costs one /auth, which n8n stores, and the call is repeated once', async () => {
			await listEvents();
			world.fake.expireTokens();
			world.fake.resetCalls();
			const [items] = await listEvents();
			expect(items).toHaveLength(1);
			expect(world.fake.calls.map((call) => call.path)).toEqual(['/airmeets', '/auth', '/airmeets']);
			const [stale, fresh] = world.fake.issuedTokens;
			expect(world.fake.calls.map((call) => call.headers['x-airmeet-access-token'])).toEqual([stale, undefined, fresh]);
			// Stored: later runs, publishes and pickers use it without another /auth.
			world.fake.resetCalls();
			await listEvents();
			const node = registrant();
			await node.publish();
			expect(world.fake.count({ path: '/auth' })).toBe(0);
			expect(world.n8n.vault.preAuthenticationRuns.get(CREDENTIAL)).toBe(2);
		});

		it('a bad token (400) during a publish is replaced the same way', async () => {
			await listEvents();
			world.fake.invalidateTokens();
			world.fake.resetCalls();
			const node = registrant();
			await node.publish();
			expect(world.fake.count({ path: '/auth' })).toBe(1);
			expect(world.fake.hooksFor(node.productionUrl)).toHaveLength(1);
		});

		it('a token that stays expired fails after one /auth and one repeat, saying what happened', async () => {
			await listEvents();
			world.fake.tokenUses = 0;
			world.fake.resetCalls();
			const error = await caught(listEvents());
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.message).toMatch(/Airmeet could not list the events \(HTTP 412\): Token expired/);
			expect((error as NodeApiError).description).toMatch(/even a newly issued access token/);
			expect(world.fake.calls.map((call) => call.path)).toEqual(['/airmeets', '/auth', '/airmeets']);
			expectNoSecrets(world, errorText(error));
		});

		it('a token issued for this very call and refused is not fetched again', async () => {
			await setup({ tokenUses: 0 });
			world.n8n.refreshesOnStatus = false;
			const error = await caught(listEvents());
			expect(error.message).toMatch(/HTTP 412/);
			expect(world.fake.calls.map((call) => call.path)).toEqual(['/auth', '/airmeets']);
		});
	});

	it('revoked keys: a clear error naming the keys, none of them in it', async () => {
		world.fake.revoked = true;
		const error = await caught(listEvents());
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/\(HTTP 403\): the access key and secret key in the Airmeet credential were refused: they may have been revoked/);
		expect((error as NodeApiError).description).toMatch(/new key pair/);
		expect(world.fake.count({ path: '/airmeets' })).toBe(0);
		expectNoSecrets(world, errorText(error));
	});

	it('revoked keys while publishing an event trigger: the same clear error, nothing registered', async () => {
		world.fake.revoked = true;
		const node = registrant();
		const error = await caught(node.publish());
		expect(error.message).toMatch(/Airmeet could not list the webhooks of event .*revoked/);
		expect(world.fake.hooks).toHaveLength(0);
		expectNoSecrets(world, errorText(error));
	});
});

describe('deliveries', () => {
	let node: TriggerUnderTest;

	beforeEach(async () => {
		node = trigger({ trigger: EVENT[1], airmeetId: rl(event.uid) });
		await node.publish();
	});

	it('an object gives one item', async () => {
		const result = await postJson(node.productionUrl, JSON.stringify({ email: 'a@example.com', n: 1 }), {});
		expect(result.status).toBe(200);
		expect(node.executions.map((items) => items.map((item) => item.json))).toEqual([
			[{ trigger: EVENT[1], email: 'a@example.com', n: 1 }],
		]);
		// The trigger leads the item, and wins over a field of that name in the payload.
		await postJson(node.productionUrl, JSON.stringify({ email: 'b@example.com', trigger: 'spoofed' }), {});
		expect(Object.entries(node.executions[1][0].json)).toEqual([
			['trigger', EVENT[1]],
			['email', 'b@example.com'],
		]);
	});

	it('a list gives one item per entry, wrapping entries that are not objects', async () => {
		const result = await postJson(node.productionUrl, JSON.stringify([{ email: 'a@example.com' }, 'b@example.com', 3]), {});
		expect(result.status).toBe(200);
		expect(node.executions[0].map((item) => item.json)).toEqual([
			{ trigger: EVENT[1], email: 'a@example.com' },
			{ trigger: EVENT[1], value: 'b@example.com' },
			{ trigger: EVENT[1], value: 3 },
		]);
	});

	it("Airmeet's own attendance delivery (a list) gives one item per attendee", async () => {
		await world.fake.deliver(EVENT[1]);
		expect(node.executions[0].map((item) => item.json.email)).toEqual(['ada@example.com', 'grace@example.com']);
	});

	it.each([
		['an empty body', ''],
		['a blank body', '   '],
		['a body that is not JSON', 'email=a@example.com'],
	])('%s is answered 400 and starts nothing', async (_case, raw) => {
		const result = await postJson(node.productionUrl, raw, { 'content-type': 'text/plain' });
		expect(result.status).toBe(400);
		expect(JSON.parse(result.body)).toEqual({ message: expect.stringMatching(/empty|not JSON/) });
		expect(node.executions).toHaveLength(0);
	});

	it('an empty list is acknowledged and starts nothing', async () => {
		const result = await postJson(node.productionUrl, '[]', {});
		expect(result.status).toBe(200);
		expect(node.executions).toHaveLength(0);
	});

	it('no secret reaches the items', async () => {
		await world.fake.deliver(EVENT[1]);
		expectNoSecrets(world, JSON.stringify(node.executions));
		expect(world.fake.issuedTokens.length).toBeGreaterThan(0);
	});
});

describe('a changed n8n address (N8N_WEBHOOK_URL)', () => {
	const registrant = () => trigger({ trigger: EVENT[0], airmeetId: rl(event.uid) });

	/** Published under the old address, then n8n restarted with `localhost`, which reaches the same server. */
	async function publishedBeforeTheMove(node: TriggerUnderTest): Promise<{ oldUrl: string; oldId: string }> {
		await node.publish();
		const oldUrl = node.productionUrl;
		const oldId = String(world.fake.hooksFor(oldUrl)[0].id);
		node.restart();
		world.n8n.webhookOrigin = world.n8n.baseUrl.replace('127.0.0.1', 'localhost');
		world.fake.resetCalls();
		return { oldUrl, oldId };
	}

	it('deliveries to the old address run, warned once per hook in the log, and write no static data', async () => {
		const node = registrant();
		const { oldUrl } = await publishedBeforeTheMove(node);
		node.markStaticDataSaved();
		const { result: deliveries, lines } = await withCapturedLogs(async () => [
			...(await world.fake.deliver(EVENT[0])),
			...(await world.fake.deliver(EVENT[0])),
		]);
		expect(deliveries.map((result) => [result.url, result.status])).toEqual([
			[oldUrl, 200],
			[oldUrl, 200],
		]);
		expect(node.executions).toHaveLength(2);
		expect(node.executions[0][0].json.trigger).toBe(EVENT[0]);
		expect(lines).toEqual([{ level: 'warn', message: expect.stringMatching(new RegExp(`Airmeet still delivers to ${oldUrl}`)) }]);
		expect(node.staticDataChanged).toBe(false);
		expect(world.fake.count()).toBe(0);
	});

	it('publishing again deregisters the old hook by its stored id and leaves exactly one at the new URL', async () => {
		const node = registrant();
		const { oldUrl, oldId } = await publishedBeforeTheMove(node);
		await node.publish();
		const deregistered = world.fake.calls.filter((call) => call.path === DEREGISTER).map((call) => call.body);
		expect(deregistered).toEqual([{ id: oldId, triggerMetaInfoId: EVENT[0], url: oldUrl }]);
		expect(registerCalls()).toHaveLength(1);
		expect(world.fake.hooksFor(oldUrl)).toEqual([]);
		expect(world.fake.hooks.map((hook) => hook.url)).toEqual([node.productionUrl]);
		expect(Object.keys(storedHooks(node))).toEqual([node.productionUrl]);
	});

	it('a community-wide hook moves the same way, by its stored id', async () => {
		const node = trigger({ trigger: COMMUNITY[0] });
		const { oldUrl, oldId } = await publishedBeforeTheMove(node);
		await node.publish();
		expect(world.fake.calls.filter((call) => call.path === DEREGISTER).map((call) => call.body)).toEqual([
			{ id: oldId, triggerMetaInfoId: COMMUNITY[0], url: oldUrl },
		]);
		expect(world.fake.hooks.map((hook) => hook.url)).toEqual([node.productionUrl]);
	});

	it('unpublishing without publishing again deregisters the hook stored at the old address', async () => {
		const node = registrant();
		const { oldUrl, oldId } = await publishedBeforeTheMove(node);
		await node.unpublish();
		expect(world.fake.calls.filter((call) => call.path === DEREGISTER).map((call) => call.body)).toEqual([
			{ id: oldId, triggerMetaInfoId: EVENT[0], url: oldUrl },
		]);
		expect(world.fake.count({ path: LIST })).toBe(0);
		expect(world.fake.hooks).toEqual([]);
		expect(storedHooks(node)).toEqual({});
	});

	it("a copy carrying the original's static data never deregisters the original's hook", async () => {
		const original = registrant();
		const { oldUrl, oldId } = await publishedBeforeTheMove(original);
		const copy = registrant();
		copy.carryStaticDataOf(original);
		await copy.publish();
		await copy.unpublish();
		const deregisteredIds = world.fake.calls.filter((call) => call.path === DEREGISTER).map((call) => (call.body as IDataObject).id);
		expect(deregisteredIds).not.toContain(oldId);
		expect(world.fake.hooks.map((hook) => hook.url)).toEqual([oldUrl]);
		expect((await world.fake.deliver(EVENT[0])).map((result) => result.status)).toEqual([200]);
		expect(original.executions).toHaveLength(1);
	});
});

describe('a register answer without a webhook id (the certified connector\'s flat shape)', () => {
	beforeEach(async () => await setup({ registerAnswer: 'flat' }));

	it.each([
		['event-scoped', () => ({ trigger: EVENT[0], airmeetId: rl(event.uid) })],
		['session-scoped', () => ({ trigger: SESSION, airmeetId: rl(event.uid), sessionId: rl(session.sessionid) })],
	])('%s: finds the new hook by listing, stores its id, and unpublishes by it', async (_scope, parameters) => {
		const node = trigger(parameters());
		await node.publish();
		const [hook] = world.fake.hooksFor(node.productionUrl);
		expect(registerCalls()).toHaveLength(1);
		// checkExists' listing, then create's.
		expect(world.fake.count({ path: LIST })).toBe(2);
		expect(storedHooks(node)[node.productionUrl]).toEqual(expect.objectContaining({ id: String(hook.id) }));
		expect((await world.fake.deliver(hook.triggerMetaInfoId)).map((result) => result.status)).toEqual([200]);

		await node.unpublish();
		expect(world.fake.calls.filter((call) => call.path === DEREGISTER).map((call) => call.body)).toEqual([
			{ id: String(hook.id), triggerMetaInfoId: hook.triggerMetaInfoId, url: node.productionUrl },
		]);
		expect(world.fake.hooks).toEqual([]);
	});

	it('community-wide: the publish fails saying a hook may exist and how to remove it; n8n\'s clean-up deregisters it by URL and trigger', async () => {
		const node = trigger({ trigger: COMMUNITY[0] });
		const error = await caught(node.publish());
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Airmeet registered the webhook but named no ID for it, and community-wide webhooks cannot be listed');
		expect((error as NodeApiError).description).toContain(`A webhook for ${node.productionUrl} (trigger ${COMMUNITY[0]}) may now exist in Airmeet`);
		expect((error as NodeApiError).description).toMatch(/deregister it with the Airmeet node/);
		expect(registerCalls()).toHaveLength(1);
		expect(world.fake.count({ path: LIST })).toBe(0);
		expect(world.fake.calls.filter((call) => call.path === DEREGISTER).map((call) => call.body)).toEqual([
			{ triggerMetaInfoId: COMMUNITY[0], url: node.productionUrl },
		]);
		expect(world.fake.hooks).toEqual([]);
		expect(storedHooks(node)).toEqual({});
	});

	it('community-wide: when that clean-up fails, the node still knows the hook, and unpublishing deregisters it', async () => {
		const node = trigger({ trigger: COMMUNITY[0] });
		world.fake.inject({ path: DEREGISTER }, { kind: 'status', status: 500, body: { statusCode: '500', statusMessage: 'Database unavailable' } });
		const { lines } = await withCapturedLogs(async () => await caught(node.publish()));
		expect(world.fake.hooksFor(node.productionUrl)).toHaveLength(1);
		expect(storedHooks(node)).toEqual({ [node.productionUrl]: { trigger: COMMUNITY[0], url: node.productionUrl } });
		expect(lines.filter((line) => line.level === 'error').map((line) => line.message)).toEqual([
			expect.stringContaining(`The webhook for ${node.productionUrl} (trigger ${COMMUNITY[0]}) may still be registered in Airmeet`),
		]);

		await node.unpublish();
		expect(world.fake.count({ path: DEREGISTER })).toBe(2);
		expect(world.fake.hooks).toEqual([]);
		expect(storedHooks(node)).toEqual({});
	});

	it('event-scoped: when the listing fails after registering, the hook is stored by URL and trigger and n8n\'s clean-up deregisters it', async () => {
		const node = trigger({ trigger: EVENT[0], airmeetId: rl(event.uid) });
		expect(await node.run('checkExists')).toBe(false);
		world.fake.inject({ path: LIST }, { kind: 'status', status: 503, body: { message: 'Service Unavailable' } }, 2);
		const error = await caught(node.run('create'));
		expect(storedHooks(node)).toEqual({ [node.productionUrl]: { trigger: EVENT[0], url: node.productionUrl, airmeetId: event.uid } });
		// What n8n does after a failed create.
		await node.run('delete');
		expect(error.message).toMatch(/could not list the webhooks of event/);
		expect(registerCalls()).toHaveLength(1);
		expect(world.fake.calls.filter((call) => call.path === DEREGISTER).map((call) => call.body)).toEqual([
			{ triggerMetaInfoId: EVENT[0], url: node.productionUrl },
		]);
		expect(world.fake.hooks).toEqual([]);
	});
});
