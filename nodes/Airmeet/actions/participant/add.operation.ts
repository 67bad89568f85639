import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ChoiceField } from '../../../shared/fields';
import { allowedValues, optionalChoice, requireEmail, requireText } from '../../../shared/fields';
import { EVENT_FIELD } from '../../locators';
import type { AirmeetClient } from '../../transport';
import { eventOperation, operationOption } from '../common';
import { additionalFields, copyTexts, emailField } from '../fields';

/** How the attendee takes part, as the certified connector names it (`attendance_type`). */
const ATTENDANCE_TYPES: INodePropertyOptions[] = [
	{ name: 'In-Person', value: 'IN-PERSON' },
	{ name: 'Not Set', value: '' },
	{ name: 'Virtual', value: 'VIRTUAL' },
];
const ATTENDANCE_FIELD: ChoiceField = { displayName: 'Attendance Type', options: ATTENDANCE_TYPES.filter((type) => type.value !== '') };

/** How custom field values travel: the connector declares a list of strings; other clients send text. */
const VALUE_FORMATS: INodePropertyOptions[] = [
	{ name: 'List of Strings', value: 'list' },
	{ name: 'Text', value: 'text' },
];
const FORMAT_FIELD: ChoiceField = { displayName: 'Custom Field Value Format', options: VALUE_FORMATS };

/** The two switches the connector requires. Version 1 kept them in Additional Fields, where saved workflows still have them. */
const SWITCHES = [
	{
		displayName: 'Register Attendee',
		name: 'registerAttendee',
		description: 'Whether Airmeet also completes the registration, not only authorizes the e-mail address',
	},
	{
		displayName: 'Send Email Invite',
		name: 'sendEmailInvite',
		description: 'Whether Airmeet e-mails the invitation to the attendee',
	},
];

function switchFields(show: IDisplayOptions['show']): INodeProperties[] {
	return SWITCHES.map((entry) => ({ ...entry, type: 'boolean', default: false, displayOptions: { show } }));
}

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
	{
		displayName: 'Attendance Type',
		name: 'attendanceType',
		type: 'options',
		options: ATTENDANCE_TYPES,
		default: '',
		description: `How the attendee takes part, one of: ${allowedValues(ATTENDANCE_FIELD)} (In-Person, Virtual). Hybrid events need it. Not Set sends nothing, as before, which suits virtual-only events.`,
	},
	...switchFields({ resource: ['participant'], operation: ['add'], '@version': [{ _cnd: { gte: 1.1 } }] }),
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
				'Answers to the event\'s custom registration fields as JSON, usually a list like [{"fieldId": "…", "value": ["…"]}]; a value may be a list or one text, and is sent in the Custom Field Value Format. Custom Fields entries are added to such a list and replace an entry with the same fieldId. A JSON object is sent as it is.',
		},
		{
			displayName: 'Custom Field Value Format',
			name: 'customFieldValueFormat',
			type: 'options',
			options: VALUE_FORMATS,
			default: 'list',
			description:
				'How each answer of Custom Fields and Custom Field Mapping is sent: List of Strings (list), as Airmeet\'s certified connector declares it (one element for a text field, several for a multiple choice); or Text (text), each value as given, as this node sent it before, for an account where Airmeet expects text',
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
								'The answer. For a choice field, the option\'s code, not its shown text: the Field list shows each choice field\'s codes, as does Event → Get Custom Fields (options[].code). Several choices of a multiple choice field as a JSON list, e.g. ["s", "m"] (or an expression giving a list); any other text is one answer, commas included.',
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
		...switchFields({ '@version': [1] }),
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

type ValueFormat = 'list' | 'text';

/** Where an answer came from, for the error that names the field. */
interface AnswerSource {
	displayName: string;
	fieldId: string;
}

/**
 * One answer as a list of strings: a list stays one (its entries as text), a text holding a JSON
 * list is read as that list, any other text or number is one element, nothing is an empty list.
 */
function answerList(ctx: IExecuteFunctions, value: unknown, source: AnswerSource, itemIndex: number): string[] {
	if (value === undefined || value === null) return [];
	if (typeof value === 'string') {
		const trimmed = value.trim();
		if (trimmed === '') return [];
		if (trimmed.startsWith('[')) {
			try {
				const parsed: unknown = JSON.parse(trimmed);
				if (Array.isArray(parsed)) return answerList(ctx, parsed, source, itemIndex);
			} catch {
				// Not JSON: an answer that happens to start with "[".
			}
		}
		return [value];
	}
	if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
	if (Array.isArray(value) && value.every((entry) => ['string', 'number', 'boolean'].includes(typeof entry))) {
		return value.map(String);
	}
	throw new NodeOperationError(
		ctx.getNode(),
		`The "${source.displayName}" field has an answer for ${source.fieldId} that is neither a text nor a list of texts`,
		{ itemIndex, description: 'Give each answer as a text, or several choices as a list like ["s", "m"].' },
	);
}

/** The "Custom Fields" entries as Airmeet's [{fieldId, value}]; a later entry for the same field wins. */
function readCustomFields(ctx: IExecuteFunctions, collection: unknown, format: ValueFormat, itemIndex: number): IDataObject[] {
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
		const value =
			format === 'list'
				? answerList(ctx, entry.value, { displayName: 'Custom Fields', fieldId }, itemIndex)
				: entry.value === undefined || entry.value === null
					? ''
					: String(entry.value);
		byId.set(fieldId, { fieldId, value });
	}
	return [...byId.values()];
}

