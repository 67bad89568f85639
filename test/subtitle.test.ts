import type { INode, INodeType } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { AirmeetTrigger } from '../nodes/Airmeet/AirmeetTrigger.node';
import { SimplyMeetTrigger } from '../nodes/SimplyMeet/SimplyMeetTrigger.node';

/** Evaluates a node's subtitle the way n8n's editor does: an expression over the node's parameters. */
function subtitleOf(nodeType: INodeType, parameters: INode['parameters']): unknown {
	const node: INode = {
		id: 'node',
		name: nodeType.description.displayName,
		type: nodeType.description.name,
		typeVersion: 1.1,
		position: [0, 0],
		parameters,
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => nodeType,
			getByNameAndVersion: () => nodeType,
			getKnownTypes: () => ({}),
		},
	});
	return workflow.expression.getSimpleParameterValue(node, nodeType.description.subtitle, 'internal', {});
}

describe('canvas subtitles show labels', () => {
	test('SimplyMeet Trigger: the chosen events by label, in the order chosen', () => {
		expect(subtitleOf(new SimplyMeetTrigger(), { events: ['meetingCancelled', 'meetingScheduled'] })).toBe(
			'Meeting Cancelled, Meeting Scheduled',
		);
		expect(subtitleOf(new SimplyMeetTrigger(), { events: ['meetingRescheduled'] })).toBe('Meeting Rescheduled');
	});

	test('Airmeet Trigger: the chosen trigger by label', () => {
		expect(subtitleOf(new AirmeetTrigger(), { trigger: 'trigger.airmeet.created' })).toBe('Event Created');
	});

	test('a value without a label shows as it is', () => {
		expect(subtitleOf(new SimplyMeetTrigger(), { events: ['meetingScheduled', 'meetingForgotten'] })).toBe(
			'Meeting Scheduled, meetingForgotten',
		);
		expect(subtitleOf(new AirmeetTrigger(), { trigger: 'trigger.airmeet.unheard.of' })).toBe('trigger.airmeet.unheard.of');
	});
});
