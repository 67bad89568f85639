/* eslint-disable @n8n/community-nodes/no-restricted-globals -- Node-side tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * `npm run test:live`: asks the real services (or any server that speaks their APIs at the given
 * base URLs) every open fact a call can settle, and prints one line per fact: confirmed,
 * contradicted (with what was seen: keys and types, never values) or not checked (why), then the
 * counts. Exits 1 when a fact is contradicted. Read-only unless LIVE_WRITE=1, which registers and
 * removes one webhook per service (removed even when a step fails).
 *
 * Environment: SIMPLYMEET_API_KEY, SIMPLYMEET_BASE_URL (optional), AIRMEET_ACCESS_KEY,
 * AIRMEET_SECRET_KEY, AIRMEET_REGION (default, eu, us) or AIRMEET_BASE_URL, AIRMEET_EVENT_ID
 * (optional), LIVE_WRITE=1.
 */
import { randomUUID } from 'crypto';

import type { Answer } from './lib/liveHttp';
import { at, call, isRecord, redact, seen, shape } from './lib/liveHttp';

type Outcome = 'confirmed' | 'contradicted' | 'not checked';

interface Fact {
	id: string;
	claim: string;
	outcome: Outcome;
	detail?: string;
}

/** The facts in the order they were settled; each `check` adds one. */
class Facts {
	readonly list: Fact[] = [];

	constructor(private readonly secrets: string[]) {}

	/** Secrets learned on the way (a token, a webhook secret) are kept out of every line too. */
	hide(secret: string): void {
		this.secrets.push(secret);
	}

	add(id: string, claim: string, outcome: Outcome, detail?: string): void {
		this.list.push({ id, claim, outcome, detail });
	}

	/** Confirmed when `holds`, else contradicted with what was seen. */
	judge(id: string, claim: string, holds: boolean, detail: string): void {
		this.add(id, claim, holds ? 'confirmed' : 'contradicted', detail);
	}

	/** As `judge`, but an answer that never came (or a server error) settles nothing. */
	judgeAnswer(id: string, claim: string, answer: Answer, holds: boolean, detail = seen(answer)): void {
		if (answer.status === 0 || answer.status >= 500) this.skip(id, claim, `no usable answer (${seen(answer)})`);
		else this.judge(id, claim, holds, detail);
	}

	skip(id: string, claim: string, why: string): void {
		this.add(id, claim, 'not checked', why);
	}

	lines(): string[] {
		const counts = (outcome: Outcome) => this.list.filter((fact) => fact.outcome === outcome).length;
		return [
			...this.list.map((fact) => redact(`${fact.outcome.padEnd(12)} ${fact.id.padEnd(26)} ${fact.claim}${fact.detail ? `: ${fact.detail}` : ''}`, this.secrets)),
			`${counts('confirmed')} confirmed, ${counts('contradicted')} contradicted, ${counts('not checked')} not checked`,
		];
	}

	get contradicted(): boolean {
		return this.list.some((fact) => fact.outcome === 'contradicted');
	}
}

const AIRMEET_REGIONS: Record<string, string> = {
	default: 'https://api-gateway.airmeet.com/prod',
	eu: 'https://api-gateway-prod.eu.airmeet.com/prod',
	us: 'https://api-gateway-prod.us.airmeet.com/prod',
};

const SIMPLYMEET_HOSTS = { secure: 'https://secure.simplymeet.me/api', app: 'https://app.simplymeet.me/api' };

const WRONG_KEY = 'live-check-deliberately-wrong-key';

/** Where a hook made by LIVE_WRITE points: a address that is never delivered to by anyone. */
const hookUrl = () => `https://example.com/n8n-live-check/${randomUUID()}`;

/** One line on standard output. */
const say = (line: string) => process.stdout.write(`${line}\n`);

const env = (name: string) => {
	const value = process.env[name]?.trim();
	return value === undefined || value === '' ? undefined : value;
};

const isList = (value: unknown) => Array.isArray(value);
const isNumber = (value: unknown) => typeof value === 'number';

/** A SimplyMeet list answer as its pages document it. */
function isSimplyMeetPage(body: unknown): boolean {
	return (
		isRecord(body) &&
		isNumber(body.page) &&
		isNumber(body.limit) &&
		isNumber(body.pages) &&
		isNumber(body.total) &&
		isList(at(body, '_embedded', 'items')) &&
		isRecord(body._links)
	);
}

