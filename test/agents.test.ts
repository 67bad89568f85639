/**
 * What AI agents depend on, checked with n8n-workflow's own code: which fields n8n counts as
 * shown (and so as required on publish) when fields hold expressions or `$fromAI`, the tool
 * descriptions n8n builds from our operations, and fields whose values come from a fixed set.
 */
import type { INode, INodeParameters, INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { Airmeet } from '../nodes/Airmeet/Airmeet.node';
import { AirmeetTrigger } from '../nodes/Airmeet/AirmeetTrigger.node';
import { SimplyMeet } from '../nodes/SimplyMeet/SimplyMeet.node';
import { SimplyMeetTrigger } from '../nodes/SimplyMeet/SimplyMeetTrigger.node';
import { AIRMEET_TRIGGERS } from '../nodes/Airmeet/triggers';
import { PACKAGE, loadExample } from './e2e/examples';

const NODES: INodeType[] = [new Airmeet(), new AirmeetTrigger(), new SimplyMeet(), new SimplyMeetTrigger()];
const ACTION_NODES: INodeType[] = [new Airmeet(), new SimplyMeet()];

const FROM_AI = "={{ $fromAI('value', 'chosen by the model', 'string') }}";

function nodeOf(nodeType: INodeType, parameters: INodeParameters): INode {
	return { id: 'n', name: 'Tool', type: nodeType.description.name, typeVersion: 1, position: [0, 0], parameters };
}

/** Every property of a node with the path to it, nested collections and fixed collections included. */
function walk(properties: INodeProperties[], path = ''): Array<{ path: string; property: INodeProperties }> {
	return properties.flatMap((property) => {
		const here = `${path}${property.name}`;
		const children = (property.options ?? []).flatMap((option) => {
			if ('values' in option && Array.isArray(option.values)) return walk(option.values, `${here}.${option.name}.`);
			if ('type' in option && 'displayName' in option) return walk([option as INodeProperties], `${here}.`);
			return [];
		});
		return [{ path: here, property }, ...children];
	});
}

/** The resource/operation pairs of an action node. */
function operationsOf(nodeType: INodeType): Array<{ resource: string; operation: string }> {
	return nodeType.description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			((property.displayOptions?.show?.resource as string[] | undefined) ?? []).flatMap((resource) =>
				(property.options as INodePropertyOptions[]).map((option) => ({ resource, operation: String(option.value) })),
			),
		);
}

function shownFor(property: INodeProperties, resource: string, operation: string): boolean {
	const show = property.displayOptions?.show;
	return (
		(show?.resource as unknown[] | undefined)?.includes(resource) === true &&
		(show?.operation as unknown[] | undefined)?.includes(operation) === true
	);
}

