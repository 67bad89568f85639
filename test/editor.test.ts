/**
 * What the editor shows of our nodes that needs no running n8n: subtitles (evaluated by
 * n8n-workflow's own expression engine, as the canvas does), labels, and the docs links. The
 * browser tests (test/ui) check the same in the real editor.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { INode, INodeType } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { AIRMEET_TRIGGERS } from '../nodes/Airmeet/triggers';
import { AirmeetTrigger } from '../nodes/Airmeet/AirmeetTrigger.node';
import { SIMPLYMEET_EVENTS } from '../nodes/SimplyMeet/events';
import { SimplyMeetTrigger } from '../nodes/SimplyMeet/SimplyMeetTrigger.node';

const ROOT = path.resolve(__dirname, '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

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

describe('labels', () => {
	// n8n's node panel lists each as "On <label>", lower-cased, dropping any punctuation.
	test.each([
		['Airmeet', AIRMEET_TRIGGERS.map((trigger) => trigger.label)],
		['SimplyMeet', SIMPLYMEET_EVENTS.map((event) => event.name)],
	])('%s trigger labels are words only, so the node panel keeps all of them', (_, labels) => {
		for (const label of labels) expect(label).toMatch(/^[\p{L}\d]+( [\p{L}\d]+)*$/u);
	});

	test("README's Airmeet trigger table names each trigger by its label", () => {
		const rows = [...README.matchAll(/^\| ([^|]+?) \| `(trigger\.[a-z.]+)` \|/gm)].map((row) => [row[2], row[1]]);
		expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(AIRMEET_TRIGGERS.map((trigger) => [trigger.id, trigger.label])));
	});
});

describe('docs links in the codex files', () => {
	/** GitHub's anchor for a README heading. */
	const slug = (heading: string) =>
		heading
			.toLowerCase()
			.replace(/[^\p{L}\d\s-]/gu, '')
			.replace(/\s/g, '-');
	const anchors = new Set([...README.matchAll(/^#+ (.+)$/gm)].map((heading) => slug(heading[1])));
	const codexFiles = ['nodes/SimplyMeet', 'nodes/Airmeet'].flatMap((folder) =>
		fs
			.readdirSync(path.join(ROOT, folder))
			.filter((file) => file.endsWith('.node.json'))
			.map((file) => path.join(folder, file)),
	);

	test.each(codexFiles)('%s: each link ends in a README anchor and ":~:"', (file) => {
		const { resources } = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as {
			resources: Record<string, Array<{ url: string }>>;
		};
		const urls = Object.values(resources).flatMap((links) => links.map((link) => link.url));
		expect(urls.length).toBeGreaterThan(0);
		for (const url of urls) {
			// n8n's editor links to `${url}?utm_source=...`; the browser drops what follows ":~:".
			const [, anchor] = /^https:\/\/github\.com\/[^#?]+#([a-z-]+):~:$/.exec(url) ?? [];
			expect(anchors).toContain(anchor);
		}
	});
});
