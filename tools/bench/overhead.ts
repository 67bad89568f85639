/* eslint-disable @n8n/community-nodes/no-restricted-globals -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * Trigger overhead: signed SimplyMeet deliveries through our trigger against the same bodies
 * through n8n's core Webhook node and the other series, in one n8n, same concurrency, alternating
 * rounds. Each round waits until its executions have finished, so no round pays for the one before.
 */
import { randomUUID } from 'crypto';

import type { N8nInstance } from '../../test/e2e/n8n';
import { waitForFinished } from '../lib/executions';
import { runLoad, simplyMeetDeliveries } from '../lib/load';
import { findN8nPid, treeCpuMs } from '../lib/procStat';
import { median, percentile } from '../lib/stats';
import type { BuiltWorkflow } from '../lib/workflows';
import { builtinTriggerWorkflow, coreWebhookWorkflow, simplyMeetWorkflow } from '../lib/workflows';
import type { TimedSimplyMeetFake } from './timedFakes';

export type SeriesName = 'ours' | 'bare' | 'builtin' | 'bare-v1' | 'bare-auth';

export const SERIES_LABELS: Record<SeriesName, string> = {
	ours: 'SimplyMeet Trigger (ours)',
	bare: 'core Webhook 2.1 (bare)',
	builtin: "n8n's Chargebee Trigger (built-in)",
	'bare-v1': 'core Webhook 1 (typeVersion 1)',
	'bare-auth': 'core Webhook 2.1 + Header Auth credential',
};

/** The header the 'bare-auth' series checks (sent with every delivery, ignored by the others). */
const AUTH_HEADER = { name: 'x-bench-auth', value: 'bench-header-auth-value' };

export interface OverheadOptions {
	series: SeriesName[];
	rounds: number;
	amount: number;
	warmup: number;
	connections: number;
	/** typeVersion of our trigger in the workflow (its defaultVersion unless --trigger-version says otherwise). */
	triggerVersion: number;
}

export interface RoundFigures {
	series: SeriesName;
	round: number;
	/** 2xx answers per second while the load ran. */
	eventsPerSecond: number;
	/** Deliveries per second until the last of their executions had finished. */
	completedPerSecond: number;
	p50: number;
	p99: number;
	non2xx: number;
	errors: number;
	/** CPU used by n8n (and its task runner) per event, executions included. */
	cpuMsPerEvent: number;
}

export interface SeriesFigures {
	series: SeriesName;
	label: string;
	rounds: number;
	/** Medians over the rounds. */
	eventsPerSecond: number;
	completedPerSecond: number;
	cpuMsPerEvent: number;
	/** Over every request of every round. */
	p50: number;
	p99: number;
	non2xx: number;
	errors: number;
}

export interface OverheadResult {
	options: OverheadOptions;
	rounds: RoundFigures[];
	series: SeriesFigures[];
	/**
	 * ours / bare events/s: the median of the rounds' ratios (each round runs both series back to
	 * back, so a change in the machine's load between rounds cancels out). The goal: >= 0.95.
	 */
	ratio: number;
	/** ours / bare of the median events/s. */
	ratioOfMedians: number;
	/** ours / bare, by median completed events/s. */
	completedRatio: number;
	/** ours / bare of each round. */
	roundRatios: number[];
	/** ours / bare by median CPU per event (> 1: ours costs more). */
	cpuRatio: number;
	/** ours / n8n's built-in trigger events/s, median of the rounds' ratios (NaN without that series). */
	builtinRatio: number;
}

/** hrtime windows (ns) of each series' rounds, to slice a CPU profile. */
export type SeriesWindows = Partial<Record<SeriesName, Array<[bigint, bigint]>>>;

interface Target {
	name: SeriesName;
	url: string;
	workflowId: string;
	delivered: number;
}

async function publish(n8n: N8nInstance, built: BuiltWorkflow): Promise<{ id: string; url: string }> {
	const workflow = await n8n.createWorkflow(built.workflow);
	await n8n.activate(workflow.id);
	const url = n8n.webhookUrl(undefined, built.webhookPath);
	await n8n.waitForWebhook(url, 'POST', 60_000);
	return { id: workflow.id, url };
}

