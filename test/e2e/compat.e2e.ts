/* eslint-disable @n8n/community-nodes/no-restricted-globals -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * What must work on every supported n8n line, run once per line (`N8N_RUNTIME_LINE=1.x` for the
 * oldest, 2.x by default): the SimplyMeet trigger's lifecycle with signed deliveries, and Airmeet
 * calls across an access-token expiry. Only calls every line serves are used (no publication
 * status, no manual runs): each publish is followed by waiting on the fake's side. Also the
 * editor's Airmeet pickers (a listSearch and a loadOptions method), asked for as the editor asks.
 */
import { randomUUID } from 'crypto';

import type { Credential, N8nInstance } from './n8n';
import { PACKAGE, prepareExample } from './examples';
import {
	START_TIMEOUT_MS,
	airmeetCredentialFor,
	meetingUuidOf,
	nodeItems,
	postRaw,
	simplyMeetCredentialFor,
	simplyMeetSignature,
	startFileN8n,
	startServiceFakes,
} from './support';
import type { AirmeetFake, FakeAirmeetEvent } from '../fakes/airmeetFake';
import { sampleCustomFields } from '../fakes/airmeetFake';
import type { SimplyMeetFake } from '../fakes/simplyMeetFake';
import { sampleMeeting } from '../fakes/simplyMeetFake';

const fileStartedAt = Date.now();

let n8n: N8nInstance;
let finish: () => Promise<void>;
let simplyMeet: SimplyMeetFake;
let airmeet: AirmeetFake;
let simplyMeetCredential: Credential;
let airmeetCredential: Credential;
let launch: FakeAirmeetEvent;

beforeAll(async () => {
	({ simplyMeet, airmeet } = await startServiceFakes((fake) => {
		launch = fake.seedEvent({ name: 'Product Launch 2026', customFields: sampleCustomFields() });
	}));
	({ n8n, finish } = await startFileN8n(__filename, fileStartedAt));
	simplyMeetCredential = await simplyMeetCredentialFor(n8n, simplyMeet);
	airmeetCredential = await airmeetCredentialFor(n8n, airmeet);
}, START_TIMEOUT_MS);

afterAll(async () => {
	await finish?.();
	await Promise.all([simplyMeet?.stop(), airmeet?.stop()]);
});

test("the SimplyMeet credential's Test button: OK against the API, and a web page at the base URL says to switch hosts", async () => {
	expect((await n8n.testCredential(simplyMeetCredential)).status).toBe('OK');
	simplyMeet.websiteStatus = 200;
	try {
		expect(await n8n.testCredential(simplyMeetCredential)).toEqual({
			status: 'Error',
			message: expect.stringContaining('SimplyMeet\'s API is at https://secure.simplymeet.me/api') as string,
		});
	} finally {
		simplyMeet.websiteStatus = undefined;
	}
});

describe('the SimplyMeet trigger, published, delivered to and unpublished', () => {
	let workflowId: string;
	let url: string;
	let secret: string;

	test('publishing registers exactly one hook at n8n production URL', async () => {
		const example = prepareExample('simplyMeet', { credentials: { simplyMeetApi: simplyMeetCredential } });
		workflowId = (await n8n.createWorkflow(example.workflow)).id;
		url = `${n8n.url}/webhook/${String(example.webhookId)}/webhook`;
		await n8n.activate(workflowId);
		await n8n.waitFor(() => simplyMeet.hooks.length > 0, 30_000, 200, 'the hook to be registered');
		await n8n.waitForWebhook(url);
		expect(simplyMeet.hooks).toHaveLength(1);
		expect(simplyMeet.hooksFor(url)).toHaveLength(1);
		secret = String(simplyMeet.hooksFor(url)[0].secret);
	});

	test('a signed delivery gives one successful execution with the meeting', async () => {
		const meeting = sampleMeeting('meetingScheduled');
		const results = await simplyMeet.deliver('meetingScheduled', { meeting });
		expect(results.map((result) => result.status)).toEqual([200]);
		const executions = await n8n.waitForExecutions(workflowId, 1);
		expect(executions).toHaveLength(1);
		expect(executions[0].status).toBe('success');
		expect(nodeItems(executions[0], 'SimplyMeet Trigger')).toEqual([{ event: 'meetingScheduled', ...meeting }]);
	});

	test('an unsigned delivery is answered 401 and starts nothing', async () => {
		const raw = JSON.stringify({ data: sampleMeeting('meetingScheduled') });
		expect((await postRaw(url, raw)).status).toBe(401);
		// A signed delivery after it: once its execution is there, one from the refused delivery
		// (answered first) would be too.
		const meeting = sampleMeeting('meetingCancelled');
		const signedRaw = JSON.stringify({ data: meeting });
		expect((await postRaw(url, signedRaw, { 'webhook-signature': simplyMeetSignature(secret, signedRaw) })).status).toBe(200);
		const executions = await n8n.waitForExecutions(workflowId, 2);
		expect(executions).toHaveLength(2);
		expect(executions.map((execution) => meetingUuidOf(execution))).toEqual([meeting.uuid, expect.anything()]);
	});

	test('unpublishing removes the hook', async () => {
		await n8n.deactivate(workflowId);
		await n8n.waitFor(() => simplyMeet.hooks.length === 0, 30_000, 200, 'the hook to be removed');
		expect(simplyMeet.hooksFor(url)).toEqual([]);
	});
});

