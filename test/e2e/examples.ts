/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * The example workflows of examples/*.json, as the sandbox imports them and the end-to-end tests
 * publish them: one source for both. The files carry no credentials (an id from another
 * instance would only break the import); `prepareExample` attaches the ones given.
 */
import * as fs from 'fs';
import * as path from 'path';

import type { WorkflowInput, WorkflowNode } from './n8n';

export const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', 'examples');
export const PACKAGE = 'n8n-nodes-simplymeet-airmeet';

/** Our triggers declare `path: 'webhook'`: n8n serves them at webhook/<webhookId>/webhook. */
export const TRIGGER_PATH = 'webhook';

export interface ExampleInfo {
	file: string;
	/** The node a run starts from: the trigger, or the manual trigger of the action example. */
	startNode: string;
	/**
	 * Trigger examples are published; the action example is run by hand; the agent example needs an
	 * OpenAI credential of the user's before it can be published.
	 */
	kind: 'trigger' | 'manual' | 'agent';
}

export const EXAMPLES = {
	simplyMeet: { file: 'simplymeet-meeting-events.json', startNode: 'SimplyMeet Trigger', kind: 'trigger' },
	airmeetEvent: { file: 'airmeet-registration-one-event.json', startNode: 'Airmeet Trigger', kind: 'trigger' },
	airmeetSession: { file: 'airmeet-session-attendance.json', startNode: 'Airmeet Trigger', kind: 'trigger' },
	airmeetCommunity: { file: 'airmeet-event-created.json', startNode: 'Airmeet Trigger', kind: 'trigger' },
	actions: { file: 'simplymeet-airmeet-actions.json', startNode: 'When clicking ‘Execute workflow’', kind: 'manual' },
	agent: { file: 'ai-agent-tools.json', startNode: 'Question', kind: 'agent' },
} as const satisfies Record<string, ExampleInfo>;

export type ExampleKey = keyof typeof EXAMPLES;

export const EXAMPLE_KEYS = Object.keys(EXAMPLES) as ExampleKey[];

export interface CredentialRef {
	id: string;
	name: string;
}

/** Credentials to attach, by credential type. */
export interface ExampleCredentials {
	simplyMeetApi?: CredentialRef;
	airmeetApi?: CredentialRef;
}

export interface PreparedExample {
	workflow: WorkflowInput;
	/** The start node's name. */
	startNode: string;
	/** The trigger's webhookId (trigger examples only). */
	webhookId?: string;
	/** The path after `<base>/webhook/` (trigger examples only). */
	webhookPath?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads an example file, checking it has the shape of an n8n workflow. */
export function loadExample(key: ExampleKey): WorkflowInput {
	const file = path.join(EXAMPLES_DIR, EXAMPLES[key].file);
	const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
	if (!isRecord(parsed) || typeof parsed.name !== 'string' || !Array.isArray(parsed.nodes) || !isRecord(parsed.connections)) {
		throw new Error(`${file} is not an n8n workflow (name, nodes, connections)`);
	}
	for (const node of parsed.nodes as unknown[]) {
		if (!isRecord(node) || typeof node.name !== 'string' || typeof node.type !== 'string' || !isRecord(node.parameters)) {
			throw new Error(`${file} has a node without name, type or parameters`);
		}
		if ('credentials' in node) throw new Error(`${file}: node "${node.name}" carries credentials; examples must not`);
	}
	return {
		name: parsed.name,
		nodes: parsed.nodes as WorkflowNode[],
		connections: parsed.connections,
		settings: isRecord(parsed.settings) ? parsed.settings : { executionOrder: 'v1' },
	};
}

/** The credential type a node of this package needs, if any. */
export function credentialTypeOf(node: WorkflowNode): keyof ExampleCredentials | undefined {
	if (!node.type.startsWith(`${PACKAGE}.`)) return undefined;
	const name = node.type.slice(PACKAGE.length + 1);
	if (name.startsWith('simplyMeet')) return 'simplyMeetApi';
	if (name.startsWith('airmeet')) return 'airmeetApi';
	return undefined;
}

export function nodeNamed(workflow: WorkflowInput, name: string): WorkflowNode {
	const node = workflow.nodes.find((candidate) => candidate.name === name);
	if (!node) throw new Error(`workflow "${workflow.name}" has no node "${name}"`);
	return node;
}

/**
 * An example ready to create: credentials attached, and optionally another name, another
 * webhookId (two copies of one example in one n8n need two) and changed trigger parameters.
 */
export function prepareExample(
	key: ExampleKey,
	options: {
		credentials?: ExampleCredentials;
		name?: string;
		webhookId?: string;
		startNodeParameters?: Record<string, unknown>;
	} = {},
): PreparedExample {
	const info: ExampleInfo = EXAMPLES[key];
	const workflow = structuredClone(loadExample(key));
	if (options.name) workflow.name = options.name;
	for (const node of workflow.nodes) {
		const type = credentialTypeOf(node);
		const credential = type ? options.credentials?.[type] : undefined;
		if (type && credential) node.credentials = { [type]: { id: credential.id, name: credential.name } };
	}
	const start = nodeNamed(workflow, info.startNode);
	if (options.startNodeParameters) start.parameters = { ...start.parameters, ...options.startNodeParameters };
	if (info.kind !== 'trigger') return { workflow, startNode: info.startNode };
	if (options.webhookId) start.webhookId = options.webhookId;
	if (!start.webhookId) throw new Error(`example ${info.file}: the trigger has no fixed webhookId`);
	return { workflow, startNode: info.startNode, webhookId: start.webhookId, webhookPath: `${start.webhookId}/${TRIGGER_PATH}` };
}
