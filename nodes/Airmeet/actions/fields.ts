import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
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
