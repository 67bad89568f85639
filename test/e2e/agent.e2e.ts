/* eslint-disable @n8n/community-nodes/no-restricted-globals -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * Our nodes as tools of n8n's AI Agent, in a real n8n: the agent example (examples/ai-agent-tools.json)
 * with its OpenAI Chat Model pointed at a scripted OpenAI-compatible model on 127.0.0.1 (chat
 * completions with tool calls), plus tools that let the model fill Trigger, Event, a Custom Fields
 * value and Events. The workflow is published (n8n's required-parameter check runs then) and driven
 * through its Webhook trigger: each POST is one agent run, answered with the agent's final message.
 */
import { randomUUID } from 'crypto';

import type { Credential, Execution, N8nInstance, WorkflowNode } from './n8n';
import { PACKAGE, nodeNamed, prepareExample } from './examples';
import { START_TIMEOUT_MS, airmeetCredentialFor, simplyMeetCredentialFor, startFileN8n, startServiceFakes } from './support';
import type { AirmeetFake } from '../fakes/airmeetFake';
import { sampleCustomFields, samplePayloadFor } from '../fakes/airmeetFake';
import type { ChatRequest, ModelTurn } from '../fakes/openAiFake';
import { OpenAiFake, messageText } from '../fakes/openAiFake';
import { DEMO_EVENT_ID, seedDemoCommunity } from '../fakes/sandboxSeed';
import { AIRMEET_TRIGGERS } from '../../nodes/Airmeet/triggers';
import type { FakeMeetingType, SimplyMeetFake } from '../fakes/simplyMeetFake';

const fileStartedAt = Date.now();

let n8n: N8nInstance;
let finish: () => Promise<void>;
let simplyMeet: SimplyMeetFake;
let airmeet: AirmeetFake;
let model: OpenAiFake;
let workflowId: string;
let meetingType: FakeMeetingType;
let runs = 0;

const WEBHOOK_URL = 'https://crm.example.com/airmeet-hook';
const VALID_TRIGGER = 'trigger.airmeet.registrant.added';

function fromAi(key: string, description: string): string {
	return `={{ $fromAI('${key}', \`${description}\`, 'string') }}`;
}

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** Tools beside the example's: they let the model fill the other fields the issue names. */
function extraTools(credentials: { airmeet: Credential; simplyMeet: Credential }): WorkflowNode[] {
	const tool = (name: string, type: 'airmeetTool' | 'simplyMeetTool', x: number, parameters: Record<string, unknown>): WorkflowNode => {
		const credential = type === 'airmeetTool' ? { airmeetApi: credentials.airmeet } : { simplyMeetApi: credentials.simplyMeet };
		return {
			id: randomUUID(),
			name,
			type: `${PACKAGE}.${type}`,
			typeVersion: 1,
			position: [x, 480],
			parameters,
			credentials: Object.fromEntries(Object.entries(credential).map(([key, value]) => [key, { id: value.id, name: value.name }])),
		};
	};
	return [
		tool('Airmeet register webhook', 'airmeetTool', 300, {
			resource: 'webhook',
			operation: 'register',
			trigger: fromAi('trigger', 'The Airmeet trigger ID'),
			airmeetId: byId(fromAi('event_id', 'The Airmeet event ID')),
			url: fromAi('url', 'Where Airmeet delivers'),
		}),
		tool('Airmeet add participant', 'airmeetTool', 480, {
			resource: 'participant',
			operation: 'add',
			airmeetId: byId(DEMO_EVENT_ID),
			email: fromAi('email', 'The attendee e-mail address'),
			firstName: fromAi('first_name', 'First name'),
			lastName: fromAi('last_name', 'Last name'),
			additionalFields: { customFields: { field: [{ fieldId: 'f-diet', value: fromAi('diet', 'Dietary needs') }] } },
		}),
		tool('SimplyMeet create webhook', 'simplyMeetTool', 660, {
			resource: 'webhook',
			operation: 'create',
			url: fromAi('url', 'Where SimplyMeet delivers'),
			events: fromAi('events', 'One or more of: meetingScheduled, meetingRescheduled, meetingCancelled'),
		}),
	];
}