/** A JSON list's answers in the list format; Text sends the JSON as given, like a JSON object in either format. */
function formatMapping(ctx: IExecuteFunctions, mapping: CustomFieldMapping | undefined, format: ValueFormat, itemIndex: number) {
	if (format === 'text' || !Array.isArray(mapping)) return mapping;
	return mapping.map((entry) =>
		typeof entry === 'object' && entry !== null && 'value' in entry
			? { ...entry, value: answerList(ctx, entry.value, { displayName: 'Custom Field Mapping', fieldId: String(entry.fieldId) }, itemIndex) }
			: entry,
	);
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
			description: 'Give "Custom Field Mapping" as a list like [{"fieldId": "…", "value": ["…"]}], or use only one of the two fields.',
		});
	}
	const pickedIds = new Set(picked.map((entry) => entry.fieldId));
	const kept = mapping.filter((entry) => !(typeof entry === 'object' && entry !== null && pickedIds.has(String(entry.fieldId))));
	return [...kept, ...picked];
}

/** Register Attendee or Send Email Invite: a saved version-1 workflow's Additional Fields value, else the field (default false). */
function readSwitch(ctx: IExecuteFunctions, extra: IDataObject, name: string, itemIndex: number): boolean {
	if (typeof extra[name] === 'boolean') return extra[name];
	return ctx.getNodeParameter(name, itemIndex, false) === true;
}

// The body as the certified connector declares AddAuthorizedAttendee (microsoft/PowerPlatformConnectors,
// certified-connectors/Airmeet/apiDefinition.swagger.json at 1d0d51a): registerAttendee and
// sendEmailInvite required, attendance_type VIRTUAL or IN-PERSON, customFieldMapping[].value a list of strings.
function readAttendee(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const attendee: IDataObject = {
		email: requireEmail(ctx, 'email', 'Email', itemIndex),
		firstName: requireText(ctx, 'firstName', 'First Name', itemIndex),
		lastName: requireText(ctx, 'lastName', 'Last Name', itemIndex),
	};
	const attendanceType = optionalChoice(ctx, ctx.getNodeParameter('attendanceType', itemIndex, ''), ATTENDANCE_FIELD, itemIndex);
	if (attendanceType) attendee.attendance_type = attendanceType;
	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	copyTexts(extra, attendee, ['city', 'country', 'designation', 'organisation']);
	attendee.registerAttendee = readSwitch(ctx, extra, 'registerAttendee', itemIndex);
	attendee.sendEmailInvite = readSwitch(ctx, extra, 'sendEmailInvite', itemIndex);
	const format = (optionalChoice(ctx, extra.customFieldValueFormat, FORMAT_FIELD, itemIndex) ?? 'list') as ValueFormat;
	const mapping = mergeCustomFields(
		ctx,
		formatMapping(ctx, readCustomFieldMapping(ctx, extra.customFieldMapping, itemIndex), format, itemIndex),
		readCustomFields(ctx, extra.customFields, format, itemIndex),
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
