/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * Reads a V8 .cpuprofile (node --cpu-prof) and charges each sample to a cause found on its stack
 * (n8n's expression isolates, our package, the database, ...), within time windows, so that the
 * benchmark can say where n8n spends its CPU per delivery for each series.
 */
import * as fs from 'fs';

interface CallFrame {
	functionName: string;
	url: string;
	lineNumber: number;
	columnNumber: number;
}

interface ProfileNode {
	id: number;
	callFrame: CallFrame;
	children?: number[];
}

interface CpuProfile {
	nodes: ProfileNode[];
	startTime: number;
	endTime: number;
	samples: number[];
	timeDeltas: number[];
}

export function readProfile(file: string): CpuProfile {
	return JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
}

/** A cause the time is charged to: the first rule whose test matches a sample's stack wins. */
export interface CauseRule {
	cause: string;
	test: (stack: CallFrame[]) => boolean;
}

const has = (stack: CallFrame[], functionName: string, urlPart: string): boolean =>
	stack.some((frame) => frame.functionName === functionName && frame.url.includes(urlPart));
const inUrl = (stack: CallFrame[], urlPart: string | RegExp): boolean =>
	stack.some((frame) => (typeof urlPart === 'string' ? frame.url.includes(urlPart) : urlPart.test(frame.url)));

/** Where a webhook delivery's CPU time goes in n8n 2.41 (found by reading its profiles). */
export const WEBHOOK_CAUSES: CauseRule[] = [
	{ cause: 'idle', test: (stack) => stack[0]?.functionName === '(idle)' },
	{
		cause: 'n8n: body parsing evaluates $parameter.options.binaryData (typeVersion 1 only)',
		test: (stack) => has(stack, 'parseRequestBody', 'webhook-helpers'),
	},
	{
		cause: 'n8n: expression isolate for the webhook phase (all but core Webhook >= 2)',
		test: (stack) =>
			has(stack, 'executeWebhook', 'live-webhooks') && inUrl(stack, '@n8n/expression-runtime'),
	},
	{
		cause: 'n8n: expression isolate for the execution (every execution)',
		test: (stack) => inUrl(stack, '@n8n/expression-runtime') && inUrl(stack, 'execution-engine/workflow-execute'),
	},
	{ cause: 'n8n: isolate pool refill (background)', test: (stack) => inUrl(stack, '@n8n/expression-runtime') },
	{ cause: 'our package (webhook(), signature, hook store)', test: (stack) => inUrl(stack, /n8n-nodes-simplymeet-airmeet|\/work\/main\/dist\//) },
	{
		cause: 'n8n: credential checks per execution',
		test: (stack) => inUrl(stack, /credentials-permission-checker|dynamic-credentials|credentials-helper/),
	},
	{ cause: 'database (SQLite, TypeORM)', test: (stack) => inUrl(stack, /node_modules\/(sqlite3|@n8n\/typeorm|@n8n\/db)\//) },
	{ cause: 'garbage collection', test: (stack) => stack[0]?.functionName === '(garbage collector)' },
	{ cause: 'rest of n8n, Node.js and V8', test: () => true },
];

/**
 * Charges each sample inside the windows (absolute µs on the monotonic clock that
 * process.hrtime uses, which is V8's profile clock on Linux) to a cause. Returns ms per cause.
 */
export function byCause(profile: CpuProfile, windowsUs: Array<[number, number]>, rules: CauseRule[] = WEBHOOK_CAUSES): Record<string, number> {
	const byId = new Map<number, ProfileNode>();
	const parent = new Map<number, number>();
	for (const node of profile.nodes) {
		byId.set(node.id, node);
		for (const child of node.children ?? []) parent.set(child, node.id);
	}
	const causeOf = new Map<number, string>();
	const cause = (id: number): string => {
		const cached = causeOf.get(id);
		if (cached !== undefined) return cached;
		const stack: CallFrame[] = [];
		for (let cursor: number | undefined = id; cursor !== undefined; cursor = parent.get(cursor)) {
			const node = byId.get(cursor);
			if (node) stack.push(node.callFrame);
		}
		const found = rules.find((rule) => rule.test(stack))?.cause ?? 'other';
		causeOf.set(id, found);
		return found;
	};
	const totals: Record<string, number> = {};
	let time = profile.startTime;
	for (let i = 0; i < profile.samples.length; i++) {
		time += profile.timeDeltas[i] ?? 0;
		if (!windowsUs.some(([from, to]) => time >= from && time <= to)) continue;
		const name = cause(profile.samples[i]);
		totals[name] = (totals[name] ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000;
	}
	return totals;
}