/** The calls each question makes the scripted model do, in order; then it answers quoting the last tool result. */
const SCRIPTS: Record<string, Array<Record<string, unknown> & { tool: string }>> = {
	'Which webhooks does the launch event have?': [{ tool: 'Airmeet_event_webhooks', event_id: DEMO_EVENT_ID }],
	'What does a registration delivery look like?': [{ tool: 'Airmeet_sample_payload', trigger: VALID_TRIGGER }],
	'Send me a booking link.': [{ tool: 'SimplyMeet_single-use_link', meeting_type: '<meeting type>' }],
	// The model guesses a wrong id first, reads the allowed ones from the error, and corrects itself.
	'Show me a registration sample, quickly.': [
		{ tool: 'Airmeet_sample_payload', trigger: 'registrant.added' },
		{ tool: 'Airmeet_sample_payload', trigger: VALID_TRIGGER },
	],
	'Watch launch registrations.': [{ tool: 'Airmeet_register_webhook', trigger: VALID_TRIGGER, event_id: DEMO_EVENT_ID, url: WEBHOOK_URL }],
	'Tell our CRM about new and cancelled meetings.': [
		{ tool: 'SimplyMeet_create_webhook', url: 'https://crm.example.com/simplymeet', events: 'meetingScheduled, meetingCancelled' },
	],
	'Register Ada for the launch.': [
		{ tool: 'Airmeet_add_participant', email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', diet: 'Vegetarian, no nuts' },
	],
};

function toolResults(request: ChatRequest): string[] {
	return request.messages.filter((message) => message.role === 'tool').map(messageText);
}

function scriptedTurn(request: ChatRequest): ModelTurn {
	const question = messageText(request.messages.find((message) => message.role === 'user') ?? { role: 'user', content: '' });
	const steps = SCRIPTS[question];
	if (!steps) return { answer: `No script for "${question}"` };
	const done = toolResults(request);
	if (done.length < steps.length) {
		const { tool, ...args } = steps[done.length];
		if (args.meeting_type === '<meeting type>') args.meeting_type = meetingType.uuid;
		return { call: tool, arguments: args };
	}
	return { answer: `Result: ${done[done.length - 1]}` };
}

beforeAll(async () => {
	({ simplyMeet, airmeet } = await startServiceFakes((fake) => {
		seedDemoCommunity(fake).launch.customFields.push(...sampleCustomFields());
	}));
	model = new OpenAiFake();
	await model.start();
	model.script = scriptedTurn;
	meetingType = simplyMeet.seedMeetingType({ name: 'Intro call' });
	airmeet.seedHook({ url: 'https://crm.example.com/seeded', triggerMetaInfoId: VALID_TRIGGER, airmeetId: DEMO_EVENT_ID });
	({ n8n, finish } = await startFileN8n(__filename, fileStartedAt));
	const simplyMeetCredential = await simplyMeetCredentialFor(n8n, simplyMeet);
	const airmeetCredential = await airmeetCredentialFor(n8n, airmeet);
	const openAi = await n8n.createCredential('OpenAI (scripted)', 'openAiApi', { apiKey: model.apiKey, url: model.baseUrl, header: false });

	const example = prepareExample('agent', { credentials: { simplyMeetApi: simplyMeetCredential, airmeetApi: airmeetCredential } });
	const chatModel = nodeNamed(example.workflow, 'OpenAI Chat Model');
	chatModel.credentials = { openAiApi: { id: openAi.id, name: openAi.name } };
	// The scripted model speaks chat completions; the node's default is OpenAI's Responses API.
	chatModel.parameters = { ...chatModel.parameters, model: byId('scripted-model'), responsesApiEnabled: false };
	const tools = extraTools({ airmeet: airmeetCredential, simplyMeet: simplyMeetCredential });
	example.workflow.nodes.push(...tools);
	for (const tool of tools) {
		(example.workflow.connections as Record<string, unknown>)[tool.name] = { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] };
	}
	workflowId = (await n8n.createWorkflow(example.workflow)).id;
	await n8n.activate(workflowId);
}, START_TIMEOUT_MS);

afterAll(async () => {
	await finish?.();
	await model?.stop();
	await simplyMeet?.stop();
	await airmeet?.stop();
});

/** Asks the agent through the workflow's Webhook trigger; returns its answer and the finished execution. */
async function ask(question: string): Promise<{ answer: string; execution: Execution; requests: ChatRequest[] }> {
	const before = model.requests.length;
	const response = await fetch(n8n.webhookUrl(undefined, 'ask'), {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ question }),
	});
	const body = (await response.json()) as { output?: string };
	runs++;
	const [execution] = await n8n.waitForExecutions(workflowId, runs, 60_000);
	expect({ status: response.status, executionStatus: execution.status }).toEqual({ status: 200, executionStatus: 'success' });
	return { answer: String(body.output), execution, requests: model.requests.slice(before) };
}

function secrets(): string[] {
	return [
		airmeet.accessKey,
		airmeet.secretKey,
		...airmeet.issuedTokens,
		simplyMeet.apiKey,
		...simplyMeet.hooks.map((hook) => hook.secret).filter((secret): secret is string => typeof secret === 'string'),
	];
}

afterAll(() => {
	// Nothing the model was sent, in any request of any scenario, carries a key, token or secret of ours.
	const sent = JSON.stringify(model.calls.map((call) => call.body));
	for (const secret of secrets()) expect(sent).not.toContain(secret);
});

test('the workflow, with $fromAI in Trigger, Event, a Custom Fields value and Events, is published', async () => {
	const status = await n8n.waitForPublication(workflowId);
	expect(status.status).toBe('published');
});

