import type { IDataObject, INodeProperties } from 'n8n-workflow';

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
