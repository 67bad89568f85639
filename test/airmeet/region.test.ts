/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * Which host each region reaches, through n8n's real HTTP stack: an HTTPS proxy set in the
 * environment (which n8n honours per request) records the CONNECT target and refuses it, so no
 * request ever leaves the machine.
 */
import { createServer } from 'http';
import type { Server } from 'http';
import type { AddressInfo } from 'net';

import { AirmeetApi } from '../../credentials/AirmeetApi.credentials';
import { Airmeet } from '../../nodes/Airmeet/Airmeet.node';
import { AirmeetFake } from '../fakes/airmeetFake';
import { TestN8n } from '../harness/n8nHarness';
import { ACTION_NODE, CREDENTIAL, caught, errorText } from './world';

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy', 'NO_PROXY', 'no_proxy'];

let proxy: Server;
const targets: string[] = [];
const savedEnvironment: Record<string, string | undefined> = {};

beforeAll(async () => {
	proxy = createServer((_req, res) => res.writeHead(403).end());
	proxy.on('connect', (req, socket) => {
		targets.push(String(req.url));
		socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
	});
	await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
	for (const name of PROXY_VARIABLES) savedEnvironment[name] = process.env[name];
	for (const name of PROXY_VARIABLES) delete process.env[name];
	process.env.HTTPS_PROXY = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

afterAll(async () => {
	for (const name of PROXY_VARIABLES) {
		if (savedEnvironment[name] === undefined) delete process.env[name];
		else process.env[name] = savedEnvironment[name];
	}
	proxy.closeAllConnections();
	await new Promise<void>((resolve) => proxy.close(() => resolve()));
});

beforeEach(() => {
	targets.length = 0;
});

const n8n = new TestN8n([new Airmeet()], [new AirmeetApi()]);

function listEvents(credential: Record<string, string>) {
	return n8n.execute(ACTION_NODE, {
		parameters: { resource: 'event', operation: 'getAll', limit: 1 },
		credentials: { [CREDENTIAL]: n8n.vault.add(CREDENTIAL, { accessKey: 'ak-12345678', secretKey: 'sk-87654321', ...credential }) },
	});
}

it.each([
	['default', 'api-gateway.airmeet.com:443'],
	['eu', 'api-gateway-prod.eu.airmeet.com:443'],
	['us', 'api-gateway-prod.us.airmeet.com:443'],
])('region %s: the token request goes to %s', async (region, host) => {
	const error = await caught(listEvents({ region }));
	expect(targets).toEqual([host]);
	expect(error.message).toMatch(/Airmeet could not list the events: Airmeet did not issue an access token/);
	expect(errorText(error)).not.toMatch(/ak-12345678|sk-87654321/);
});

it.each([
	['default', 'api-gateway.airmeet.com:443'],
	['eu', 'api-gateway-prod.eu.airmeet.com:443'],
	['us', 'api-gateway-prod.us.airmeet.com:443'],
])('region %s: with a token, the call itself goes to %s', async (region, host) => {
	await caught(listEvents({ region, sessionToken: 'tok-stored-123' }));
	expect(targets).toEqual([host]);
});

it('region custom: calls go to the base URL entered (here a plain-http fake, reached without a CONNECT)', async () => {
	const fake = new AirmeetFake();
	await fake.start();
	try {
		process.env.NO_PROXY = '127.0.0.1';
		const [items] = await listEvents({ region: 'custom', baseUrl: fake.baseUrl, accessKey: fake.accessKey, secretKey: fake.secretKey });
		expect(items).toEqual([]);
		expect(fake.calls.map((call) => call.path)).toEqual(['/auth', '/airmeets']);
		expect(targets).toEqual([]);
	} finally {
		delete process.env.NO_PROXY;
		await fake.stop();
	}
});