describe('display conditions test the fields that cannot hold an expression first', () => {
	/**
	 * n8n-workflow's displayParameter reads a `show` rule key by key and counts the field as shown at
	 * the first key whose value is an expression; so keys of fields that never hold one (resource,
	 * operation, and in the triggers the noDataExpression Trigger) must come before any other.
	 */
	test.each(NODES.map((nodeType) => [nodeType.description.displayName, nodeType] as const))('%s', (_name, nodeType) => {
		const fixed = new Set(
			nodeType.description.properties.filter((property) => property.noDataExpression === true).map((property) => property.name),
		);
		const offending: string[] = [];
		for (const { path, property } of walk(nodeType.description.properties)) {
			for (const rule of ['show', 'hide'] as const) {
				const keys = Object.keys(property.displayOptions?.[rule] ?? {});
				const firstOpen = keys.findIndex((key) => !fixed.has(key.replace(/^\//, '')) && !key.startsWith('@'));
				const fixedAfterOpen = firstOpen >= 0 && keys.slice(firstOpen).some((key) => fixed.has(key.replace(/^\//, '')));
				const resourceIndex = keys.indexOf('resource');
				const operationIndex = keys.indexOf('operation');
				const outOfOrder =
					(resourceIndex > 0) ||
					(operationIndex >= 0 && operationIndex !== (resourceIndex === 0 ? 1 : 0));
				if (fixedAfterOpen || outOfOrder) offending.push(`${path} (${rule}: ${keys.join(', ')})`);
			}
		}
		expect(offending).toEqual([]);
	});

	test('the rule covers the action nodes: resource and operation are the fields that cannot hold an expression', () => {
		for (const nodeType of ACTION_NODES) {
			const fixed = nodeType.description.properties.filter((property) => property.noDataExpression === true);
			expect(new Set(fixed.map((property) => property.name))).toEqual(new Set(['resource', 'operation']));
		}
	});
});

describe('an expression in any field leaves the fields of other operations hidden (n8n-workflow displayParameter)', () => {
	test.each(ACTION_NODES.map((nodeType) => [nodeType.description.displayName, nodeType] as const))('%s', (_name, nodeType) => {
		const { properties } = nodeType.description;
		const leaks: string[] = [];
		let checked = 0;
		for (const { resource, operation } of operationsOf(nodeType)) {
			const own = properties.filter((property) => shownFor(property, resource, operation) && property.noDataExpression !== true);
			const others = properties.filter(
				(property) => property.displayOptions?.show?.operation !== undefined && !shownFor(property, resource, operation),
			);
			for (const field of own) {
				const parameters: INodeParameters = { resource, operation, [field.name]: FROM_AI };
				for (const other of others) {
					checked++;
					if (NodeHelpers.displayParameter(parameters, other, nodeOf(nodeType, parameters), nodeType.description)) {
						leaks.push(`${resource} > ${operation}: ${field.name} as an expression shows ${other.name}`);
					}
				}
			}
		}
		expect(checked).toBeGreaterThan(0);
		expect(leaks).toEqual([]);
	});
});

/** What n8n checks on publish ("Missing or invalid required parameters: ..."). */
function publishIssues(nodeType: INodeType, parameters: INodeParameters): string[] {
	const issues = NodeHelpers.getNodeParametersIssues(nodeType.description.properties, nodeOf(nodeType, parameters), nodeType.description);
	return Object.keys(issues?.parameters ?? {});
}

describe('workflows with $fromAI publish (n8n-workflow getNodeParametersIssues, as n8n runs it on publish)', () => {
	const airmeet = new Airmeet();
	const simplyMeet = new SimplyMeet();
	const pick = (value: string) => ({ __rl: true, mode: 'id', value });

	test.each<[string, INodeType, INodeParameters]>([
		['Sample Payload > Get: Trigger', airmeet, { resource: 'samplePayload', operation: 'get', trigger: FROM_AI }],
		[
			'Webhook > Register: Trigger, with a fixed event and no session',
			airmeet,
			{ resource: 'webhook', operation: 'register', trigger: FROM_AI, airmeetId: pick('ev-1'), url: 'https://example.com/in' },
		],
		['Webhook > Register: Trigger alone', airmeet, { resource: 'webhook', operation: 'register', trigger: FROM_AI, url: 'https://example.com/in' }],
		['Webhook > Get Many: Event', airmeet, { resource: 'webhook', operation: 'getAll', scope: 'event', airmeetId: pick(FROM_AI) }],
		[
			'Webhook > Get Many: List For, with a fixed event and no session',
			airmeet,
			{ resource: 'webhook', operation: 'getAll', scope: FROM_AI, airmeetId: pick('ev-1') },
		],
		['Event > Get: Event', airmeet, { resource: 'event', operation: 'get', airmeetId: pick(FROM_AI) }],
		['Session > Get Attendance: Session', airmeet, { resource: 'session', operation: 'getAttendance', airmeetId: pick('ev-1'), sessionId: pick(FROM_AI) }],
		[
			'Participant > Add: a Custom Fields value',
			airmeet,
			{
				resource: 'participant',
				operation: 'add',
				airmeetId: pick('ev-1'),
				email: 'ada@example.com',
				firstName: 'Ada',
				lastName: 'Lovelace',
				additionalFields: { customFields: { field: [{ fieldId: 'f1', value: FROM_AI }] } },
			},
		],
		['SimplyMeet Webhook > Create: Events', simplyMeet, { resource: 'webhook', operation: 'create', url: 'https://example.com/in', events: FROM_AI }],
	])('%s', (_name, nodeType, parameters) => {
		expect(publishIssues(nodeType, parameters)).toEqual([]);
	});

	test('a missing value is still reported: the check itself runs', () => {
		expect(publishIssues(airmeet, { resource: 'event', operation: 'get' })).toEqual(['airmeetId']);
		expect(publishIssues(simplyMeet, { resource: 'webhook', operation: 'create', url: '', events: [] })).toEqual(['url', 'events']);
	});
});

describe('tool descriptions, as n8n builds them for an AI agent (NodeHelpers.getToolDescriptionForNode)', () => {
	function toolDescriptions(nodeType: INodeType): Map<string, string> {
		return new Map(
			operationsOf(nodeType).map(({ resource, operation }) => [
				`${resource}:${operation}`,
				NodeHelpers.getToolDescriptionForNode(nodeOf(nodeType, { resource, operation }), nodeType),
			]),
		);
	}

	test('every operation says what it does and which fields it needs', () => {
		for (const nodeType of ACTION_NODES) {
			const { properties, defaults } = nodeType.description;
			for (const [key, text] of toolDescriptions(nodeType)) {
				const [resource, operation] = key.split(':');
				const selector = properties.find(
					(property) =>
						property.name === 'operation' && (property.displayOptions?.show?.resource as string[]).includes(resource),
				);
				const option = (selector?.options as INodePropertyOptions[]).find((candidate) => candidate.value === operation);
				expect(text.startsWith(String(option?.description))).toBe(true);
				expect(text.endsWith(` in ${String(defaults.name)}`)).toBe(true);
				for (const field of properties.filter((property) => shownFor(property, resource, operation) && property.required === true)) {
					expect(text).toContain(field.displayName);
				}
			}
		}
	});

	test('the descriptions the agent e2e relies on', () => {
		const airmeet = toolDescriptions(new Airmeet());
		const simplyMeet = toolDescriptions(new SimplyMeet());
		expect(airmeet.get('samplePayload:get')).toBe(
			'Get an example of what a trigger delivers, one item per entry when it is a list (needs Trigger) in Airmeet',
		);
		expect(airmeet.get('webhook:getAll')).toBe(
			'List the webhooks of an event (needs Event ID) or of a session (needs Session ID), chosen in List For; one item per webhook in Airmeet',
		);
		expect(simplyMeet.get('singleUseLink:create')).toBe(
			'Create booking links for a meeting type that each work once, one item per link with its URL (needs Meeting Type ID) in SimplyMeet',
		);
	});
});

describe('fields whose values come from a fixed set name every allowed value', () => {
	test.each(ACTION_NODES.map((nodeType) => [nodeType.description.displayName, nodeType] as const))('%s', (_name, nodeType) => {
		const unnamed: string[] = [];
		let checked = 0;
		for (const { path, property } of walk(nodeType.description.properties)) {
			const fixedSet =
				(property.type === 'options' || property.type === 'multiOptions') &&
				property.noDataExpression !== true &&
				property.typeOptions?.loadOptionsMethod === undefined &&
				Array.isArray(property.options);
			if (!fixedSet) continue;
			checked++;
			for (const option of property.options as INodePropertyOptions[]) {
				if (!String(property.description).includes(String(option.value))) unnamed.push(`${path}: ${String(option.value)}`);
			}
		}
		expect(checked).toBeGreaterThan(0);
		expect(unnamed).toEqual([]);
	});
});

describe('the agent example (examples/ai-agent-tools.json)', () => {
	const example = loadExample('agent');
	const tools = example.nodes.filter((node) => node.type.startsWith(`${PACKAGE}.`));

	test('its tools are our Tool variants, each with a field the model fills', () => {
		expect(tools.map((node) => [node.name, node.type])).toEqual([
			['Airmeet event webhooks', `${PACKAGE}.airmeetTool`],
			['Airmeet sample payload', `${PACKAGE}.airmeetTool`],
			['SimplyMeet single-use link', `${PACKAGE}.simplyMeetTool`],
		]);
		for (const node of tools) expect(JSON.stringify(node.parameters)).toContain('$fromAI(');
	});

	test("the Trigger's $fromAI description lists every trigger ID the node takes, as the node's field does", () => {
		const trigger = String(tools.find((node) => node.name === 'Airmeet sample payload')?.parameters.trigger);
		const field = new Airmeet().description.properties.find((property) => property.name === 'trigger');
		for (const { id } of AIRMEET_TRIGGERS) {
			expect(trigger).toContain(id);
			expect(field?.description).toContain(id);
		}
	});

	test('it publishes: no required field of its tools is missing (getNodeParametersIssues)', () => {
		for (const node of tools) {
			const nodeType = node.type.endsWith('airmeetTool') ? new Airmeet() : new SimplyMeet();
			expect(publishIssues(nodeType, node.parameters as INodeParameters)).toEqual([]);
		}
	});
});