const ok = (answer: Answer) => answer.status >= 200 && answer.status < 300;

// ---- SimplyMeet --------------------------------------------------------------------------------

async function simplyMeet(facts: Facts, apiKey: string, givenBaseUrl: string | undefined, write: boolean): Promise<void> {
	const headers = { 'x-api-key': apiKey };
	const list = async (baseUrl: string, limit: number, key = apiKey) =>
		await call(baseUrl, 'GET', '/webhooks', { query: { page: 1, limit }, headers: { 'x-api-key': key } });

	let baseUrl = givenBaseUrl ?? SIMPLYMEET_HOSTS.secure;
	for (const [name, host] of Object.entries(SIMPLYMEET_HOSTS)) {
		const claim = `${host} answers as the SimplyMeet API`;
		if (givenBaseUrl !== undefined) {
			facts.skip(`simplymeet.host.${name}`, claim, 'SIMPLYMEET_BASE_URL is set: only that address is asked');
			continue;
		}
		const answer = await list(host, 1);
		facts.judge(`simplymeet.host.${name}`, claim, ok(answer) && isSimplyMeetPage(answer.body), seen(answer));
		if (name === 'secure' && !(ok(answer) && isSimplyMeetPage(answer.body))) baseUrl = SIMPLYMEET_HOSTS.app;
	}

	const first = await list(baseUrl, 1);
	facts.judgeAnswer(
		'simplymeet.list.shape',
		'GET /webhooks answers {page, limit, pages, total, _embedded: {items: list}, _links}',
		first,
		ok(first) && isSimplyMeetPage(first.body),
	);

	const sizes = [10, 50, 100, 500];
	const accepted: number[] = [];
	let honoured: unknown;
	for (const size of sizes) {
		const answer = await list(baseUrl, size);
		if (ok(answer)) accepted.push(size);
		if (size === 100) honoured = at(answer.body, 'limit');
	}
	facts.judge(
		'simplymeet.pageSize',
		'a page of 100 (what the nodes ask for) is accepted',
		accepted.includes(100),
		`accepted of ${sizes.join(', ')}: ${accepted.join(', ') || 'none'}; the answer to 100 says limit ${typeof honoured === 'number' ? honoured : shape(honoured)}`,
	);

	const wrong = await list(baseUrl, 1, WRONG_KEY);
	facts.judgeAnswer('simplymeet.wrongKey', 'a wrong API key is answered 401', wrong, wrong.status === 401);

	const types = await call(baseUrl, 'GET', '/users/me/meeting-types', { query: { page: 1, limit: 1 }, headers });
	facts.judgeAnswer(
		'simplymeet.meetingTypes',
		'GET /users/me/meeting-types answers a paged list (seen only on older pages and in other clients)',
		types,
		ok(types) && isSimplyMeetPage(types.body),
	);

	facts.skip(
		'simplymeet.singleUseLinks',
		'the count field and list key of POST /single-use-link-list',
		'links cannot be removed once made, so this tool never makes them',
	);
	facts.skip(
		'simplymeet.signature',
		'the encoding of Webhook-Signature (base64 of the raw HMAC, of its hex digest, or hex)',
		'needs a real delivery: publish a SimplyMeet Trigger and book a meeting (the trigger accepts all three)',
	);

	if (!write) {
		facts.skip('simplymeet.webhook', 'POST /webhooks answers 201 {uuid, url, events, secret, created_at}; DELETE answers 204, then 404', 'read-only: set LIVE_WRITE=1');
		return;
	}
	const secret = randomUUID();
	facts.hide(secret);
	const url = hookUrl();
	let uuid: string | undefined;
	try {
		const created = await call(baseUrl, 'POST', '/webhooks', { headers, body: { events: ['meetingScheduled'], url, secret } });
		const body = isRecord(created.body) ? created.body : {};
		uuid = typeof body.uuid === 'string' ? body.uuid : undefined;
		facts.judgeAnswer(
			'simplymeet.webhook.create',
			'POST /webhooks answers 201 {uuid, url, events, secret, created_at}',
			created,
			created.status === 201 && uuid !== undefined && isList(body.events) && typeof body.url === 'string' && 'created_at' in body,
		);
		const listed = await list(baseUrl, 100);
		const items = at(listed.body, '_embedded', 'items');
		facts.judgeAnswer(
			'simplymeet.webhook.listed',
			'the new hook shows in GET /webhooks',
			listed,
			isList(items) && (items as unknown[]).some((item) => at(item, 'uuid') === uuid),
		);
	} finally {
		// When the create answer was lost, the hook may exist all the same: find it by its URL.
		uuid ??= await simplyMeetHookAt(baseUrl, headers, url);
		if (uuid !== undefined) {
			const path = `/webhooks/${encodeURIComponent(uuid)}`;
			const removed = await call(baseUrl, 'DELETE', path, { headers });
			const again = await call(baseUrl, 'DELETE', path, { headers });
			facts.judgeAnswer(
				'simplymeet.webhook.delete',
				'DELETE /webhooks/{uuid} answers 204, and 404 {code, message} once it is gone',
				removed,
				removed.status === 204 && again.status === 404,
				`${seen(removed)}; then ${seen(again)}`,
			);
		}
	}
}

