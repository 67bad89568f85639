/**
 * Keys Airmeet does not accept, wherever they are first used: the credential's Test button, a
 * trigger's publish (community-wide: the key pair itself; event-scoped: a token from /auth) and an
 * action. Airmeet answers wrong keys on /auth with 400 and revoked ones with 403 (its API pages,
 * Parsons): every message must say which keys, and where new ones come from, without either key.
 */
import { NodeApiError } from 'n8n-workflow';
import type { INodeCredentialsDetails, INodeParameters } from 'n8n-workflow';

import type { FakeAirmeetEvent } from '../fakes/airmeetFake';
import type { World } from './world';
import { ACTION_NODE, CREDENTIAL, TRIGGER_NODE, caught, errorText, rl, startWorld, stopWorld } from './world';

const REGISTER = '/platform-integration/v1/webhook-register';
const LIST = '/platform-integration/v1/webhook-list';

let world: World;
let event: FakeAirmeetEvent;
/** A credential whose secret key Airmeet does not know. */
let wrongKeys: INodeCredentialsDetails;
/** A secret key the fake never issued. */
const UNKNOWN_KEY = 'am-key-never-issued';

beforeEach(async () => {
	world = await startWorld();
	event = world.fake.seedEvent({ name: 'Product Launch' });
	wrongKeys = world.n8n.vault.add(CREDENTIAL, {
		accessKey: world.fake.accessKey,
		secretKey: UNKNOWN_KEY,
		region: 'custom',
		baseUrl: `${world.fake.baseUrl}/`,
	});
});
afterEach(async () => await stopWorld(world));

/** The message names both keys and the dashboard page that issues new ones, and holds no key. */
function expectKeysNamed(text: string): void {
	expect(text).toMatch(/access key and secret key in the Airmeet credential/);
	expect(text).toMatch(/Airmeet community dashboard \(Integrations > API Access Key\)/);
	for (const secret of [world.fake.accessKey, world.fake.secretKey, UNKNOWN_KEY, ...world.fake.issuedTokens]) {
		expect(text).not.toContain(secret);
	}
}

const credentialData = (secretKey: string) => ({
	accessKey: world.fake.accessKey,
	secretKey,
	region: 'custom',
	baseUrl: `${world.fake.baseUrl}/`,
});

describe('the Test button', () => {
	it('wrong keys: Airmeet answers /auth with 400, the message names both keys and where to get new ones', async () => {
		const result = await world.n8n.testCredential(CREDENTIAL, credentialData(UNKNOWN_KEY));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Airmeet did not issue an access token \(HTTP 400\): the access key and secret key .* were not accepted/);
		expect(result.message).toMatch(/Airmeet said: "Missing or incorrect header values"/);
		expectKeysNamed(result.message);
		// preAuthentication's /auth fails, so the test request itself is never sent.
		expect(world.fake.calls.map((call) => `${call.method} ${call.path}`)).toEqual(['POST /auth']);
	});

	it('revoked keys: 403, the message says they may have been revoked', async () => {
		world.fake.revoked = true;
		const result = await world.n8n.testCredential(CREDENTIAL, credentialData(world.fake.secretKey));
		expect(result.message).toMatch(/\(HTTP 403\): .* may have been revoked/);
		expectKeysNamed(result.message);
		expect(world.fake.count()).toBe(1);
	});

	it("the rules (shown by an n8n that skips preAuthentication) use the same words for 400, 401 and 403", () => {
		const rules = world.n8n.vault.credentialType(CREDENTIAL).test?.rules ?? [];
		const byStatus = new Map(rules.map((rule) => [rule.properties.value, String(rule.properties.message)]));
		for (const status of [400, 401, 403]) expectKeysNamed(byStatus.get(status) ?? '');
		expect(byStatus.get(403)).toMatch(/revoked/);
	});
});

describe('a trigger publish', () => {
	const publish = (parameters: INodeParameters, credential: INodeCredentialsDetails) =>
		world.n8n.trigger(TRIGGER_NODE, { parameters, credentials: { [CREDENTIAL]: credential } }).publish();

	it('community-wide: n8n asks /auth for a token first (400), the register call is never sent', async () => {
		const error = await caught(publish({ trigger: 'trigger.airmeet.created' }, wrongKeys));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/^Airmeet could not register the webhook: Airmeet did not issue an access token \(HTTP 400\)/);
		expectKeysNamed(errorText(error));
		expect(world.fake.calls.map((call) => call.path)).toEqual(['/auth']);
		expect(world.fake.hooks).toHaveLength(0);
	});

	it('event-scoped: /auth answers 400, no webhook call is sent', async () => {
		const error = await caught(publish({ trigger: 'trigger.airmeet.registrant.added', airmeetId: rl(event.uid) }, wrongKeys));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/did not issue an access token \(HTTP 400\): the access key and secret key .* were not accepted/);
		expectKeysNamed(errorText(error));
		// The publish's listing, then n8n's clean-up after the failed publish (its leftover listing): both stop at /auth.
		expect(world.fake.calls.map((call) => call.path)).toEqual(['/auth', '/auth']);
		expect(world.fake.count({ path: LIST }) + world.fake.count({ path: REGISTER })).toBe(0);
	});

	describe('with a token already held, so the key pair itself meets Airmeet first', () => {
		/** A credential holding a valid token beside `secretKey`, as after an earlier run. */
		async function holdingToken(secretKey: string): Promise<INodeCredentialsDetails> {
			await world.n8n.execute(ACTION_NODE, { parameters: { resource: 'event', operation: 'getAll', limit: 1 }, credentials: world.credentials });
			const credential = world.n8n.vault.add(CREDENTIAL, { ...credentialData(secretKey), sessionToken: world.fake.issuedTokens[0] });
			world.fake.resetCalls();
			return credential;
		}

		it('wrong secret key: the register call is refused (401) and the message names both keys', async () => {
			const error = await caught(publish({ trigger: 'trigger.airmeet.created' }, await holdingToken(UNKNOWN_KEY)));
			expect(error.message).toMatch(/^Airmeet could not register the webhook \(HTTP 401\): the access key and secret key .* were not accepted/);
			expectKeysNamed(errorText(error));
			expect(world.fake.calls.map((call) => call.path)).toEqual([REGISTER]);
			expect(world.fake.hooks).toHaveLength(0);
		});

		it('revoked keys: 403, the message says they may have been revoked', async () => {
			const credential = await holdingToken(world.fake.secretKey);
			world.fake.revoked = true;
			const error = await caught(publish({ trigger: 'trigger.airmeet.created' }, credential));
			expect(error.message).toMatch(/\(HTTP 403\): the access key and secret key .* may have been revoked/);
			expectKeysNamed(errorText(error));
			expect(world.fake.calls.map((call) => call.path)).toEqual([REGISTER]);
		});
	});
});

describe('an action', () => {
	it('Event > Get Many with wrong keys: one /auth (400), the call itself never sent', async () => {
		const error = await caught(
			world.n8n.execute(ACTION_NODE, {
				parameters: { resource: 'event', operation: 'getAll', limit: 1 },
				credentials: { [CREDENTIAL]: wrongKeys },
			}),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/^Airmeet could not list the events: Airmeet did not issue an access token \(HTTP 400\)/);
		expectKeysNamed(errorText(error));
		expect(world.fake.calls.map((call) => call.path)).toEqual(['/auth']);
	});

});
