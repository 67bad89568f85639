import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requestedCount, returnAllFields } from '../../shared/fields';
import type { LocatorField } from '../locators';
import { EVENT_FIELD, eventLocator, parseLocator } from '../locators';
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

/**
 * Shows `fields` for one operation only. The resource and operation conditions come first, before
 * the field's own (e.g. `trigger`, `scope`, `returnAll`): n8n reads a `show` rule key by key and
 * counts a field as shown as soon as it meets a key whose value is an expression, so a Trigger
 * chosen by `$fromAI` must not be tested before the operation is. (n8n-workflow's
 * updateDisplayOptions merges the other way round, the field's own keys first.)
 */
function forOperation(operation: IDisplayOptions['show'], fields: INodeProperties[]): INodeProperties[] {
	return fields.map((field) => ({
		...field,
		displayOptions: { ...field.displayOptions, show: { ...operation, ...field.displayOptions?.show } },
	}));
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
				forOperation({ resource: [option.value], operation: [operation.option.value] }, operation.description),
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

/** What an operation on one event has beside the Event picker. */
export interface EventOperationSpec {
	option: INodePropertyOptions;
	/** The Event picker's description: what the chosen event is to this operation. */
	event: string;
	fields?: INodeProperties[];
	run(this: IExecuteFunctions, client: AirmeetClient, airmeetId: string, itemIndex: number): Promise<IDataObject[]>;
}

/**
 * An operation on the event chosen in its Event picker (most of Airmeet's API hangs off one
 * event): the picker comes first among its fields, and is read, and checked, before the rest.
 */
export function eventOperation(spec: EventOperationSpec): AirmeetOperation {
	return {
		option: spec.option,
		description: [eventLocator({ required: true, description: spec.event }), ...(spec.fields ?? [])],
		async execute(this: IExecuteFunctions, client: AirmeetClient, itemIndex: number): Promise<IDataObject[]> {
			return await spec.run.call(this, client, locatorId(this, EVENT_FIELD, itemIndex, true), itemIndex);
		},
	};
}

/** An operation listing records of one event, as many as its Return All / Limit fields ask. */
export function eventListing(
	option: INodePropertyOptions,
	event: string,
	list: (client: AirmeetClient, airmeetId: string, count: number) => Promise<IDataObject[]>,
): AirmeetOperation {
	return eventOperation({
		option,
		event,
		fields: returnAllFields(),
		async run(this: IExecuteFunctions, client: AirmeetClient, airmeetId: string, itemIndex: number): Promise<IDataObject[]> {
			return await list(client, airmeetId, requestedCount(this, itemIndex));
		},
	});
}