/** The uuid of the hook with this URL, looked for on the first pages of the listing. */
async function simplyMeetHookAt(baseUrl: string, headers: Record<string, string>, url: string): Promise<string | undefined> {
	for (let page = 1; page <= 20; page++) {
		const answer = await call(baseUrl, 'GET', '/webhooks', { query: { page, limit: 50 }, headers });
		const items = at(answer.body, '_embedded', 'items');
		if (!isList(items) || (items as unknown[]).length === 0) return undefined;
		const found = (items as unknown[]).find((item) => at(item, 'url') === url);
		if (found !== undefined) return String(at(found, 'uuid'));
		if (page >= Number(at(answer.body, 'pages'))) return undefined;
	}
	return undefined;
}

// ---- Airmeet -----------------------------------------------------------------------------------

interface AirmeetTarget {
	baseUrl: string;
	accessKey: string;
	secretKey: string;
	eventId?: string;
}

/** The token wherever the /auth answer holds it: at the top level or under `data`. */
function tokenIn(body: unknown): { token?: string; where: 'top' | 'data' | 'none' } {
	const top = at(body, 'token');
	if (typeof top === 'string' && top !== '') return { token: top, where: 'top' };
	const nested = at(body, 'data', 'token');
	if (typeof nested === 'string' && nested !== '') return { token: nested, where: 'data' };
	return { where: 'none' };
}