describe('Airmeet calls across an access-token expiry', () => {
	const webhookId = randomUUID();
	const authCalls = (): number => airmeet.count({ method: 'POST', path: '/auth' });
	let workflowId: string;
	let url: string;

	/** Runs the workflow (core Webhook → Airmeet: Event > Get Many) and returns the event names it listed. */
	async function listEvents(): Promise<unknown[]> {
		const answer = await postRaw(url, '{}');
		expect({ status: answer.status, body: answer.body }).toMatchObject({ status: 200 });
		return (JSON.parse(answer.body) as Array<{ name?: unknown }>).map((item) => item.name);
	}

	test('a production workflow lists the events', async () => {
		const workflow = await n8n.createWorkflow({
			name: 'Airmeet events on request',
			nodes: [
				{
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: [0, 0],
					webhookId,
					parameters: { httpMethod: 'POST', path: 'airmeet-events', responseMode: 'lastNode', responseData: 'allEntries' },
				},
				{
					name: 'Airmeet',
					type: `${PACKAGE}.airmeet`,
					typeVersion: 1,
					position: [220, 0],
					parameters: { resource: 'event', operation: 'getAll', returnAll: true },
					credentials: { airmeetApi: { id: airmeetCredential.id, name: airmeetCredential.name } },
				},
			],
			connections: { Webhook: { main: [[{ node: 'Airmeet', type: 'main', index: 0 }]] } },
		});
		workflowId = workflow.id;
		// The core Webhook node serves its path as it is, without the webhookId in front.
		url = n8n.webhookUrl(undefined, 'airmeet-events');
		await n8n.activate(workflowId);
		await n8n.waitForWebhook(url);
		expect(await listEvents()).toEqual(['Product Launch 2026']);
		expect(authCalls()).toBe(1);
	});

	test('after each expiry the calls keep working, and each expiry costs exactly one /auth', async () => {
		for (let expiry = 1; expiry <= 2; expiry++) {
			airmeet.expireTokens();
			for (let call = 0; call < 3; call++) expect(await listEvents()).toEqual(['Product Launch 2026']);
			expect(authCalls()).toBe(1 + expiry);
		}
		const executions = await n8n.waitForExecutions(workflowId, 7);
		expect(executions.map((execution) => execution.status)).toEqual(Array(7).fill('success'));
	});
});


describe("the editor's Airmeet pickers", () => {
	const addParticipant = (parameters: Record<string, unknown>) => ({
		nodeType: `${PACKAGE}.airmeet`,
		version: 1,
		credential: airmeetCredential,
		parameters: { resource: 'participant', operation: 'add', ...parameters },
	});

	test('the Event picker finds the event by a part of its name', async () => {
		const found = await n8n.parameterChoices<{ results: Array<{ name: string; value: string }> }>(
			'resourceLocator',
			{ ...addParticipant({}), path: 'parameters.airmeetId', methodName: 'searchEvents', filter: 'launch' },
		);
		expect(found.results).toEqual([{ name: expect.stringMatching(/^Product Launch 2026 \(CREATED, 2026-12-\d\d\)$/), value: launch.uid }]);
	});

	test("Custom Fields lists the chosen event's fields, required ones marked and choice codes shown", async () => {
		const options = await n8n.parameterChoices<Array<{ name: string; value: string; description?: string }>>('options', {
			...addParticipant({
				airmeetId: { __rl: true, mode: 'list', value: launch.uid },
				additionalFields: { customFields: { field: [{ fieldId: '', value: '' }] } },
			}),
			path: 'parameters.additionalFields.customFields.field[0].fieldId',
			methodName: 'getCustomFields',
		});
		expect(options).toEqual([
			{ name: 'Company Size (required)', value: 'f-size', description: 'DROPDOWN field; Value is one of the codes: s (1-10), m (11-200)' },
			{ name: 'Dietary Needs', value: 'f-diet', description: 'TEXT field' },
		]);
		expect(airmeet.calls.filter((call) => call.path.endsWith(`/airmeet/${launch.uid}/custom-fields`))).toHaveLength(1);
	});
});
