import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireEmail, requireText } from '../../../shared/fields';
import { EVENT_FIELD, eventLocator } from '../../locators';
import type { AirmeetClient } from '../../transport';
import { locatorId, operationOption } from '../common';
import { additionalFields, copyTexts, emailField } from '../fields';

export const option = operationOption(
	'Add',
	'add',
	'Add a participant',
	'Add an authorized attendee to an event and get their personal entry link',
);

export const description: INodeProperties[] = [
	eventLocator({
		required: true,
		description: 'The event to add the attendee to',
	}),
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
			description: "Answers to the event's custom registration fields, as JSON in the shape Airmeet documents for custom fields",
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

function readCustomFieldMapping(ctx: IExecuteFunctions, mapping: unknown, itemIndex: number): IDataObject | undefined {
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
	return parsed as IDataObject;
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
	const mapping = readCustomFieldMapping(ctx, extra.customFieldMapping, itemIndex);
	if (mapping) attendee.customFieldMapping = mapping;
	return attendee;
}

export async function execute(this: IExecuteFunctions, client: AirmeetClient, itemIndex: number): Promise<IDataObject[]> {
	const airmeetId = locatorId(this, EVENT_FIELD, itemIndex, true);
	return [await client.addAttendee(airmeetId, readAttendee(this, itemIndex))];
}