async function airmeet(facts: Facts, target: AirmeetTarget, write: boolean): Promise<void> {
	const { baseUrl } = target;
	const auth = async (secretKey: string) =>
		await call(baseUrl, 'POST', '/auth', { headers: { 'x-airmeet-access-key': target.accessKey, 'x-airmeet-secret-key': secretKey }, body: {} });
	const keyPair = { 'x-access-key': target.accessKey, 'x-secret-key': target.secretKey };

	const issued = await auth(target.secretKey);
	const { token, where } = tokenIn(issued.body);
	if (token) facts.hide(token);
	facts.judgeAnswer(
		'airmeet.auth.shape',
		'POST /auth answers the token at the top level ({token, ...}, as Parsons and the connector read it)',
		issued,
		ok(issued) && where === 'top',
		where === 'data' ? `wrapped as on Airmeet's page: ${seen(issued)}` : seen(issued),
	);

	const wrong = await auth(WRONG_KEY);
	facts.judgeAnswer('airmeet.auth.wrongKeys', "wrong keys on /auth are answered 400 (Airmeet's pages, Parsons)", wrong, wrong.status === 400);

	const keyPairWrong = await call(baseUrl, 'GET', '/platform-integration/v1/sample-payload', {
		query: { triggerMetaInfoId: 'trigger.airmeet.registrant.added' },
		headers: { 'x-access-key': target.accessKey, 'x-secret-key': WRONG_KEY },
	});
	facts.judgeAnswer('airmeet.keyPair.wrongKeys', 'wrong keys on a key-pair call (sample payload) are answered 401 (no source says)', keyPairWrong, keyPairWrong.status === 401);

	const sample = await call(baseUrl, 'GET', '/platform-integration/v1/sample-payload', {
		query: { triggerMetaInfoId: 'trigger.airmeet.registrant.added' },
		headers: keyPair,
	});
	facts.judgeAnswer('airmeet.samplePayload', 'GET sample-payload answers a sample with the key pair (our reading of the pages)', sample, ok(sample) && isRecord(sample.body));

	if (!token) {
		facts.skip('airmeet.token', 'every call that needs a token', `/auth issued none (${seen(issued)})`);
		return;
	}
	const withToken = { 'x-airmeet-access-token': token };
	const get = async (path: string, query: Record<string, string | number> = {}) => await call(baseUrl, 'GET', path, { query, headers: withToken });

	const badToken = await call(baseUrl, 'GET', '/airmeets', { query: { size: 1 }, headers: { 'x-airmeet-access-token': 'live-check-not-a-token' } });
	facts.judgeAnswer('airmeet.token.unknown', 'an unknown token is answered 400 (the nodes then fetch a new one)', badToken, badToken.status === 400);

	const events = await get('/airmeets', { size: 500 });
	facts.judgeAnswer(
		'airmeet.events',
		'GET /airmeets?size=500 answers {data: list, cursors: {after, before, pageCount}}',
		events,
		ok(events) && isList(at(events.body, 'data')) && isRecord(at(events.body, 'cursors')) && 'pageCount' in (at(events.body, 'cursors') as object),
	);

	const eventId = target.eventId;
	if (eventId === undefined) {
		const why = 'set AIRMEET_EVENT_ID to an event of the community';
		for (const check of EVENT_SHAPES) facts.skip(check.id, check.claim, why);
		facts.skip('airmeet.customFields', CUSTOM_FIELD_TYPE, why);
		facts.skip('airmeet.report.preparing', REPORT_PREPARING, why);
	} else {
		await eventChecks(facts, get, eventId);
	}

	if (!write) {
		facts.skip('airmeet.webhook', 'the register answer carries an id; deregister removes the hook', 'read-only: set LIVE_WRITE=1');
		return;
	}
	await registerAndRemove(facts, target, keyPair, get);
}

type Get = (path: string, query?: Record<string, string | number>) => Promise<Answer>;

/** An answer of one event's that should hold a list under `key` (and `cursors` when paged). */
interface ShapeCheck {
	id: string;
	claim: string;
	/** Under `/airmeet/{id}`, or from the base URL when it starts with `/platform-integration`. */
	path: string;
	query?: Record<string, string | number>;
	key: string;
	paged?: boolean;
	/** What each entry must have. */
	entriesHave?: string;
	/** Another key the answer must have beside the list. */
	alsoHas?: string;
}

const EVENT_SHAPES: readonly ShapeCheck[] = [
	{ id: 'airmeet.info', claim: 'GET /airmeet/{id}/info answers {sessions: list, ...}', path: '/info', key: 'sessions' },
	{
		id: 'airmeet.participants',
		claim: 'GET participants (sorted by name, ASC) answers {participants: list, userCount, totalUserCount}',
		path: '/participants',
		query: { pageNumber: 1, resultSize: 10, sortingKey: 'name', sortingDirection: 'ASC' },
		key: 'participants',
		alsoHas: 'totalUserCount',
	},
	{ id: 'airmeet.booths', claim: 'GET booths answers {booths: list}; each booth has layoutType', path: '/booths', key: 'booths', entriesHave: 'layoutType' },
	{ id: 'airmeet.tracks', claim: 'GET tracks answers {tracks: list}', path: '/tracks', key: 'tracks' },
	{ id: 'airmeet.polls', claim: 'GET polls?size=50 answers {data: list, cursors: {after, pageCount}} (Parsons)', path: '/polls', query: { size: 50 }, key: 'data', paged: true },
	{ id: 'airmeet.questions', claim: 'GET questions answers {data: list}', path: '/questions', key: 'data' },
	{ id: 'airmeet.registrations', claim: 'GET registrations?size=100 answers {data: list, cursors}', path: '/registrations', query: { size: 100 }, key: 'data', paged: true },
	{ id: 'airmeet.recordings', claim: 'GET session-recordings without sessionIds answers {recordings: list} (Parsons)', path: '/session-recordings', key: 'recordings' },
	{
		id: 'airmeet.webhookList',
		claim: 'GET webhook-list?airmeetId answers {webhookDTOList: list} (our reading of the pages)',
		path: '/platform-integration/v1/webhook-list',
		key: 'webhookDTOList',
	},
];

