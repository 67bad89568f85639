import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
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
