import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** The "Return All" switch and "Limit" field that every list operation shows. */
export function returnAllFields(displayOptions: IDisplayOptions, maxLimit?: number): INodeProperties[] {
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