const CUSTOM_FIELD_TYPE = "a custom field's type is an object {fieldType, inputType, mappedFrom} (the connector)";

const REPORT_PREPARING = 'a report being prepared answers statusCode 202 in the body (as Parsons reads it)';

function holdsShape(check: ShapeCheck, answer: Answer): boolean {
	const entries = at(answer.body, check.key);
	return (
		ok(answer) &&
		isList(entries) &&
		(!check.paged || isRecord(at(answer.body, 'cursors'))) &&
		(check.alsoHas === undefined || at(answer.body, check.alsoHas) !== undefined) &&
		(check.entriesHave === undefined || (entries as unknown[]).every((entry) => isRecord(entry) && (check.entriesHave as string) in entry))
	);
}

async function eventChecks(facts: Facts, get: Get, eventId: string): Promise<void> {
	const event = `/airmeet/${encodeURIComponent(eventId)}`;
	for (const check of EVENT_SHAPES) {
		const webhooks = check.path.startsWith('/platform-integration');
		const answer = await get(webhooks ? check.path : `${event}${check.path}`, webhooks ? { airmeetId: eventId } : check.query);
		facts.judgeAnswer(check.id, check.claim, answer, holdsShape(check, answer));
	}

	const fields = await get(`${event}/custom-fields`);
	const list = at(fields.body, 'customFields');
	const firstType = isList(list) ? at((list as unknown[])[0], 'type') : undefined;
	if (!ok(fields) || !isList(list)) facts.judgeAnswer('airmeet.customFields', CUSTOM_FIELD_TYPE, fields, false);
	else if ((list as unknown[]).length === 0) facts.skip('airmeet.customFields', CUSTOM_FIELD_TYPE, 'the event has no custom fields');
	else facts.judge('airmeet.customFields', CUSTOM_FIELD_TYPE, isRecord(firstType) && 'fieldType' in firstType, `type is ${shape(firstType)}`);

	const report = await get(`${event}/attendees`, { size: 50 });
	if (Number(at(report.body, 'statusCode')) === 202) {
		facts.add('airmeet.report.preparing', REPORT_PREPARING, 'confirmed', `HTTP ${report.status}`);
	} else if (report.status === 202) {
		facts.add('airmeet.report.preparing', REPORT_PREPARING, 'contradicted', `HTTP 202 without it: ${seen(report)}`);
	} else if (ok(report) && isList(at(report.body, 'data'))) {
		facts.skip('airmeet.report.preparing', REPORT_PREPARING, 'the attendance report was ready at once: try an event that finished recently');
	} else {
		facts.skip('airmeet.report.preparing', REPORT_PREPARING, `no report (${seen(report)}): attendance exists once the event has finished`);
	}
}

/**
 * Registers one hook (event-scoped when an event is given, so the listing can show it is gone;
 * community-wide otherwise) and removes it again, whatever happens in between.
 */
