import type {
	IDataObject,
	IDisplayOptions,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { AirmeetClient, EVENTS_PAGE_SIZE } from './transport';

/** Airmeet ids are UUIDs in practice; this accepts any id-safe text so an unexpected form still works. */
const ID_SOURCE = '[A-Za-z0-9][A-Za-z0-9_-]{0,127}';
export const ID_PATTERN = new RegExp(`^${ID_SOURCE}$`);

/** An event link such as https://www.airmeet.com/e/<event id> (also on a community's own domain). */
export const EVENT_URL_SOURCE = `^https?://[^\\s/?#]+/(?:[^\\s?#]*/)?e/(${ID_SOURCE})(?:[/?#].*)?$`;
const EVENT_URL = new RegExp(EVENT_URL_SOURCE);

export interface LocatorField {
	/** The parameter name, e.g. airmeetId. */
	name: string;
	/** What users see, e.g. Event. */
	displayName: string;
}

export const EVENT_FIELD: LocatorField = { name: 'airmeetId', displayName: 'Event' };
export const SESSION_FIELD: LocatorField = { name: 'sessionId', displayName: 'Session' };

export type LocatorResult = { ok: true; id?: string } | { ok: false; message: string };

function rawValue(raw: unknown): { mode?: string; value: string } {
	if (typeof raw === 'object' && raw !== null && 'value' in raw) {
		const locator = raw as { mode?: unknown; value?: unknown };
		return {
			mode: typeof locator.mode === 'string' ? locator.mode : undefined,
			value: locator.value === undefined || locator.value === null ? '' : String(locator.value).trim(),
		};
	}
	return { value: raw === undefined || raw === null ? '' : String(raw).trim() };
}

/**
 * Reads a resource locator (or a plain string) into an id, checking its form: no request should
 * go out with an id that cannot be one. An empty value gives `{ok: true}` with no id.
 */
export function parseLocator(raw: unknown, field: LocatorField): LocatorResult {
	const { mode, value } = rawValue(raw);
	if (value === '') return { ok: true };
	const fromUrl = EVENT_URL.exec(value);
	if (mode === 'url' || /^https?:\/\//i.test(value)) {
		if (field.name === EVENT_FIELD.name && fromUrl) return { ok: true, id: fromUrl[1] };
		return {
			ok: false,
			message:
				field.name === EVENT_FIELD.name
					? `The "${field.displayName}" field needs an Airmeet event link like https://www.airmeet.com/e/<event ID>, got "${value}"`
					: `The "${field.displayName}" field needs a session ID, not a link: got "${value}"`,
		};
	}
	if (!ID_PATTERN.test(value)) {
		return {
			ok: false,
			message: `The "${field.displayName}" field needs an ID made of letters, digits and dashes, got "${value}"`,
		};
	}
	return { ok: true, id: value };
}

const ID_VALIDATION = {
	type: 'regex',
	properties: { regex: `^${ID_SOURCE}$`, errorMessage: 'An ID has only letters, digits and dashes' },
} as const;

const ID_PLACEHOLDER = 'e.g. 3f2a9c4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

/** The "Event" picker: a list of the community's events, an ID, or an event link. */
export function eventLocator(options: {
	required: boolean;
	description: string;
	displayOptions: IDisplayOptions;
}): INodeProperties {
	return {
		displayName: EVENT_FIELD.displayName,
		name: EVENT_FIELD.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required,
		description: options.description,
		displayOptions: options.displayOptions,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchEvents', searchable: true },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: ID_PLACEHOLDER,
				validation: [ID_VALIDATION],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'https://www.airmeet.com/e/3f2a9c4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: EVENT_URL_SOURCE,
							errorMessage: 'Paste an event link: https://www.airmeet.com/e/ followed by the event ID',
						},
					},
				],
				extractValue: { type: 'regex', regex: EVENT_URL_SOURCE },
			},
		],
	};
}

/** The "Session" picker: the sessions of the chosen event, or an ID. */
export function sessionLocator(options: { description: string; displayOptions: IDisplayOptions }): INodeProperties {
	return {
		displayName: SESSION_FIELD.displayName,
		name: SESSION_FIELD.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: options.description,
		displayOptions: options.displayOptions,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchSessions', searchable: true },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: ID_PLACEHOLDER,
				validation: [ID_VALIDATION],
			},
		],
	};
}

/** Airmeet sends times as epoch milliseconds or as text; shows the day, or nothing when unreadable. */
function day(value: unknown): string | undefined {
	if (typeof value !== 'number' && typeof value !== 'string') return undefined;
	const date = new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
	return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}

function describe(name: unknown, fallback: string, details: unknown[]): string {
	const extras = details.filter((detail): detail is string => typeof detail === 'string' && detail !== '');
	const title = typeof name === 'string' && name.trim() ? name.trim() : fallback;
	return extras.length ? `${title} (${extras.join(', ')})` : title;
}

/** The first of `keys` that holds an id (text or number), as text. */
export function idOf(record: IDataObject, ...keys: string[]): string | undefined {
	for (const key of keys) {
		const value = record[key];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
		if (typeof value === 'number') return String(value);
	}
	return undefined;
}

function matches(needle: string, ...values: unknown[]): boolean {
	return !needle || values.some((value) => typeof value === 'string' && value.toLowerCase().includes(needle));
}

/**
 * Lists the community's events for the "Event" picker, one Airmeet page (cursor) at a time.
 * Airmeet has no search parameter, so a filter is applied here, reading on until a page matches.
 */
export async function searchEvents(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await AirmeetClient.connect(this);
	const needle = filter?.trim().toLowerCase() ?? '';
	let after = paginationToken || undefined;
	const results: INodeListSearchItems[] = [];
	for (let page = 0; page < 20; page++) {
		const result = await client.listEventPage(EVENTS_PAGE_SIZE, after);
		for (const event of result.events) {
			const uid = idOf(event, 'uid', 'airmeetId', 'id');
			if (uid === undefined || !matches(needle, event.name, uid)) continue;
			results.push({ name: describe(event.name, uid, [event.status, day(event.startTime)]), value: uid });
		}
		after = result.after;
		if (after === undefined || results.length > 0) break;
	}
	return { results, paginationToken: after };
}

/** Lists the sessions of the event chosen in the "Event" field, for the "Session" picker. */
export async function searchSessions(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const event = parseLocator(this.getCurrentNodeParameter(EVENT_FIELD.name), EVENT_FIELD);
	if (!event.ok) throw new NodeOperationError(this.getNode(), event.message);
	if (event.id === undefined) {
		throw new NodeOperationError(this.getNode(), 'Choose an event in the "Event" field first: its sessions are listed here');
	}
	const client = await AirmeetClient.connect(this);
	const needle = filter?.trim().toLowerCase() ?? '';
	const results = (await client.listSessions(event.id))
		.map((session: IDataObject) => ({ session, id: idOf(session, 'sessionid', 'sessionId', 'id') }))
		.filter((entry): entry is { session: IDataObject; id: string } => entry.id !== undefined)
		.filter(({ session, id }) => matches(needle, session.name, id))
		.map(({ session, id }) => ({
			name: describe(session.name, id, [day(session.start_time), session.status]),
			value: id,
		}));
	return { results };
}
