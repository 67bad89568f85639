/* eslint-disable @n8n/community-nodes/no-restricted-globals -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * `npm run simulate -- <service> <event>`: makes a fake service of the running sandbox deliver a
 * realistic event to every webhook registered with it, as the real service would, and prints
 * where it went and what n8n answered.
 *
 *   npm run simulate -- simplymeet meetingScheduled     (also meetingCancelled, meetingRescheduled;
 *                                                        add --flat for the unwrapped body shape)
 *   npm run simulate -- airmeet registrant.added        (any Airmeet trigger id, or its unique end)
 *
 * SimplyMeet deliveries are signed with each webhook's own secret, as SimplyMeet signs them.
 */
import { triggerById } from '../nodes/Airmeet/triggers';
import { FAKE_TRIGGERS } from '../test/fakes/airmeetFake';
import { SIMPLYMEET_EVENTS } from '../test/fakes/simplyMeetFake';
import { didYouMean, suggest, triggerIdEnds } from './lib/suggest';
import type { SandboxState } from './sandboxState';
import { runningSandbox } from './sandboxState';

interface Delivery {
	url: string;
	status: number;
	body: string;
}

const AIRMEET_TRIGGERS = Object.keys(FAKE_TRIGGERS);
const SERVICES = ['simplymeet', 'airmeet'] as const;
type Service = (typeof SERVICES)[number];

/** Each service's usage, with only its own events or triggers. */
const USAGE: Record<Service, string[]> = {
	simplymeet: [
		'  npm run simulate -- simplymeet <event> [--flat]',
		'',
		'SimplyMeet events:',
		...SIMPLYMEET_EVENTS.map((event) => `  ${event}`),
	],
	airmeet: [
		'  npm run simulate -- airmeet <trigger>',
		'',
		'Airmeet triggers (the "trigger." prefix, or any unique end, may be left out):',
		...AIRMEET_TRIGGERS.map((id) => `  ${id.padEnd(38)}${triggerById(id)?.label ?? ''}`.trimEnd()),
	],
};

function fail(message: string, usageOf: readonly Service[] = []): never {
	const usage = usageOf.flatMap((service, index) => (index === 0 ? USAGE[service] : ['', ...USAGE[service]]));
	process.stderr.write(`[simulate] ${message}\n${usage.length ? `\nusage:\n${usage.join('\n')}\n` : ''}`);
	process.exit(1);
}

function say(message: string): void {
	process.stdout.write(`${message}\n`);
}

/** An exact trigger id, or the one trigger whose id ends with ".<given>". */
function resolveAirmeetTrigger(given: string): string {
	if (AIRMEET_TRIGGERS.includes(given)) return given;
	const matches = AIRMEET_TRIGGERS.filter((id) => id.endsWith(`.${given}`));
	if (matches.length === 1) return matches[0];
	if (matches.length > 1) fail(`"${given}" could be ${matches.join(' or ')}: say which`);
	const suggestions = suggest(given, AIRMEET_TRIGGERS, triggerIdEnds);
	return fail(`"${given}" is not an Airmeet trigger${didYouMean(suggestions)}`, ['airmeet']);
}

function resolveSimplyMeetEvent(given: string): string {
	const event = SIMPLYMEET_EVENTS.find((candidate) => candidate.toLowerCase() === given.toLowerCase());
	return event ?? fail(`"${given}" is not a SimplyMeet event${didYouMean(suggest(given, SIMPLYMEET_EVENTS))}`, ['simplymeet']);
}

function resolveService(given: string): Service {
	const service = SERVICES.find((candidate) => candidate === given.toLowerCase());
	return service ?? fail(`"${given}" is not a service (simplymeet or airmeet)${didYouMean(suggest(given, SERVICES))}`, SERVICES);
}

async function control<T>(url: string, body?: unknown): Promise<T> {
	let response: Response;
	try {
		response = await fetch(url, {
			method: body === undefined ? 'GET' : 'POST',
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	} catch (error) {
		return fail(`the sandbox's fake does not answer at ${url} (${(error as Error).message}): is \`npm run sandbox\` still running?`);
	}
	const text = await response.text();
	if (!response.ok) fail(`${url} answered HTTP ${response.status}: ${text}`);
	return JSON.parse(text) as T;
}

function short(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat || '(empty)';
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const flat = args.includes('--flat');
	const [serviceName, event] = args.filter((arg) => !arg.startsWith('--'));
	const service = serviceName ? resolveService(serviceName) : undefined;
	if (!service || !event || args.includes('--help')) fail('which service and event?', service ? [service] : SERVICES);
	// A mistyped name is reported before the sandbox is looked for: it needs no sandbox to fix.
	const name = service === 'simplymeet' ? resolveSimplyMeetEvent(event) : resolveAirmeetTrigger(event);

	const sandbox: SandboxState | undefined = runningSandbox();
	if (!sandbox) fail('no sandbox is running: start one with `npm run sandbox` (in another terminal), then try again');
	if (!sandbox.ready) fail('the sandbox is still starting; try again when it prints "Sandbox ready"');

	let label: string;
	let deliveries: Delivery[];
	let hooks: Array<Record<string, unknown>>;
	if (service === 'simplymeet') {
		label = `SimplyMeet ${name}${flat ? ' (flat body)' : ''}, signed with each webhook's secret`;
		({ deliveries } = await control<{ deliveries: Delivery[] }>(`${sandbox.simplyMeet.controlUrl}/deliver`, {
			event: name,
			shape: flat ? 'flat' : 'wrapped',
		}));
		({ hooks } = await control<{ hooks: Array<Record<string, unknown>> }>(`${sandbox.simplyMeet.controlUrl}/hooks`));
	} else {
		label = `Airmeet ${name}`;
		({ deliveries } = await control<{ deliveries: Delivery[] }>(`${sandbox.airmeet.controlUrl}/deliver`, { trigger: name }));
		({ hooks } = await control<{ hooks: Array<Record<string, unknown>> }>(`${sandbox.airmeet.controlUrl}/hooks`));
	}

	if (deliveries.length === 0) {
		say(`${label}: no webhook is registered for it, so nothing was delivered.`);
		say('Publish a workflow whose trigger listens to it (the sandbox publishes one example per trigger kind).');
		say(`Webhooks registered now (${hooks.length}):`);
		for (const hook of hooks) {
			say(`  ${String(hook.url)}  ${JSON.stringify(hook.events ?? hook.triggerMetaInfoId)}`);
		}
		process.exit(1);
	}
	say(`${label}: delivered to ${deliveries.length} webhook(s)`);
	for (const delivery of deliveries) {
		const ok = delivery.status >= 200 && delivery.status < 300;
		// A 2xx answer's body says nothing (n8n 2.41 sends a placeholder); a refusal's says why.
		say(`  POST ${delivery.url} -> HTTP ${delivery.status}${ok ? ' (accepted)' : ` ${short(delivery.body)}`}`);
	}
	say(`Executions: ${sandbox.n8nUrl}/home/executions`);
	if (deliveries.some((delivery) => delivery.status < 200 || delivery.status >= 300)) process.exit(1);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
