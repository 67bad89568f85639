/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * Activation cost: the remote calls a trigger makes, and how long it takes, to publish with N hooks
 * already in the account, to re-publish (unchanged, and with the trigger edited) and to unpublish.
 * n8n 2.x publishes through an outbox after its API has answered, so a phase lasts from the API
 * call until the fake answered the phase's last call.
 */
import { performance } from 'perf_hooks';

import { SIMPLYMEET_PAGE_SIZE } from '../../nodes/SimplyMeet/transport';
import type { N8nInstance, WorkflowInput } from '../../test/e2e/n8n';
import type { BuiltWorkflow } from '../lib/workflows';
import { airmeetWorkflow, simplyMeetWorkflow } from '../lib/workflows';
import type { Timed, TimedAirmeetFake, TimedCall, TimedSimplyMeetFake } from './timedFakes';
import { callsSince } from './timedFakes';

export type Phase = 'publish' | 're-publish (unchanged)' | 're-publish (trigger edited)' | 'unpublish';

export const PHASES: Phase[] = ['publish', 're-publish (unchanged)', 're-publish (trigger edited)', 'unpublish'];

export interface PhaseFigures {
	service: 'SimplyMeet' | 'Airmeet';
	hooks: number;
	phase: Phase;
	/** Calls by kind: list, create, delete, auth, other. */
	calls: { list: number; create: number; delete: number; auth: number; other: number; total: number };
	/** What the goal allows for this phase. */
	expected: { list: number; create: number; delete: number; auth: number };
	/** Until n8n's API answered. */
	apiMs: number;
	/** Until the fake answered the phase's last call (the API time when there was none). */
	wallMs: number;
	/** Hooks on our URL at the fake once the phase settled. */
	hooksAfter: number;
	/** Calls in order, for the JSON report. */
	sequence: string[];
	pass: boolean;
}

export interface ActivationResult {
	/** The SimplyMeet page size of a listing: what the package asks, or the fake's maxPageSize when smaller. */
	simplyMeetPage: number;
	phases: PhaseFigures[];
}

type Kind = 'list' | 'create' | 'delete' | 'auth' | 'other';

function simplyMeetKind(call: TimedCall): Kind {
	if (call.path === '/webhooks' && call.method === 'GET') return 'list';
	if (call.path === '/webhooks' && call.method === 'POST') return 'create';
	if (call.path.startsWith('/webhooks/') && call.method === 'DELETE') return 'delete';
	return 'other';
}

