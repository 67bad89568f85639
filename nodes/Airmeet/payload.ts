import type { IDataObject } from 'n8n-workflow';

function isRecord(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns an Airmeet delivery (or sample payload) into n8n items: a list gives one item per entry
 * (Airmeet sends lists of attendees, answers, ...), anything else one item. Entries that are not
 * objects are kept as `{value}`, since an n8n item must be an object.
 */
export function payloadItems(body: unknown): IDataObject[] {
	const entries = Array.isArray(body) ? (body as unknown[]) : [body];
	return entries.map((entry) => (isRecord(entry) ? entry : { value: entry as IDataObject[string] }));
}
