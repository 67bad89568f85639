import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

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
export const BOOTH_FIELD: LocatorField = { name: 'boothId', displayName: 'Booth' };

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
					: `The "${field.displayName}" field needs an ID, not a link: got "${value}"`,
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

/** How the "By URL" entry checks an event link. */
const EVENT_URL_VALIDATION = [
	{
		type: 'regex',
		properties: {
			regex: EVENT_URL_SOURCE,
			errorMessage: 'Paste an event link: https://www.airmeet.com/e/ followed by the event ID',
		},
	},
] as const;

export interface LocatorOptions {
	required: boolean;
	description: string;
	displayOptions?: IDisplayOptions;
}

/** A picker: a searchable list (filled by `searchMethod`), a plain ID, and for events a link. */
function locator(field: LocatorField, options: LocatorOptions, searchMethod: string): INodeProperties {
	const property: INodeProperties = {
		displayName: field.displayName,
		name: field.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required,
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: searchMethod, searchable: true },
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
				validation: [...EVENT_URL_VALIDATION],
				extractValue: { type: 'regex', regex: EVENT_URL_SOURCE },
			},
		],
	};
	// Only events have links of their own.
	if (field !== EVENT_FIELD) property.modes = property.modes?.slice(0, 2);
	if (options.displayOptions) property.displayOptions = options.displayOptions;
	return property;
}

/** The "Event" picker: a list of the community's events, an ID, or an event link. */
export function eventLocator(options: LocatorOptions): INodeProperties {
	return locator(EVENT_FIELD, options, 'searchEvents');
}

/** The "Session" picker: the sessions of the chosen event, or an ID; required unless said otherwise. */
export function sessionLocator(options: Omit<LocatorOptions, 'required'> & { required?: boolean }): INodeProperties {
	return locator(SESSION_FIELD, { ...options, required: options.required ?? true }, 'searchSessions');
}

/** The "Booth" picker: the booths of the chosen event, or an ID; required unless said otherwise. */
export function boothLocator(options: Omit<LocatorOptions, 'required'> & { required?: boolean }): INodeProperties {
	return locator(BOOTH_FIELD, { ...options, required: options.required ?? true }, 'searchBooths');
}
