import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { LocatorField } from '../locators';
import { parseLocator } from '../locators';
import type { AirmeetClient } from '../transport';
import type { ParameterReader } from '../webhookConfig';

/**
 * One operation of the Airmeet node, as each `<operation>.operation.ts` exports it: its entry in
 * the Operation list (with the action name an AI agent sees), its fields, and what it does for
 * one input item.
 */
export interface AirmeetOperation {
	option: INodePropertyOptions;
	description: INodeProperties[];
	execute(this: IExecuteFunctions, client: AirmeetClient, itemIndex: number): Promise<IDataObject[]>;
}

export interface AirmeetResource {
	option: INodePropertyOptions;
	operations: Map<string, AirmeetOperation>;
	/** The Operation selector and every operation's fields, shown for this resource only. */
	properties: INodeProperties[];
}

/** Gathers a resource's operations; each operation's fields show for it alone. */
export function resource(
	option: { name: string; value: string },
	operations: AirmeetOperation[],
	defaultOperation: string,
): AirmeetResource {
	const sorted = [...operations].sort((a, b) => a.option.name.localeCompare(b.option.name));
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [option.value] } },
		options: sorted.map((operation) => operation.option),
		default: defaultOperation,
	};
	return {
		option,
		operations: new Map(sorted.map((operation) => [String(operation.option.value), operation])),
		properties: [
			selector,
			...sorted.flatMap((operation) =>
				updateDisplayOptions(
					{
						show: {
							resource: [option.value],
							operation: [operation.option.value],
						},
					},
					operation.description,
				),
			),
		],
	};
}

/** The parameters of one input item, as the shared readers of webhookConfig.ts take them. */
export function itemParameters(ctx: IExecuteFunctions, itemIndex: number): ParameterReader {
	return (name, fallback) => ctx.getNodeParameter(name, itemIndex, fallback) as unknown;
}

/** Reads a picker, naming the field when its value cannot be an id or is missing while required. */
export function locatorId(ctx: IExecuteFunctions, field: LocatorField, itemIndex: number, required: true): string;
export function locatorId(ctx: IExecuteFunctions, field: LocatorField, itemIndex: number, required: boolean): string | undefined;
export function locatorId(ctx: IExecuteFunctions, field: LocatorField, itemIndex: number, required: boolean): string | undefined {
	const result = parseLocator(ctx.getNodeParameter(field.name, itemIndex, '') as unknown, field);
	if (!result.ok) throw new NodeOperationError(ctx.getNode(), result.message, { itemIndex });
	if (result.id === undefined && required) {
		throw new NodeOperationError(ctx.getNode(), `Choose a value in the "${field.displayName}" field`, { itemIndex });
	}
	return result.id;
}

/** An entry of the Operation list; `action` is the name the node panel and an AI agent's tool list show. */
export function operationOption(name: string, value: string, action: string, description: string): INodePropertyOptions {
	return { name, value, action, description };
}