async function registerAndRemove(facts: Facts, target: AirmeetTarget, keyPair: Record<string, string>, get: Get): Promise<void> {
	const scoped = target.eventId !== undefined;
	const trigger = scoped
		? { triggerMetaInfoId: 'trigger.airmeet.registrant.added', name: 'REGISTRANT_ADDED' }
		: { triggerMetaInfoId: 'trigger.airmeet.created', name: 'AIRMEET_CREATED' };
	const url = hookUrl();
	const body = { ...trigger, description: 'n8n live check (removed right away)', url, platformName: 'n8n' };
	const query: Record<string, string> = scoped ? { airmeetId: String(target.eventId) } : {};
	let id: string | undefined;
	let answered: Answer | undefined;
	try {
		answered = await call(target.baseUrl, 'POST', '/platform-integration/v1/webhook-register', { query, headers: keyPair, body });
		const found = at(answered.body, 'payload', 'id') ?? at(answered.body, 'id') ?? at(answered.body, 'data', 'id');
		id = typeof found === 'string' || typeof found === 'number' ? String(found) : undefined;
		facts.judgeAnswer(
			'airmeet.register.id',
			"the register answer carries the webhook's id (Airmeet's page: payload.id; the connector declares none)",
			answered,
			ok(answered) && id !== undefined,
		);
	} finally {
		const listHooks = async () => await get('/platform-integration/v1/webhook-list', { airmeetId: String(target.eventId) });
		const hooksAtUrl = (answer: Answer) => ((at(answer.body, 'webhookDTOList') as unknown[] | undefined) ?? []).filter((hook) => at(hook, 'url') === url);
		// When the answer was lost or held no id, an event's hook can still be found by its URL.
		if (id === undefined && scoped) {
			const found = at(hooksAtUrl(await listHooks())[0], 'id');
			if (typeof found === 'string' || typeof found === 'number') id = String(found);
		}
		const refused = answered !== undefined && answered.status >= 400 && answered.status < 500;
		if (!refused) {
			const removal = id === undefined ? { triggerMetaInfoId: trigger.triggerMetaInfoId, url } : { id, triggerMetaInfoId: trigger.triggerMetaInfoId, url };
			const removed = await call(target.baseUrl, 'POST', '/platform-integration/v1/webhook-deregister', { headers: keyPair, body: removal });
			facts.judgeAnswer(
				'airmeet.deregister',
				`deregister ${id === undefined ? 'without an id ({triggerMetaInfoId, url})' : '{id, triggerMetaInfoId, url}'} answers success (our reading of the pages)`,
				removed,
				ok(removed) && ['200', '2000'].includes(String(at(removed.body, 'statusCode') ?? '200')),
			);
			if (scoped) {
				const listed = await listHooks();
				facts.judgeAnswer('airmeet.deregister.gone', 'the hook is gone from webhook-list afterwards', listed, isList(at(listed.body, 'webhookDTOList')) && hooksAtUrl(listed).length === 0);
			} else {
				facts.skip('airmeet.deregister.gone', 'the hook is gone from webhook-list afterwards', 'community-wide hooks cannot be listed: set AIRMEET_EVENT_ID');
			}
		}
	}
}

// ---- main --------------------------------------------------------------------------------------

const VARIABLES =
	'SIMPLYMEET_API_KEY [SIMPLYMEET_BASE_URL], AIRMEET_ACCESS_KEY + AIRMEET_SECRET_KEY [AIRMEET_REGION=default|eu|us or AIRMEET_BASE_URL] [AIRMEET_EVENT_ID], LIVE_WRITE=1 to register and remove one webhook per service';

async function main(): Promise<number> {
	const simplyMeetKey = env('SIMPLYMEET_API_KEY');
	const accessKey = env('AIRMEET_ACCESS_KEY');
	const secretKey = env('AIRMEET_SECRET_KEY');
	if (!simplyMeetKey && !(accessKey && secretKey)) {
		say(`test:live: no keys set, nothing checked. Set ${VARIABLES}.`);
		return 0;
	}
	const region = env('AIRMEET_REGION') ?? 'default';
	const airmeetBaseUrl = env('AIRMEET_BASE_URL') ?? AIRMEET_REGIONS[region];
	if (airmeetBaseUrl === undefined) {
		say(`test:live: AIRMEET_REGION must be one of ${Object.keys(AIRMEET_REGIONS).join(', ')}, or set AIRMEET_BASE_URL.`);
		return 2;
	}
	const write = env('LIVE_WRITE') === '1';
	const facts = new Facts([simplyMeetKey, accessKey, secretKey].filter((value): value is string => value !== undefined));
	if (simplyMeetKey) await simplyMeet(facts, simplyMeetKey, env('SIMPLYMEET_BASE_URL'), write);
	else facts.skip('simplymeet', 'every SimplyMeet fact', 'SIMPLYMEET_API_KEY is not set');
	if (accessKey && secretKey) await airmeet(facts, { baseUrl: airmeetBaseUrl, accessKey, secretKey, eventId: env('AIRMEET_EVENT_ID') }, write);
	else facts.skip('airmeet', 'every Airmeet fact', 'AIRMEET_ACCESS_KEY and AIRMEET_SECRET_KEY are not both set');
	for (const line of facts.lines()) say(line);
	return facts.contradicted ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		// Only the kind of failure: a message could quote a request that carried a key.
		say(`test:live: stopped by ${(error as Error).name}`);
		process.exit(2);
	},
);