function airmeetKind(call: TimedCall): Kind {
	if (call.path === '/auth') return 'auth';
	if (call.path.endsWith('/webhook-list')) return 'list';
	if (call.path.endsWith('/webhook-register')) return 'create';
	if (call.path.endsWith('/webhook-deregister')) return 'delete';
	return 'other';
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `action`, then waits until `done(calls)` holds for the calls seen since it started (or,
 * without `done`, until the publication settled), then for `quietMs` without a new call.
 */
async function observe(
	n8n: N8nInstance,
	fake: Timed,
	workflowId: string,
	action: () => Promise<unknown>,
	done: ((calls: TimedCall[]) => boolean) | undefined,
	quietMs: number,
): Promise<{ calls: TimedCall[]; apiMs: number; wallMs: number }> {
	const started = performance.now();
	await action();
	const apiMs = performance.now() - started;
	if (done) {
		await n8n.waitFor(() => done(callsSince(fake, started)), 120_000, 20, 'the phase\'s remote calls');
	} else {
		await waitForPublicationSettled(n8n, workflowId);
	}
	// Anything more (a retry, a second listing) shows up within the quiet period.
	for (;;) {
		const count = callsSince(fake, started).length;
		await sleep(quietMs);
		if (callsSince(fake, started).length === count) break;
	}
	const calls = callsSince(fake, started);
	const last = calls.reduce((latest, call) => Math.max(latest, call.answeredAt), 0);
	return { calls, apiMs, wallMs: calls.length > 0 ? last - started : apiMs };
}

/** Until n8n reports the publication no longer in progress (REST, as the editor polls it). */
async function waitForPublicationSettled(n8n: N8nInstance, workflowId: string): Promise<void> {
	await n8n.waitFor(
		async () => {
			const response = await n8n.rest<{ data?: { status?: string } }>('GET', `/workflows/${workflowId}/publication-status`);
			if (response.status === 404) return true; // an n8n without the outbox: nothing to wait for
			return response.status === 200 && response.data.data?.status !== 'in_progress';
		},
		60_000,
		50,
		`workflow ${workflowId}'s publication to settle`,
	);
}

function tally(calls: TimedCall[], kindOf: (call: TimedCall) => Kind): PhaseFigures['calls'] {
	const counts = { list: 0, create: 0, delete: 0, auth: 0, other: 0, total: calls.length };
	for (const call of calls) counts[kindOf(call)]++;
	return counts;
}

async function updateWorkflow(n8n: N8nInstance, id: string, workflow: WorkflowInput): Promise<void> {
	const body = { name: workflow.name, nodes: workflow.nodes, connections: workflow.connections, settings: workflow.settings };
	const response = await n8n.publicApi('PUT', `/workflows/${id}`, body);
	if (response.status !== 200) throw new Error(`PUT /api/v1/workflows/${id}: HTTP ${response.status} ${JSON.stringify(response.data)}`);
}

interface Scenario {
	service: PhaseFigures['service'];
	hooks: number;
	fake: Timed;
	kindOf: (call: TimedCall) => Kind;
	built: BuiltWorkflow;
	/** The same workflow with the trigger's settings changed. */
	edited: WorkflowInput;
	hooksOnUrl: (url: string) => number;
	/** Listing calls a publish may make with this many hooks in the account. */
	listCalls: (hooksInAccount: number) => number;
	/** /auth calls the first phase may make (the credential's first token). */
	firstAuth: number;
}

async function runScenario(n8n: N8nInstance, scenario: Scenario, quietMs: number, log: (message: string) => void): Promise<PhaseFigures[]> {
	const { fake, kindOf } = scenario;
	const workflow = await n8n.createWorkflow(scenario.built.workflow);
	const url = n8n.webhookUrl(undefined, scenario.built.webhookPath);
	const created = (calls: TimedCall[]) => calls.some((call) => kindOf(call) === 'create');
	const deleted = (calls: TimedCall[]) => calls.some((call) => kindOf(call) === 'delete');
	const figures: PhaseFigures[] = [];
	const record = (phase: Phase, observed: Awaited<ReturnType<typeof observe>>, expected: PhaseFigures['expected']) => {
		const calls = tally(observed.calls, kindOf);
		const hooksAfter = scenario.hooksOnUrl(url);
		const wantHooks = phase === 'unpublish' ? 0 : 1;
		const pass =
			calls.list === expected.list &&
			calls.create === expected.create &&
			calls.delete === expected.delete &&
			calls.auth <= expected.auth &&
			calls.other === 0 &&
			hooksAfter === wantHooks;
		const entry: PhaseFigures = {
			service: scenario.service,
			hooks: scenario.hooks,
			phase,
			calls,
			expected,
			apiMs: observed.apiMs,
			wallMs: observed.wallMs,
			hooksAfter,
			sequence: observed.calls.map((call) => `${call.method} ${call.path} ${call.status}`),
			pass,
		};
		figures.push(entry);
		log(
			`${scenario.service} ${String(scenario.hooks).padStart(4)} hooks, ${phase.padEnd(27)} ` +
				`list ${calls.list}, create ${calls.create}, delete ${calls.delete}, auth ${calls.auth}` +
				`${calls.other ? `, other ${calls.other}` : ''}; ${observed.wallMs.toFixed(0)} ms; ${pass ? 'PASS' : 'FAIL'}`,
		);
	};

	// Publish: list every page, then create (nothing to adopt: the N hooks point elsewhere).
	record(
		'publish',
		await observe(n8n, fake, workflow.id, () => n8n.activate(workflow.id), created, quietMs),
		{ list: scenario.listCalls(scenario.hooks), create: 1, delete: 0, auth: scenario.firstAuth },
	);
	// Re-publish, nothing changed: n8n 2.x keeps the registered trigger (no call at all).
	record(
		're-publish (unchanged)',
		await observe(n8n, fake, workflow.id, () => n8n.activate(workflow.id), undefined, quietMs),
		{ list: 0, create: 0, delete: 0, auth: 0 },
	);
	// Re-publish with the trigger edited: the old hook goes, the new one is listed for and created.
	record(
		're-publish (trigger edited)',
		await observe(n8n, fake, workflow.id, () => updateWorkflow(n8n, workflow.id, scenario.edited), (calls) => created(calls) && deleted(calls), quietMs),
		{ list: scenario.listCalls(scenario.hooks), create: 1, delete: 1, auth: 0 },
	);
	record(
		'unpublish',
		await observe(n8n, fake, workflow.id, () => n8n.deactivate(workflow.id), deleted, quietMs),
		{ list: 0, create: 0, delete: 1, auth: 0 },
	);
	return figures;
}

export async function measureActivation(
	n8n: N8nInstance,
	simplyMeet: TimedSimplyMeetFake,
	airmeet: TimedAirmeetFake,
	options: { sizes: number[]; quietMs: number },
	log: (message: string) => void,
): Promise<ActivationResult> {
	const phases: PhaseFigures[] = [];
	const simplyMeetPage = Math.min(SIMPLYMEET_PAGE_SIZE, simplyMeet.maxPageSize);
	const smCredential = await n8n.createCredential('Bench activation SimplyMeet', 'simplyMeetApi', {
		apiKey: simplyMeet.apiKey,
		baseUrl: simplyMeet.baseUrl,
	});
	const event = airmeet.seedEvent({ name: 'Bench event' });
	for (const size of options.sizes) {
		// SimplyMeet: N hooks of other tools in the account.
		simplyMeet.hooks.length = 0;
		for (let i = 0; i < size; i++) simplyMeet.seedHook({ url: `https://elsewhere.example/hooks/${i}` });
		const sm = simplyMeetWorkflow(`Bench activation SimplyMeet ${size}`, { id: smCredential.id, name: smCredential.name });
		const smEdited: WorkflowInput = JSON.parse(JSON.stringify(sm.workflow)) as WorkflowInput;
		smEdited.nodes[0].parameters = { events: ['meetingScheduled', 'meetingCancelled'] };
		phases.push(
			...(await runScenario(
				n8n,
				{
					service: 'SimplyMeet',
					hooks: size,
					fake: simplyMeet,
					kindOf: simplyMeetKind,
					built: sm,
					edited: smEdited,
					hooksOnUrl: (url) => simplyMeet.hooksFor(url).length,
					listCalls: (hooks) => Math.max(1, Math.ceil(hooks / simplyMeetPage)),
					firstAuth: 0,
				},
				options.quietMs,
				log,
			)),
		);

		// Airmeet: N hooks on the same event; a fresh credential, so its first token is fetched here.
		airmeet.hooks.length = 0;
		for (let i = 0; i < size; i++) {
			airmeet.seedHook({
				url: `https://elsewhere.example/airmeet/${i}`,
				triggerMetaInfoId: 'trigger.airmeet.registrant.added',
				airmeetId: event.uid,
			});
		}
		const amCredential = await n8n.createCredential(`Bench activation Airmeet ${size}`, 'airmeetApi', {
			accessKey: airmeet.accessKey,
			secretKey: airmeet.secretKey,
			region: 'custom',
			baseUrl: airmeet.baseUrl,
		});
		const am = airmeetWorkflow(`Bench activation Airmeet ${size}`, { id: amCredential.id, name: amCredential.name }, event.uid);
		const amEdited: WorkflowInput = JSON.parse(JSON.stringify(am.workflow)) as WorkflowInput;
		amEdited.nodes[0].parameters = { ...amEdited.nodes[0].parameters, options: { description: 'Edited by the benchmark' } };
		phases.push(
			...(await runScenario(
				n8n,
				{
					service: 'Airmeet',
					hooks: size,
					fake: airmeet,
					kindOf: airmeetKind,
					built: am,
					edited: amEdited,
					hooksOnUrl: (url) => airmeet.hooksFor(url).length,
					// Airmeet lists an event's hooks in one answer (no paging).
					listCalls: () => 1,
					firstAuth: 1,
				},
				options.quietMs,
				log,
			)),
		);
	}
	return { simplyMeetPage, phases };
}
