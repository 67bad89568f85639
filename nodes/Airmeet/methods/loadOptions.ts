import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { AirmeetClient } from '../transport';
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
		const kind = typeof field.type === 'string' && field.type.trim() ? `${field.type.trim()} field` : 'Field';
		option.description = codes.length ? `${kind}; Value is one of the codes: ${codes.join(', ')}` : kind;
		return [option];
	});
}