export async function measureOverhead(
	n8n: N8nInstance,
	fake: TimedSimplyMeetFake,
	options: OverheadOptions,
	log: (message: string) => void,
	windows: SeriesWindows = {},
): Promise<OverheadResult> {
	const credential = await n8n.createCredential('Bench SimplyMeet', 'simplyMeetApi', {
		apiKey: fake.apiKey,
		baseUrl: fake.baseUrl,
	});
	const targets: Target[] = [];
	let secret = 'bench-secret';
	for (const name of options.series) {
		if (name === 'ours') {
			const built = simplyMeetWorkflow('Bench: SimplyMeet Trigger', { id: credential.id, name: credential.name });
			for (const node of built.workflow.nodes) node.typeVersion = options.triggerVersion;
			const { id, url } = await publish(n8n, built);
			await n8n.waitFor(() => fake.hooksFor(url).length === 1, 60_000, 100, 'the SimplyMeet hook');
			secret = String(fake.hooksFor(url)[0].secret);
			targets.push({ name, url, workflowId: id, delivered: 0 });
		} else if (name === 'builtin') {
			const { id, url } = await publish(n8n, builtinTriggerWorkflow(`Bench: ${SERIES_LABELS[name]}`));
			targets.push({ name, url, workflowId: id, delivered: 0 });
		} else {
			const headerAuth =
				name === 'bare-auth'
					? await n8n.createCredential('Bench Header Auth', 'httpHeaderAuth', { name: AUTH_HEADER.name, value: AUTH_HEADER.value })
					: undefined;
			const built = coreWebhookWorkflow(
				`Bench: ${SERIES_LABELS[name]}`,
				`bench-${name}-${randomUUID().slice(0, 8)}`,
				headerAuth ? { id: headerAuth.id, name: headerAuth.name } : undefined,
			);
			if (name === 'bare-v1') for (const node of built.workflow.nodes) node.typeVersion = 1;
			const { id, url } = await publish(n8n, built);
			targets.push({ name, url, workflowId: id, delivered: 0 });
		}
	}
	// Every series gets the same signed bodies (the others ignore the signature; the built-in
	// trigger wants an `event_type`, which ours ignores).
	const make = simplyMeetDeliveries(
		secret,
		options.series.includes('bare-auth') ? { [AUTH_HEADER.name]: AUTH_HEADER.value } : {},
		options.series.includes('builtin') ? { event_type: 'bench' } : {},
	);
	const pid = findN8nPid(n8n.userFolder);
	if (!pid) log('could not find the n8n process: CPU per event is not measured');

	const runOne = async (target: Target, amount: number) => {
		const cpuBefore = pid ? treeCpuMs(pid) : Number.NaN;
		const started = process.hrtime.bigint();
		const load = await runLoad({ url: target.url, amount, connections: options.connections, make, title: target.name });
		target.delivered += load.okIds.length;
		const counts = await waitForFinished(n8n, target.workflowId, target.delivered, { timeoutMs: 600_000, intervalMs: 100 });
		const finished = process.hrtime.bigint();
		if ((counts.success ?? 0) !== target.delivered) {
			throw new Error(`${target.name}: ${target.delivered} deliveries answered 2xx, but the executions are ${JSON.stringify(counts)}`);
		}
		const completedMs = Number(finished - started) / 1e6;
		return { load, started, finished, completedMs, cpuMs: pid ? treeCpuMs(pid) - cpuBefore : Number.NaN };
	};

	log(`warm-up: ${options.warmup} deliveries per series`);
	for (const target of targets) await runOne(target, options.warmup);

	const rounds: RoundFigures[] = [];
	const latencies = new Map<SeriesName, number[]>();
	for (let round = 1; round <= options.rounds; round++) {
		// ABBA order: a steady drift in the machine's load hits every series alike.
		const order = round % 2 === 1 ? targets : [...targets].reverse();
		for (const target of order) {
			const { load, started, finished, completedMs, cpuMs } = await runOne(target, options.amount);
			(windows[target.name] ??= []).push([started, finished]);
			const pooled = latencies.get(target.name) ?? [];
			pooled.push(...load.latencies);
			latencies.set(target.name, pooled);
			const non2xx = Object.entries(load.statuses)
				.filter(([status]) => !status.startsWith('2'))
				.reduce((total, [, count]) => total + count, 0);
			const figures: RoundFigures = {
				series: target.name,
				round,
				eventsPerSecond: load.eventsPerSecond,
				completedPerSecond: load.okIds.length / (completedMs / 1000),
				p50: load.latencyMs.p50,
				p99: load.latencyMs.p99,
				non2xx,
				errors: load.errors,
				cpuMsPerEvent: cpuMs / options.amount,
			};
			rounds.push(figures);
			log(
				`round ${round}/${options.rounds} ${target.name.padEnd(7)} ${figures.eventsPerSecond.toFixed(1)} events/s ` +
					`(completed ${figures.completedPerSecond.toFixed(1)}/s), p50 ${figures.p50.toFixed(0)} ms, ` +
					`p99 ${figures.p99.toFixed(0)} ms, ${figures.cpuMsPerEvent.toFixed(1)} CPU ms/event` +
					(non2xx || load.errors ? `, ${non2xx} non-2xx, ${load.errors} errors` : ''),
			);
		}
	}

	const series: SeriesFigures[] = targets.map((target) => {
		const own = rounds.filter((round) => round.series === target.name);
		const pooled = latencies.get(target.name) ?? [];
		return {
			series: target.name,
			label: SERIES_LABELS[target.name],
			rounds: own.length,
			eventsPerSecond: median(own.map((round) => round.eventsPerSecond)),
			completedPerSecond: median(own.map((round) => round.completedPerSecond)),
			cpuMsPerEvent: median(own.map((round) => round.cpuMsPerEvent)),
			p50: percentile(pooled, 50),
			p99: percentile(pooled, 99),
			non2xx: own.reduce((total, round) => total + round.non2xx, 0),
			errors: own.reduce((total, round) => total + round.errors, 0),
		};
	});
	const ours = series.find((entry) => entry.series === 'ours');
	const bare = series.find((entry) => entry.series === 'bare');
	// Each round runs every series back to back: a ratio within a round cancels the machine's drift.
	const roundRatiosTo = (other: SeriesName): number[] => {
		const ratios: number[] = [];
		for (let round = 1; round <= options.rounds; round++) {
			const a = rounds.find((entry) => entry.round === round && entry.series === 'ours');
			const b = rounds.find((entry) => entry.round === round && entry.series === other);
			if (a && b) ratios.push(a.eventsPerSecond / b.eventsPerSecond);
		}
		return ratios;
	};
	const roundRatios = roundRatiosTo('bare');
	const builtinRatios = roundRatiosTo('builtin');
	return {
		options,
		rounds,
		series,
		ratio: median(roundRatios),
		ratioOfMedians: ours && bare ? ours.eventsPerSecond / bare.eventsPerSecond : Number.NaN,
		completedRatio: ours && bare ? ours.completedPerSecond / bare.completedPerSecond : Number.NaN,
		roundRatios,
		cpuRatio: ours && bare ? ours.cpuMsPerEvent / bare.cpuMsPerEvent : Number.NaN,
		builtinRatio: builtinRatios.length > 0 ? median(builtinRatios) : Number.NaN,
	};
}
