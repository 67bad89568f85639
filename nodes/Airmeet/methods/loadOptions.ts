import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { AirmeetClient, isRecord } from '../transport';
import { chosenEvent, entryName, idOf } from './listSearch';

/** "code (shown as)" for each option of a choice field; an option without a code is of no use. */
function codesOf(field: IDataObject): string[] {
	const options = Array.isArray(field.options) ? field.options : [];
	return options.flatMap((option) => {
		if (typeof option !== 'object' || option === null) return [];
		const code = idOf(option as IDataObject, 'code');
		if (code === undefined) return [];
		const shown = (option as IDataObject).displayValue;
		return typeof shown === 'string' && shown.trim() && shown.trim() !== code ? [`${code} (${shown.trim()})`] : [code];
	});
}

/**
 * A custom field's type as text: `type` itself when Airmeet sends text, its `fieldType` when it
 * sends `{fieldType, inputType, mappedFrom}` (the certified connector's custom-fields answer).
 */
function fieldTypeOf(field: IDataObject): string | undefined {
	const type = isRecord(field.type) ? field.type.fieldType : field.type;
	return typeof type === 'string' && type.trim() ? type.trim() : undefined;
}

/**
 * The custom registration fields of the event chosen in the "Event" field, in Airmeet's order:
 * the label (marked when required) names each, the fieldId is what Add Participant sends, and a
 * choice field's codes (the values Airmeet accepts) are in the description.
 */
export async function getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const airmeetId = chosenEvent(this, 'custom fields');
	const client = await AirmeetClient.connect(this);
	const fields = await client.eventList(airmeetId, 'customFields');
	return fields.flatMap((field) => {
		const fieldId = idOf(field, 'fieldId');
		if (fieldId === undefined) return [];
		const codes = codesOf(field);
		const option: INodePropertyOptions = {
			name: entryName(field.label ?? field.name, fieldId, [field.isRequired === true ? 'required' : undefined]),
			value: fieldId,
		};
		const type = fieldTypeOf(field);
		const kind = type ? `${type} field` : 'Field';
		option.description = codes.length ? `${kind}; Value is one of the codes: ${codes.join(', ')}` : kind;
		return [option];
	});
}
