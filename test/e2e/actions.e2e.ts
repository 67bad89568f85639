/* eslint-disable @n8n/community-nodes/no-restricted-globals -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * The action nodes in a real n8n, run the way the editor's "Execute workflow" runs them (n8n's
 * REST API, as the logged-in owner): the action example workflow against both fakes, an error
 * as users see it, and the Airmeet token lifecycle that n8n itself drives (preAuthentication,
 * refresh when a call answers 412).
 */
import { randomUUID } from 'crypto';

import type { Credential, Execution, N8nInstance, WorkflowInput } from './n8n';
import { PACKAGE, prepareExample } from './examples';
import { START_TIMEOUT_MS, airmeetCredentialFor, nodeItems, simplyMeetCredentialFor, startFileN8n } from './support';
import { AirmeetFake, samplePayloadFor } from '../fakes/airmeetFake';
import { seedDemoCommunity } from '../fakes/sandboxSeed';
import { SimplyMeetFake } from '../fakes/simplyMeetFake';

const fileStartedAt = Date.now();

let n8n: N8nInstance;
let finish: () => Promise<void>;
let simplyMeet: SimplyMeetFake;
let airmeet: AirmeetFake;
let simplyMeetCredential: Credential;
let airmeetCredential: Credential;

beforeAll(async () => {
	simplyMeet = new SimplyMeetFake();
	airmeet = new AirmeetFake();
	await simplyMeet.start();
	await airmeet.start();
	seedDemoCommunity(airmeet);
	({ n8n, finish } = await startFileN8n(__filename, fileStartedAt));
	simplyMeetCredential = await simplyMeetCredentialFor(n8n, simplyMeet);
	airmeetCredential = await airmeetCredentialFor(n8n, airmeet);
}, START_TIMEOUT_MS);

afterAll(async () => {
	await finish?.();
	await simplyMeet?.stop();
	await airmeet?.stop();
});

/** "Execute workflow" in the editor, then the finished execution. */
async function runToEnd(workflowId: string, startNode: string, previousRuns = 0): Promise<Execution> {
	const started = await n8n.runManually(workflowId, startNode);
	expect(started).toEqual({ executionId: expect.any(String) });
	const [newest] = await n8n.waitForExecutions(workflowId, previousRuns + 1, 30_000);
	expect(newest.mode).toBe('manual');
	return newest;
}

test('the action example (list SimplyMeet webhooks, get an Airmeet sample payload) runs successfully', async () => {
	const signed = simplyMeet.seedHook({ url: 'https://example.com/a', events: ['meetingScheduled'] });
	const unsigned = simplyMeet.seedHook({ url: 'https://example.com/b', events: ['meetingCancelled'], secret: null });
	const example = prepareExample('actions', {
		credentials: { simplyMeetApi: simplyMeetCredential, airmeetApi: airmeetCredential },
	});
	const workflow = await n8n.createWorkflow(example.workflow);

	const execution = await runToEnd(workflow.id, example.startNode);
	expect(execution.status).toBe('success');
	// Secrets never reach node output: `hasSecret` says whether one is set.
	expect(nodeItems(execution, 'List SimplyMeet webhooks')).toEqual(
		[signed, unsigned].map(({ secret, ...hook }) => ({ ...hook, hasSecret: secret !== null })),
	);
	// "Execute once": one sample although two webhooks came in.
	expect(nodeItems(execution, 'Get Airmeet sample payload')).toEqual([samplePayloadFor('trigger.airmeet.registrant.added')]);

	const list = simplyMeet.calls.find((call) => call.method === 'GET' && call.path === '/webhooks');
	expect(list?.headers['x-api-key']).toBe(simplyMeet.apiKey);
	const sample = airmeet.calls.find((call) => call.path === '/platform-integration/v1/sample-payload');
	expect(sample?.query.get('triggerMetaInfoId')).toBe('trigger.airmeet.registrant.added');
	expect(sample?.headers['x-access-key']).toBe(airmeet.accessKey);
	expect(sample?.headers['x-secret-key']).toBe(airmeet.secretKey);
});

test("a failing action stops the execution with the node's own explanation", async () => {
	const wrongKey = await n8n.createCredential('SimplyMeet (wrong key)', 'simplyMeetApi', {
		apiKey: 'not-the-key',
		baseUrl: simplyMeet.baseUrl,
	});
	const example = prepareExample('actions', {
		credentials: { simplyMeetApi: wrongKey, airmeetApi: airmeetCredential },
		name: 'Actions with a wrong SimplyMeet key',
	});
	const workflow = await n8n.createWorkflow(example.workflow);

	const execution = await runToEnd(workflow.id, example.startNode);
	expect(execution.status).toBe('error');
	expect(execution.data?.resultData?.lastNodeExecuted).toBe('List SimplyMeet webhooks');
	const error = execution.data?.resultData?.error;
	// What the user sees on the failed node: the node's NodeApiError with its own message, the
	// hint on what to fix, and the HTTP code (n8n keeps all three through the execution's storage).
	expect(error).toMatchObject({
		name: 'NodeApiError',
		httpCode: '401',
		message: 'SimplyMeet could not list webhooks (HTTP 401): Invalid API key.',
		description: expect.stringMatching(/^Check the API key in the SimplyMeet credential/),
	});
	expect(JSON.stringify(error)).not.toContain('not-the-key');
});

test('Airmeet: n8n fetches the token once, reuses it, and fetches a new one when Airmeet says it expired', async () => {
	// A credential of its own: n8n fetches the token on a credential's first use, whatever the call.
	const credential = await n8n.createCredential('Airmeet (token lifecycle)', 'airmeetApi', {
		accessKey: airmeet.accessKey,
		secretKey: airmeet.secretKey,
		region: 'custom',
		baseUrl: airmeet.baseUrl,
	});
	const workflow: WorkflowInput = {
		name: 'Airmeet events',
		nodes: [
			{ id: randomUUID(), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: randomUUID(),
				name: 'Airmeet',
				type: `${PACKAGE}.airmeet`,
				typeVersion: 1,
				position: [240, 0],
				parameters: { resource: 'event', operation: 'getAll', returnAll: true },
				credentials: { airmeetApi: { id: credential.id, name: credential.name } },
			},
		],
		connections: { Start: { main: [[{ node: 'Airmeet', type: 'main', index: 0 }]] } },
	};
	const { id } = await n8n.createWorkflow(workflow);
	const auths = () => airmeet.count({ method: 'POST', path: '/auth' });
	const authsBefore = auths();

	const first = await runToEnd(id, 'Start');
	expect(first.status).toBe('success');
	expect(nodeItems(first, 'Airmeet').map((event) => event.name)).toEqual(['Product Launch 2026', 'Community Meetup']);
	const second = await runToEnd(id, 'Start', 1);
	expect(second.status).toBe('success');
	// n8n stored the token in the credential after the first run: no new /auth for the second.
	expect(auths() - authsBefore).toBe(1);

	airmeet.expireTokens();
	const third = await runToEnd(id, 'Start', 2);
	expect(third.status).toBe('success');
	expect(nodeItems(third, 'Airmeet')).toHaveLength(2);
	expect(auths() - authsBefore).toBe(2);
	// Every token call used the token /auth handed out last.
	const lastToken = airmeet.issuedTokens[airmeet.issuedTokens.length - 1];
	const lastList = airmeet.calls.filter((call) => call.path === '/airmeets').pop();
	expect(lastList?.headers['x-airmeet-access-token']).toBe(lastToken);
});
