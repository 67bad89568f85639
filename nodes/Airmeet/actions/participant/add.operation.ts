import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireEmail, requireText } from '../../../shared/fields';
import { EVENT_FIELD } from '../../locators';
import type { AirmeetClient } from '../../transport';
import { eventOperation, operationOption } from '../common';
import { additionalFields, copyTexts, emailField } from '../fields';

const FIELDS: INodeProperties[] = [
	emailField('Email', 'email', 'The e-mail address of the attendee'),
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		required: true,
		default: '',
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		required: true,
		default: '',
	},
	additionalFields([
		{
			displayName: 'City',
			name: 'city',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Country',
			name: 'country',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Custom Field Mapping',
			name: 'customFieldMapping',
			type: 'json',
			default: '',
			description:
				'Answers to the event\'s custom registration fields as JSON, usually a list like [{"fieldId": "…", "value": "…"}]. Custom Fields entries are added to such a list and replace an entry with the same fieldId.',
		},
		{
			displayName: 'Custom Fields',
			name: 'customFields',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Custom Field',
			default: {},
			description: "Answers to the event's custom registration fields, one entry per field",
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						{
							displayName: 'Field Name or ID',
							name: 'fieldId',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getCustomFields', loadOptionsDependsOn: [`${EVENT_FIELD.name}.value`] },
							default: '',
							description:
								'The custom field of the chosen event to answer; required ones are marked. Event → Get Custom Fields lists the fieldIds too. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description:
								"The answer. For a choice field, the option's code, not its shown text: the Field list shows each choice field's codes, as does Event → Get Custom Fields (options[].code).",
						},
					],
				},
			],
		},
		{
			displayName: 'Designation',
			name: 'designation',
			type: 'string',
			default: '',
			description: 'Job title',
		},
		{
			displayName: 'Organisation',
			name: 'organisation',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Register Attendee',
			name: 'registerAttendee',
			type: 'boolean',
			default: false,
			description: 'Whether Airmeet also completes the registration, not only authorizes the e-mail address',
		},
		{
			displayName: 'Send Email Invite',
			name: 'sendEmailInvite',
			type: 'boolean',
			default: false,
			description: 'Whether Airmeet e-mails the invitation to the attendee',
		},
	]),
];

type CustomFieldMapping = IDataObject | IDataObject[];

function readCustomFieldMapping(ctx: IExecuteFunctions, mapping: unknown, itemIndex: number): CustomFieldMapping | undefined {
	if (mapping === undefined || mapping === '') return undefined;
	let parsed: unknown = mapping;
	if (typeof mapping === 'string') {
		try {
			parsed = JSON.parse(mapping);
		} catch {
			parsed = undefined;
		}
	}
	if (typeof parsed !== 'object' || parsed === null) {
		throw new NodeOperationError(ctx.getNode(), 'The "Custom Field Mapping" field needs a JSON object or list', { itemIndex });
	}
	return parsed as CustomFieldMapping;
}

/** The "Custom Fields" entries as Airmeet's [{fieldId, value}]; a later entry for the same field wins. */
function readCustomFields(ctx: IExecuteFunctions, collection: unknown, itemIndex: number): IDataObject[] {
	const entries = (collection as { field?: IDataObject[] } | undefined)?.field ?? [];
	const byId = new Map<string, IDataObject>();
	for (const entry of entries) {
		const fieldId = typeof entry.fieldId === 'string' || typeof entry.fieldId === 'number' ? String(entry.fieldId).trim() : '';
		if (fieldId === '') {
			throw new NodeOperationError(ctx.getNode(), 'An entry of the "Custom Fields" field has no field chosen', {
				itemIndex,
				description: 'Choose a field in each entry\'s "Field Name or ID" list, or remove the entry.',
			});
		}
		byId.set(fieldId, { fieldId, value: entry.value === undefined || entry.value === null ? '' : String(entry.value) });
	}
	return [...byId.values()];
}

/**
 * Both fields together: a JSON list keeps its entries, except those the picker answers again.
 * A JSON object is a shape the picker's entries cannot be merged into, so the mix is refused.
 */
function mergeCustomFields(
	ctx: IExecuteFunctions,
	mapping: CustomFieldMapping | undefined,
	picked: IDataObject[],
	itemIndex: number,
): CustomFieldMapping | undefined {
	if (picked.length === 0) return mapping;
	if (mapping === undefined) return picked;
	if (!Array.isArray(mapping)) {
		throw new NodeOperationError(ctx.getNode(), 'The "Custom Field Mapping" field is a JSON object, which "Custom Fields" entries cannot be added to', {
			itemIndex,
			description: 'Give "Custom Field Mapping" as a list like [{"fieldId": "…", "value": "…"}], or use only one of the two fields.',
		});
	}
	const pickedIds = new Set(picked.map((entry) => entry.fieldId));
	const kept = mapping.filter((entry) => !(typeof entry === 'object' && entry !== null && pickedIds.has(String(entry.fieldId))));
	return [...kept, ...picked];
}

function readAttendee(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const attendee: IDataObject = {
		email: requireEmail(ctx, 'email', 'Email', itemIndex),
		firstName: requireText(ctx, 'firstName', 'First Name', itemIndex),
		lastName: requireText(ctx, 'lastName', 'Last Name', itemIndex),
	};
	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	copyTexts(extra, attendee, ['city', 'country', 'designation', 'organisation']);
	for (const key of ['registerAttendee', 'sendEmailInvite']) {
		if (typeof extra[key] === 'boolean') attendee[key] = extra[key];
	}
	const mapping = mergeCustomFields(
		ctx,
		readCustomFieldMapping(ctx, extra.customFieldMapping, itemIndex),
		readCustomFields(ctx, extra.customFields, itemIndex),
		itemIndex,
	);
	if (mapping) attendee.customFieldMapping = mapping;
	return attendee;
}

async function run(this: IExecuteFunctions, client: AirmeetClient, airmeetId: string, itemIndex: number): Promise<IDataObject[]> {
	return [await client.addAttendee(airmeetId, readAttendee(this, itemIndex))];
}

export const { option, description, execute } = eventOperation({
	option: operationOption('Add', 'add', 'Add a participant', 'Add an authorized attendee to an event and get their personal entry link'),
	event: 'The event to add the attendee to',
	fields: FIELDS,
	run,
});
