/* eslint-disable @n8n/community-nodes/no-restricted-globals -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * The action nodes in a real n8n, run the way the editor's "Execute workflow" runs them (n8n's
 * REST API, as the logged-in owner): the action example workflow against both fakes, an error
 * as users see it, and the Airmeet token lifecycle that n8n itself drives (preAuthentication,
 * refresh when a call answers 412), and the certified connector's fields sent by Airmeet nodes of
 * both versions.
 */
import { randomUUID } from 'crypto';

import type { Credential, Execution, N8nInstance, WorkflowInput } from './n8n';
import { PACKAGE, prepareExample } from './examples';
import { START_TIMEOUT_MS, airmeetCredentialFor, nodeItems, simplyMeetCredentialFor, startFileN8n, startServiceFakes } from './support';
import type { AirmeetFake } from '../fakes/airmeetFake';
import { samplePayloadFor } from '../fakes/airmeetFake';
import type { SimplyMeetFake } from '../fakes/simplyMeetFake';
import { DEMO_EVENT_ID, DEMO_SESSION_ID } from '../fakes/sandboxSeed';

const fileStartedAt = Date.now();

let n8n: N8nInstance;
let finish: () => Promise<void>;
let simplyMeet: SimplyMeetFake;
let airmeet: AirmeetFake;
let simplyMeetCredential: Credential;
let airmeetCredential: Credential;

