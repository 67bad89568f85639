import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A required e-mail address field. */
export function emailField(displayName: string, name: string, description?: string): INodeProperties {
	const field: INodeProperties = {
		displayName,
		name,
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
	};
	if (description) field.description = description;
	return field;
}

/** The "Additional Fields" collection of an operation. */
export function additionalFields(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}

/** Copies the non-empty text values of `keys` from the Additional Fields into a request body, trimmed. */
export function copyTexts(extra: IDataObject, body: IDataObject, keys: string[]): void {
	for (const key of keys) {
		const value = extra[key];
		if (typeof value === 'string' && value.trim() !== '') body[key] = value.trim();
	}
}

/** How a fixed set of values reads in a description or an error: "Virtual (VIRTUAL) or In-Person (IN-PERSON)". */
export function allowedValues(options: INodePropertyOptions[]): string {
	const named = options.map((option) => `${option.name} (${String(option.value)})`);
	return named.length > 1 ? `${named.slice(0, -1).join(', ')} or ${named[named.length - 1]}` : named.join('');
}

/**
 * A value of a fixed set, checked before any call (an expression can give anything). The empty
 * value is "not set" and comes back as undefined when the set does not hold it.
 */
export function oneOf(
	ctx: IExecuteFunctions,
	value: unknown,
	displayName: string,
	options: INodePropertyOptions[],
	itemIndex: number,
): string | undefined {
	const chosen = typeof value === 'string' ? value.trim() : value;
	const match = options.find((option) => option.value === chosen);
	if (match) return String(match.value) || undefined;
	if (chosen === '' || chosen === undefined || chosen === null) return undefined;
	const allowed = options.filter((option) => option.value !== '');
	throw new NodeOperationError(
		ctx.getNode(),
		`The "${displayName}" field needs ${allowedValues(allowed)}, got "${String(chosen)}"`,
		{ itemIndex },
	);
}

/** A whole number of at least `min`, checked before any call. */
export function wholeNumber(ctx: IExecuteFunctions, value: unknown, displayName: string, min: number, itemIndex: number): number {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The "${displayName}" field needs a whole number of ${min} or more, got "${String(value)}"`,
			{ itemIndex },
		);
	}
	return value;
}

/** Copies the non-empty comma-separated lists among `keys` of the Additional Fields into a request body. */
export function copyLists(extra: IDataObject, body: IDataObject, keys: string[]): void {
	for (const key of keys) {
		const list = textList(extra[key]);
		if (list.length) body[key] = list;
	}
}

/** A comma-separated text as its trimmed, non-empty parts. */
export function textList(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part !== '');
}
