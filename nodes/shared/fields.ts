import type { IDisplayOptions, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The "Return All" switch and "Limit" field that every list operation shows. */
export function returnAllFields(displayOptions: IDisplayOptions = {}, maxLimit?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions,
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, ...(maxLimit ? { maxValue: maxLimit } : {}) },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { ...displayOptions, show: { ...displayOptions.show, returnAll: [false] } },
		},
	];
}

/** How many results a list operation wants: Infinity for "Return All". */
export function requestedCount(ctx: IExecuteFunctions, itemIndex: number): number {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return Number.POSITIVE_INFINITY;
	return ctx.getNodeParameter('limit', itemIndex, 50) as number;
}

/** A deliberately simple check: catches typos and swapped fields; the service has the last word. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A text field's trimmed value, refusing an empty one by its label. */
export function requireText(ctx: IExecuteFunctions, name: string, displayName: string, itemIndex: number): string {
	const value = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (value === '') throw new NodeOperationError(ctx.getNode(), `The "${displayName}" field is empty`, { itemIndex });
	return value;
}

export function requireEmail(ctx: IExecuteFunctions, name: string, displayName: string, itemIndex: number): string {
	const email = requireText(ctx, name, displayName, itemIndex);
	if (!EMAIL.test(email)) {
		throw new NodeOperationError(ctx.getNode(), `The "${displayName}" field needs an e-mail address, got "${email}"`, {
			itemIndex,
		});
	}
	return email;
}

/** A full http(s) address given in the field `displayName`, checked before any call. */
export function httpUrl(ctx: IExecuteFunctions, value: unknown, displayName: string, itemIndex: number): string {
	const url = String(value ?? '').trim();
	let protocol: string | undefined;
	try {
		protocol = new URL(url).protocol;
	} catch {
		protocol = undefined;
	}
	if (protocol !== 'http:' && protocol !== 'https:') {
		throw new NodeOperationError(ctx.getNode(), `The "${displayName}" field needs a full http(s) address, got "${url}"`, { itemIndex });
	}
	return url;
}

/** The "URL" field: a full http(s) address. */
export function requireHttpUrl(ctx: IExecuteFunctions, itemIndex: number): string {
	return httpUrl(ctx, requireText(ctx, 'url', 'URL', itemIndex), 'URL', itemIndex);
}

/** A field whose values come from a fixed set, as its description and its errors name it. */
export interface ChoiceField {
	displayName: string;
	options: readonly INodePropertyOptions[];
}

/** The allowed values of a fixed-set field, for its description and its errors. */
export function allowedValues(field: ChoiceField): string {
	return field.options.map((option) => String(option.value)).join(', ');
}

export type ChoicesResult = { ok: true; values: string[] } | { ok: false; message: string };

/**
 * The values of a fixed-set field. An expression, or an AI agent through `$fromAI`, can put any
 * value there, and a list may arrive as text ("a, b" or a JSON list): an unknown value is refused
 * with the allowed ones, so the one who chose it can correct it.
 */
export function checkChoices(value: unknown, field: ChoiceField): ChoicesResult {
	let values: unknown = value;
	if (typeof value === 'string') {
		const text = value.trim();
		try {
			values = text.startsWith('[') ? (JSON.parse(text) as unknown) : text.split(',');
		} catch {
			values = [text];
		}
	}
	const list = (Array.isArray(values) ? values : [values]).map((entry) => (typeof entry === 'string' ? entry.trim() : entry));
	const known = new Set(field.options.map((option) => option.value));
	const unknown = list.filter((entry) => entry !== '' && !known.has(entry as string));
	if (unknown.length > 0) {
		return {
			ok: false,
			message: `The "${field.displayName}" field has values it does not take: ${unknown.map((entry) => JSON.stringify(entry)).join(', ')}. Use one of: ${allowedValues(field)}`,
		};
	}
	return { ok: true, values: list.filter((entry): entry is string => entry !== '') };
}

/** As checkChoices for a field that takes exactly one value, throwing the error users see. */
export function requireChoice(ctx: IExecuteFunctions, name: string, field: ChoiceField, itemIndex: number, fallback?: string): string {
	const value: unknown = ctx.getNodeParameter(name, itemIndex, fallback);
	const result = checkChoices(value, field);
	if (result.ok && result.values.length === 1) return result.values[0];
	const message = result.ok ? `The "${field.displayName}" field needs one value. Use one of: ${allowedValues(field)}` : result.message;
	throw new NodeOperationError(ctx.getNode(), message, { itemIndex });
}

/**
 * A fixed-set field that may be left unset (a value given by an option of a collection, or an
 * option whose value is empty): its one value, or undefined. Too many or unknown values throw.
 */
export function optionalChoice(ctx: IExecuteFunctions, value: unknown, field: ChoiceField, itemIndex: number): string | undefined {
	if (value === undefined || value === null) return undefined;
	const result = checkChoices(value, field);
	if (result.ok && result.values.length <= 1) return result.values[0];
	const message = result.ok ? `The "${field.displayName}" field takes one value. Use one of: ${allowedValues(field)}` : result.message;
	throw new NodeOperationError(ctx.getNode(), message, { itemIndex });
}
