import type { IHttpRequestOptions } from 'n8n-workflow';

import { AirmeetApi } from '../../credentials/AirmeetApi.credentials';
import { Airmeet } from '../../nodes/Airmeet/Airmeet.node';
import { AirmeetFake } from '../fakes/airmeetFake';
import { TestN8n } from '../harness/n8nHarness';
import { ACTION_NODE, CREDENTIAL, caught, errorText } from './world';

const credentialType = new AirmeetApi();
const keys = { accessKey: 'access-1234567', secretKey: 'secret-7654321', sessionToken: 'token-abcdefgh' };

async function authenticated(url: string): Promise<Record<string, unknown>> {
	const options: IHttpRequestOptions = { url, baseURL: 'https://api-gateway.airmeet.com/prod', headers: { Accept: 'application/json' } };
	const authenticate = credentialType.authenticate as (c: typeof keys, o: IHttpRequestOptions) => Promise<IHttpRequestOptions>;
	return (await authenticate(keys, options)).headers as Record<string, unknown>;
}

describe('authenticate', () => {
	it.each([
		'/platform-integration/v1/webhook-register',
		'/platform-integration/v1/webhook-deregister',
		'https://api-gateway-prod.eu.airmeet.com/prod/platform-integration/v1/sample-payload?triggerMetaInfoId=x',
	])('sends the key pair, and no token, to %s', async (url) => {
		expect(await authenticated(url)).toEqual({
			Accept: 'application/json',
			'x-access-key': keys.accessKey,
			'x-secret-key': keys.secretKey,
		});
	});

	it.each(['/airmeets', '/platform-integration/v1/webhook-list', '/airmeet/x/attendee'])('sends only the token to %s', async (url) => {
		expect(await authenticated(url)).toEqual({ Accept: 'application/json', 'X-Airmeet-Access-Token': keys.sessionToken });
	});

	it('adds nothing to the token request itself', async () => {
		expect(await authenticated('/auth')).toEqual({ Accept: 'application/json' });
	});
});

describe('fields', () => {
	it('masks both keys, hides the token as an expirable field, and shows Base URL only for a custom region', () => {
		const byName = Object.fromEntries(credentialType.properties.map((property) => [property.name, property]));
		expect(byName.accessKey.typeOptions?.password).toBe(true);
		expect(byName.secretKey.typeOptions?.password).toBe(true);
		expect(byName.sessionToken).toEqual(expect.objectContaining({ type: 'hidden', default: '' }));
		expect(byName.sessionToken.typeOptions?.expirable).toBe(true);
		expect(byName.region.options?.map((option) => (option as { value: string }).value)).toEqual(['default', 'eu', 'us', 'custom']);
		expect(byName.baseUrl.displayOptions).toEqual({ show: { region: ['custom'] } });
	});
});

describe('credential test button', () => {
	const fake = new AirmeetFake();
	beforeAll(async () => await fake.start());
	afterAll(async () => await fake.stop());

	/** Resolves the test request with n8n's expression engine, then sends it as n8n would. */
	async function pressTest(accessKey: string, secretKey: string): Promise<{ status: number; url: string }> {
		const n8n = new TestN8n([new Airmeet()], []);
		const node = n8n.node(ACTION_NODE, {});
		const workflow = n8n.workflow(node);
		const request = credentialType.test.request;
		const $credentials = { accessKey, secretKey, region: 'custom', baseUrl: `${fake.baseUrl}/` };
		const resolve = (value: unknown) =>
			workflow.expression.getParameterValue(value as string, null, 0, 0, node.name, [], 'internal', { $credentials } as never);
		const headers = Object.fromEntries(
			Object.entries(request.headers ?? {}).map(([name, value]) => [name, String(resolve(value))]),
		);
		const url = `${String(resolve(request.baseURL))}${String(request.url)}`;
		const response = await fetch(url, { method: request.method, headers: { ...headers, 'content-type': 'application/json' }, body: '{}' });
		return { status: response.status, url };
	}

	it('asks /auth of the configured region with the key headers', async () => {
		const result = await pressTest(fake.accessKey, fake.secretKey);
		expect(result).toEqual({ status: 200, url: `${fake.baseUrl}/auth` });
		expect(fake.issuedTokens).toHaveLength(1);
	});

	it('explains wrong keys (400, as Airmeet answers them) and revoked ones (403) through its rules', async () => {
		const { status } = await pressTest(fake.accessKey, 'wrong');
		const ruleFor = (value: number) => credentialType.test.rules?.find((candidate) => candidate.properties.value === value);
		expect(status).toBe(400);
		expect(ruleFor(status)?.properties.message).toMatch(/access key and secret key in the Airmeet credential were not accepted/);
		fake.revoked = true;
		expect((await pressTest(fake.accessKey, fake.secretKey)).status).toBe(403);
		expect(ruleFor(403)?.properties.message).toMatch(/may have been revoked/);
	});
});

describe('token request failures', () => {
	let fake: AirmeetFake;
	let n8n: TestN8n;
	beforeEach(async () => {
		fake = new AirmeetFake();
		await fake.start();
		n8n = new TestN8n([new Airmeet()], [credentialType]);
	});
	afterEach(async () => await fake.stop());

	const listEvents = (baseUrl: string) =>
		n8n.execute(ACTION_NODE, {
			parameters: { resource: 'event', operation: 'getAll', limit: 1 },
			credentials: {
				[CREDENTIAL]: n8n.vault.add(CREDENTIAL, {
					accessKey: fake.accessKey,
					secretKey: fake.secretKey,
					region: 'custom',
					baseUrl,
				}),
			},
		});

	it('a region without an Airmeet API says to check the region', async () => {
		const error = await caught(listEvents(`${fake.baseUrl.replace(/\/prod$/, '')}/wrong`));
		expect(error.message).toMatch(/did not issue an access token \(HTTP 404\).*region or base URL is probably wrong/);
		expect((error as { description?: string }).description).toMatch(/region/);
		expect(errorText(error)).not.toContain(fake.secretKey);
	});

	it('an answer without a token is reported, not stored', async () => {
		fake.inject({ path: '/auth' }, { kind: 'status', status: 200, body: { success: true, data: {} } });
		const error = await caught(listEvents(fake.baseUrl));
		expect(error.message).toMatch(/its answer to \/auth holds no token/);
		expect(fake.count({ path: '/airmeets' })).toBe(0);
	});

	it('a failing /auth keeps Airmeet\'s message, and the call is never sent', async () => {
		fake.inject({ path: '/auth' }, { kind: 'status', status: 500, body: { message: 'Auth service down' } });
		const error = await caught(listEvents(fake.baseUrl));
		expect(error.message).toMatch(/did not issue an access token \(HTTP 500\): Auth service down/);
		expect(fake.count({ path: '/airmeets' })).toBe(0);
	});

	it('a custom region without a usable Base URL is refused before any call', async () => {
		const error = await caught(listEvents('not a url'));
		expect(error.message).toMatch(/Base URL is not a full http\(s\) address/);
		expect(fake.calls).toHaveLength(0);
	});
});
