/**
 * Workflow JSON for the benchmark, the load test and queue mode: our two triggers, n8n's core
 * Webhook node and one of n8n's built-in triggers, each alone in its workflow (the trigger is all that is measured), with a fixed
 * webhookId so the production URL is known before publishing.
 */
import { randomUUID } from 'crypto';

import type { WorkflowInput, WorkflowNode } from '../../test/e2e/n8n';

export const PACKAGE = 'n8n-nodes-simplymeet-airmeet';
export const SIMPLYMEET_TRIGGER = `${PACKAGE}.simplyMeetTrigger`;
export const AIRMEET_TRIGGER = `${PACKAGE}.airmeetTrigger`;
export const CORE_WEBHOOK = 'n8n-nodes-base.webhook';
export const BUILTIN_TRIGGER = 'n8n-nodes-base.chargebeeTrigger';

/** The version of our triggers that the editor places today (their defaultVersion). */
export const TRIGGER_VERSION = 1.1;

export const SIMPLYMEET_NODE_NAME = 'SimplyMeet Trigger';
export const AIRMEET_NODE_NAME = 'Airmeet Trigger';
export const CORE_WEBHOOK_NODE_NAME = 'Webhook';

/** Our triggers declare `path: 'webhook'`; n8n serves them at webhook/<webhookId>/webhook. */
export const TRIGGER_PATH = 'webhook';

export interface BuiltWorkflow {
	workflow: WorkflowInput;
	webhookId: string;
	/** Path after `<base>/webhook/`. */
	webhookPath: string;
	nodeName: string;
}

function single(name: string, node: WorkflowNode): WorkflowInput {
	return { name, nodes: [node], connections: {}, settings: { executionOrder: 'v1' } };
}

export function simplyMeetWorkflow(
	name: string,
	credential: { id: string; name: string },
	options: { events?: string[]; webhookId?: string } = {},
): BuiltWorkflow {
	const webhookId = options.webhookId ?? randomUUID();
	const node: WorkflowNode = {
		id: randomUUID(),
		name: SIMPLYMEET_NODE_NAME,
		type: SIMPLYMEET_TRIGGER,
		typeVersion: TRIGGER_VERSION,
		position: [0, 0],
		webhookId,
		parameters: { events: options.events ?? ['meetingScheduled'] },
		credentials: { simplyMeetApi: credential },
	};
	return { workflow: single(name, node), webhookId, webhookPath: `${webhookId}/${TRIGGER_PATH}`, nodeName: node.name };
}

export function airmeetWorkflow(
	name: string,
	credential: { id: string; name: string },
	airmeetId: string,
	options: { trigger?: string; webhookId?: string; description?: string } = {},
): BuiltWorkflow {
	const webhookId = options.webhookId ?? randomUUID();
	const node: WorkflowNode = {
		id: randomUUID(),
		name: AIRMEET_NODE_NAME,
		type: AIRMEET_TRIGGER,
		typeVersion: TRIGGER_VERSION,
		position: [0, 0],
		webhookId,
		parameters: {
			trigger: options.trigger ?? 'trigger.airmeet.registrant.added',
			airmeetId: { __rl: true, mode: 'id', value: airmeetId },
			options: options.description ? { description: options.description } : {},
		},
		credentials: { airmeetApi: credential },
	};
	return { workflow: single(name, node), webhookId, webhookPath: `${webhookId}/${TRIGGER_PATH}`, nodeName: node.name };
}

/**
 * n8n's own Webhook node answering at once ("Respond: Immediately"), like our triggers; with
 * `headerAuth`, it checks a header against an "Header Auth" credential (n8n's own way to
 * authenticate deliveries: the closest core analogue of a signed trigger with a credential).
 */
export function coreWebhookWorkflow(
	name: string,
	path: string,
	headerAuth?: { id: string; name: string },
): BuiltWorkflow {
	const webhookId = randomUUID();
	const node: WorkflowNode = {
		id: randomUUID(),
		name: CORE_WEBHOOK_NODE_NAME,
		type: CORE_WEBHOOK,
		typeVersion: 2.1,
		position: [0, 0],
		webhookId,
		parameters: {
			httpMethod: 'POST',
			path,
			responseMode: 'onReceived',
			...(headerAuth ? { authentication: 'headerAuth' } : {}),
			options: {},
		},
		...(headerAuth ? { credentials: { httpHeaderAuth: headerAuth } } : {}),
	};
	// The core node's path is the whole path: its URL is webhook/<path>.
	return { workflow: single(name, node), webhookId, webhookPath: path, nodeName: node.name };
}

/**
 * One of n8n's own triggers: Chargebee's registers nothing remotely, needs no credential and
 * starts a run with the body of any JSON delivery that has an `event_type`. Like every trigger
 * but the core Webhook node, n8n 2.41 runs it with an expression isolate (see tools/bench.ts).
 */
export function builtinTriggerWorkflow(name: string): BuiltWorkflow {
	const webhookId = randomUUID();
	const node: WorkflowNode = {
		id: randomUUID(),
		name: 'Chargebee Trigger',
		type: BUILTIN_TRIGGER,
		typeVersion: 1,
		position: [0, 0],
		webhookId,
		parameters: { events: ['*'] },
	};
	return { workflow: single(name, node), webhookId, webhookPath: `${webhookId}/${TRIGGER_PATH}`, nodeName: node.name };
}