beforeAll(async () => {
	({ simplyMeet, airmeet } = await startServiceFakes());
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

test('one operation of every resource of both action nodes runs in a real n8n', async () => {
	// A finished event of its own, so the attendance reports exist; the first look at each is "preparing".
	const finished = airmeet.seedEvent({ name: 'Finished Webinar', status: 'FINISHED' });
	const booth = airmeet.seedBooth(finished, { name: 'Sponsor' });
	airmeet.seedPeople(booth.attendees, 3);
	airmeet.seedPeople(finished.registrations, 4);
	airmeet.seedParticipants(finished, 2);
	airmeet.preparingCalls = 1;
	const meetingType = simplyMeet.seedMeetingType({ name: 'Intro call' });
	const event = (id: string) => ({ __rl: true, mode: 'id', value: id });
	const steps: Array<{ name: string; type: 'airmeet' | 'simplyMeet'; parameters: Record<string, unknown> }> = [
		{ name: 'Event: start', type: 'airmeet', parameters: { resource: 'event', operation: 'start', airmeetId: event(DEMO_EVENT_ID) } },
		{ name: 'Session: get many', type: 'airmeet', parameters: { resource: 'session', operation: 'getAll', airmeetId: event(DEMO_EVENT_ID), returnAll: true } },
		{ name: 'Speaker: add', type: 'airmeet', parameters: { resource: 'speaker', operation: 'add', airmeetId: event(DEMO_EVENT_ID), name: 'Ada', email: 'ada@example.com' } },
		{
			name: 'Booth: attendance',
			type: 'airmeet',
			parameters: {
				resource: 'booth',
				operation: 'getAttendance',
				airmeetId: event(finished.uid),
				boothId: event(booth.boothId),
				returnAll: true,
				waitOptions: { firstPause: 0.05, maxWait: 10 },
			},
		},
		{ name: 'Registration: get many', type: 'airmeet', parameters: { resource: 'registration', operation: 'getAll', airmeetId: event(finished.uid), returnAll: true } },
		{ name: 'Participant: remove', type: 'airmeet', parameters: { resource: 'participant', operation: 'remove', airmeetId: event(finished.uid), email: 'person1@example.com' } },
		{ name: 'Webhook: get many', type: 'airmeet', parameters: { resource: 'webhook', operation: 'getAll', scope: 'session', sessionId: event(DEMO_SESSION_ID), returnAll: true } },
		{ name: 'Meeting types', type: 'simplyMeet', parameters: { resource: 'meetingType', operation: 'getAll', returnAll: true } },
		{ name: 'Single-use links', type: 'simplyMeet', parameters: { resource: 'singleUseLink', operation: 'create', meetingType: event(meetingType.uuid), count: 2 } },
	];
	const workflow: WorkflowInput = {
		name: 'Every resource',
		nodes: [
			{ id: randomUUID(), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			...steps.map((step, index) => ({
				id: randomUUID(),
				name: step.name,
				type: `${PACKAGE}.${step.type}`,
				typeVersion: 1,
				position: [240, index * 160] as [number, number],
				parameters: step.parameters,
				credentials: Object.fromEntries(
					[step.type === 'airmeet' ? airmeetCredential : simplyMeetCredential].map(({ id, name, type }) => [type, { id, name }]),
				),
			})),
		],
		connections: { Start: { main: [steps.map((step) => ({ node: step.name, type: 'main', index: 0 }))] } },
	};
	const { id } = await n8n.createWorkflow(workflow);
	const execution = await runToEnd(id, 'Start');
	expect(execution.status).toBe('success');
	expect(nodeItems(execution, 'Event: start')).toEqual([{ airmeetId: DEMO_EVENT_ID, status: 'ONGOING', statusUpdated: true }]);
	expect(nodeItems(execution, 'Session: get many').map((item) => item.sessionid)).toContain(DEMO_SESSION_ID);
	expect(nodeItems(execution, 'Speaker: add')).toEqual([expect.objectContaining({ speakerEmail: 'ada@example.com' })]);
	expect(nodeItems(execution, 'Booth: attendance').map((item) => item.email)).toEqual(booth.attendees.map((entry) => entry.email));
	expect(airmeet.count({ path: `/airmeet/${finished.uid}/booth/${booth.boothId}/booth-attendance` })).toBe(2);
	expect(nodeItems(execution, 'Registration: get many')).toHaveLength(4);
	expect(nodeItems(execution, 'Participant: remove')).toEqual([expect.objectContaining({ email: 'person1@example.com', deleted: true })]);
	expect(nodeItems(execution, 'Webhook: get many')).toEqual([]);
	expect(nodeItems(execution, 'Meeting types')).toEqual([expect.objectContaining({ uuid: meetingType.uuid, name: 'Intro call' })]);
	expect(nodeItems(execution, 'Single-use links')).toHaveLength(2);
	expect(simplyMeet.links).toHaveLength(2);
	airmeet.preparingCalls = 0;
});

// n8n itself decides which fields a node of each version keeps (it drops what a version does not
// show), so only a real n8n shows that a saved version-1 Participant > Add still sends its switches.
test("the certified connector's fields reach Airmeet from nodes of version 1 and 1.1", async () => {
	const launch = airmeet.seedEvent({ name: 'Hybrid Launch' });
	const event = { __rl: true, mode: 'id', value: launch.uid };
	const attendee = { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' };
	const steps: Array<{ name: string; typeVersion: number; parameters: Record<string, unknown> }> = [
		{
			name: 'Saved add',
			typeVersion: 1,
			parameters: { resource: 'participant', operation: 'add', airmeetId: event, ...attendee, additionalFields: { registerAttendee: true, sendEmailInvite: true } },
		},
		{
			name: 'New add',
			typeVersion: 1.1,
			parameters: {
				resource: 'participant',
				operation: 'add',
				airmeetId: event,
				...attendee,
				email: 'grace@example.com',
				attendanceType: 'IN-PERSON',
				sendEmailInvite: true,
			},
		},
		{
			name: 'Booth',
			typeVersion: 1.1,
			parameters: {
				resource: 'booth',
				operation: 'create',
				airmeetId: event,
				name: 'Sponsor A',
				exhibitors: { exhibitor: [{ email: 'ada@example.com', attendanceType: 'HYBRID' }] },
				loungeEnabled: true,
			},
		},
		{
			name: 'Session',
			typeVersion: 1.1,
			parameters: {
				resource: 'session',
				operation: 'create',
				airmeetId: event,
				sessionTitle: 'Rounds',
				sessionStartTime: '2026-12-01T10:30:00Z',
				sessionDuration: 30,
				hostEmail: 'host@example.com',
				type: 'SPEED_NETWORKING',
				speedNetworking: { conversationTime: 3 },
			},
		},
	];
	const workflow: WorkflowInput = {
		name: 'Connector fields',
		nodes: [
			{ id: randomUUID(), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			...steps.map((step, index) => ({
				id: randomUUID(),
				name: step.name,
				type: `${PACKAGE}.airmeet`,
				typeVersion: step.typeVersion,
				position: [240, index * 160] as [number, number],
				parameters: step.parameters,
				credentials: { airmeetApi: { id: airmeetCredential.id, name: airmeetCredential.name } },
			})),
		],
		connections: { Start: { main: [steps.map((step) => ({ node: step.name, type: 'main', index: 0 }))] } },
	};
	const { id } = await n8n.createWorkflow(workflow);
	const execution = await runToEnd(id, 'Start');
	expect(execution.status).toBe('success');
	expect(nodeItems(execution, 'Booth')).toEqual([{ airmeetId: launch.uid, uuid: launch.booths[0].boothId }]);

	const sent = (suffix: string) => airmeet.calls.filter((call) => call.path === `/airmeet/${launch.uid}${suffix}`).map((call) => call.body);
	expect(sent('/attendee')).toEqual(
		expect.arrayContaining([
			{ ...attendee, registerAttendee: true, sendEmailInvite: true },
			{ ...attendee, email: 'grace@example.com', attendance_type: 'IN-PERSON', registerAttendee: false, sendEmailInvite: true },
		]),
	);
	expect(sent('/attendee')).toHaveLength(2);
	expect(sent('/booths')).toEqual([
		{
			name: 'Sponsor A',
			exhibitorInfo: [{ email: 'ada@example.com', exhibitorAttendanceType: 'HYBRID' }],
			exhibitors: ['ada@example.com'],
			metaData: { chatEnabled: false, loungeEnabled: true, broadcastEnabled: false, tableCount: 6 },
		},
	]);
	expect(sent('/session')).toEqual([
		{
			sessionTitle: 'Rounds',
			sessionStartTime: Date.UTC(2026, 11, 1, 10, 30),
			sessionDuration: 30,
			hostEmail: 'host@example.com',
			speakerEmails: [],
			type: 'SPEED_NETWORKING',
			speedNetworkingData: { conversationTime: 3 },
		},
	]);
});
