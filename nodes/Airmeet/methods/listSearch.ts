import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { EVENT_FIELD, parseLocator } from '../locators';
import { AirmeetClient } from '../transport';

/** Airmeet sends times as epoch milliseconds or as text; shows the day, or nothing when unreadable. */
function day(value: unknown): string | undefined {
	if (typeof value !== 'number' && typeof value !== 'string') return undefined;
	const date = new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
	return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}

/** A picker entry's name: `name` (else `fallback`), then its non-empty text details in brackets. */
export function entryName(name: unknown, fallback: string, details: unknown[]): string {
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

function needleOf(filter: string | undefined): string {
	return filter?.trim().toLowerCase() ?? '';
}

function matches(needle: string, ...values: unknown[]): boolean {
	return !needle || values.some((value) => typeof value === 'string' && value.toLowerCase().includes(needle));
}

/** The event chosen in the "Event" field, whose sessions, booths or custom fields a picker lists. */
export function chosenEvent(ctx: ILoadOptionsFunctions, listed: string): string {
	const event = parseLocator(ctx.getCurrentNodeParameter(EVENT_FIELD.name), EVENT_FIELD);
	if (!event.ok) throw new NodeOperationError(ctx.getNode(), event.message);
	if (event.id === undefined) {
		throw new NodeOperationError(ctx.getNode(), `Choose an event in the "Event" field first: its ${listed} are listed here`);
	}
	return event.id;
}

/** Picker entries for records that carry an id under one of `idKeys`, filtered by name or id. */
function entries(
	records: IDataObject[],
	filter: string | undefined,
	idKeys: string[],
	details: (record: IDataObject) => unknown[],
): INodeListSearchItems[] {
	const needle = needleOf(filter);
	return records
		.map((record) => ({ record, id: idOf(record, ...idKeys) }))
		.filter((entry): entry is { record: IDataObject; id: string } => entry.id !== undefined)
		.filter(({ record, id }) => matches(needle, record.name, id))
		.map(({ record, id }) => ({ name: entryName(record.name, id, details(record)), value: id }));
}

/** The community's events, one Airmeet page (cursor) at a time, filtered by name or id. */
export async function searchEvents(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await AirmeetClient.connect(this);
	const needle = needleOf(filter);
	const found = await client.findEvents(
		(event) => matches(needle, event.name, idOf(event, 'uid', 'airmeetId', 'id')),
		paginationToken || undefined,
	);
	return {
		results: entries(found.events, undefined, ['uid', 'airmeetId', 'id'], (event) => [event.status, day(event.startTime)]),
		paginationToken: found.after,
	};
}

/** The sessions of the event chosen in the "Event" field. */
export async function searchSessions(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const airmeetId = chosenEvent(this, 'sessions');
	const client = await AirmeetClient.connect(this);
	const sessions = await client.listSessions(airmeetId);
	return {
		results: entries(sessions, filter, ['sessionid', 'sessionId', 'id'], (session) => [day(session.start_time), session.status]),
	};
}

/** The booths of the event chosen in the "Event" field, each with its `layoutType` (the certified connector's booths answer). */
export async function searchBooths(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const airmeetId = chosenEvent(this, 'booths');
	const client = await AirmeetClient.connect(this);
	const booths = await client.eventList(airmeetId, 'booths');
	return { results: entries(booths, filter, ['boothId', 'id', 'uid'], (booth) => [booth.layoutType]) };
}
