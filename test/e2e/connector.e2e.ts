/* eslint-disable @n8n/community-nodes/no-restricted-globals -- Node-side test code, not node code: the rules for code running inside n8n do not apply */
/**
 * Participant > Add, Booth > Create and Session > Create in a real n8n, at the version new nodes
 * get (1.1) and at the version saved workflows have (1): n8n itself decides which fields a node of
 * each version keeps, so only a real n8n shows that a saved workflow still sends its switches.
 */
import { randomUUID } from 'crypto';

import type { Credential, N8nInstance, WorkflowInput } from './n8n';
import { PACKAGE } from './examples';
import { START_TIMEOUT_MS, airmeetCredentialFor, nodeItems, startFileN8n, startServiceFakes } from './support';
import type { AirmeetFake } from '../fakes/airmeetFake';
import type { SimplyMeetFake } from '../fakes/simplyMeetFake';

const fileStartedAt = Date.now();

let n8n: N8nInstance;
let finish: () => Promise<void>;
let simplyMeet: SimplyMeetFake;
let airmeet: AirmeetFake;
let airmeetCredential: Credential;

beforeAll(async () => {
	({ simplyMeet, airmeet } = await startServiceFakes());
	({ n8n, finish } = await startFileN8n(__filename, fileStartedAt));
	airmeetCredential = await airmeetCredentialFor(n8n, airmeet);
}, START_TIMEOUT_MS);

afterAll(async () => {
	await finish?.();
	await simplyMeet?.stop();
	await airmeet?.stop();
});

test("the connector's fields reach Airmeet from nodes of both versions", async () => {
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
	const started = await n8n.runManually(id, 'Start');
	expect(started).toEqual({ executionId: expect.any(String) });
	const [execution] = await n8n.waitForExecutions(id, 1, 30_000);
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
