import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireEmail, requireText } from '../../../shared/fields';
import type { AirmeetClient } from '../../transport';
import { eventOperation, operationOption } from '../common';
import { additionalFields, copyTexts, emailField } from '../fields';

const OPTIONAL = ['bio', 'city', 'country', 'designation', 'imageUrl', 'organisation'];

const FIELDS: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
	},
	emailField('Email', 'email'),
	additionalFields([
		{
			displayName: 'Bio',
			name: 'bio',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
		},
		{ displayName: 'City', name: 'city', type: 'string', default: '' },
		{ displayName: 'Country', name: 'country', type: 'string', default: '' },
		{
			displayName: 'Designation',
			name: 'designation',
			type: 'string',
			default: '',
			description: 'Job title',
		},
		{
			displayName: 'Image URL',
			name: 'imageUrl',
			type: 'string',
			default: '',
			description: 'A picture for the speaker profile',
		},
		{
			displayName: 'Organisation',
			name: 'organisation',
			type: 'string',
			default: '',
		},
	]),
];

async function run(this: IExecuteFunctions, client: AirmeetClient, airmeetId: string, itemIndex: number): Promise<IDataObject[]> {
	const speaker: IDataObject = {
		name: requireText(this, 'name', 'Name', itemIndex),
		email: requireEmail(this, 'email', 'Email', itemIndex),
	};
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	copyTexts(extra, speaker, OPTIONAL);
	return [{ airmeetId, ...(await client.addSpeaker(airmeetId, speaker)) }];
}

export const { option, description, execute } = eventOperation({
	option: operationOption('Add', 'add', 'Add a speaker', 'Add a speaker to an event (then name them in a session)'),
	event: 'The event to add the speaker to',
	fields: FIELDS,
	run,
});