test('the model receives our tools, described as the nodes build them, with the fields it fills', async () => {
	const { requests } = await ask('Which webhooks does the launch event have?');
	const tools = new Map(requests[0].tools?.map((tool) => [tool.function.name, tool.function]));
	expect(Object.fromEntries([...tools].map(([name, tool]) => [name, tool.description]))).toEqual({
		Airmeet_event_webhooks:
			'List the webhooks of an event (needs Event ID) or of a session (needs Session ID), chosen in List For; one item per webhook in Airmeet',
		Airmeet_sample_payload: 'Get an example of what a trigger delivers, one item per entry when it is a list (needs Trigger) in Airmeet',
		'SimplyMeet_single-use_link':
			'Create booking links for a meeting type that each work once, one item per link with its URL (needs Meeting Type ID) in SimplyMeet',
		Airmeet_register_webhook:
			'Have Airmeet call a URL when a trigger fires, for an event, a session or the whole community; returns the new webhook (needs Trigger, URL) in Airmeet',
		Airmeet_add_participant:
			'Add an authorized attendee to an event and get their personal entry link (needs Event ID, Email, First Name, Last Name) in Airmeet',
		SimplyMeet_create_webhook: 'Register a webhook that SimplyMeet calls on meeting events (needs URL, Events) in SimplyMeet',
	});
	expect(tools.get('Airmeet_sample_payload')?.parameters?.properties?.trigger?.description).toContain('trigger.airmeet.registrant.added');
	expect(Object.keys(tools.get('Airmeet_event_webhooks')?.parameters?.properties ?? {})).toEqual(['event_id']);
});

test('the model lists the webhooks of the event it chose', async () => {
	airmeet.resetCalls();
	const { answer, requests } = await ask('Which webhooks does the launch event have?');
	const lists = airmeet.calls.filter((call) => call.path === '/platform-integration/v1/webhook-list');
	expect(lists.map((call) => call.query.get('airmeetId'))).toEqual([DEMO_EVENT_ID]);
	expect(requests).toHaveLength(2);
	expect(toolResults(requests[1])[0]).toContain('https://crm.example.com/seeded');
	expect(answer).toContain('https://crm.example.com/seeded');
});

test('the model fetches the sample payload of the trigger it chose', async () => {
	airmeet.resetCalls();
	const { answer } = await ask('What does a registration delivery look like?');
	const samples = airmeet.calls.filter((call) => call.path === '/platform-integration/v1/sample-payload');
	expect(samples.map((call) => call.query.get('triggerMetaInfoId'))).toEqual([VALID_TRIGGER]);
	const sample = samplePayloadFor(VALID_TRIGGER) as Record<string, unknown>;
	for (const value of Object.values(sample).filter((entry): entry is string => typeof entry === 'string')) expect(answer).toContain(value);
});

test('the model creates a SimplyMeet single-use link for the meeting type it chose', async () => {
	const { answer } = await ask('Send me a booking link.');
	expect(simplyMeet.links.map((link) => link.meetingType)).toEqual([meetingType.uuid]);
	expect(answer).toContain(simplyMeet.links[0].url);
});

test('an invalid trigger id comes back to the model as the tool answer, with the allowed ids; the run still finishes', async () => {
	airmeet.resetCalls();
	const { answer, requests } = await ask('Show me a registration sample, quickly.');
	expect(requests).toHaveLength(3);
	// n8n hands the model the tool's error as its result: [{"error": <the node's message>}].
	expect(JSON.parse(toolResults(requests[1])[0])).toEqual([
		{
			error: `The "Trigger" field has a value Airmeet does not know: "registrant.added". Use one of: ${AIRMEET_TRIGGERS.map((trigger) => trigger.id).join(', ')}`,
		},
	]);
	// The refusal came before any call; the corrected second call is the only one Airmeet saw.
	expect(airmeet.calls.filter((call) => call.path === '/platform-integration/v1/sample-payload').map((call) => call.query.get('triggerMetaInfoId'))).toEqual([
		VALID_TRIGGER,
	]);
	expect(answer).toMatch(/^Result: /);
});

test('the model registers an Airmeet webhook for the trigger and event it chose', async () => {
	await ask('Watch launch registrations.');
	expect(airmeet.hooks.filter((hook) => hook.url === WEBHOOK_URL)).toEqual([
		expect.objectContaining({ triggerMetaInfoId: VALID_TRIGGER, airmeetId: DEMO_EVENT_ID }),
	]);
});

test('the model creates a SimplyMeet webhook for the events it chose, given as text', async () => {
	await ask('Tell our CRM about new and cancelled meetings.');
	expect(simplyMeet.hooksFor('https://crm.example.com/simplymeet').map((hook) => hook.events)).toEqual([['meetingCancelled', 'meetingScheduled']]);
});

test('the model fills a Custom Fields value of Participant > Add', async () => {
	airmeet.resetCalls();
	await ask('Register Ada for the launch.');
	const added = airmeet.calls.find((call) => call.method === 'POST' && call.path.endsWith('/attendee'));
	expect(JSON.stringify(added?.body)).toContain('Vegetarian, no nuts');
});
