import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireEmail, requireText } from '../../../shared/fields';
import { EVENT_FIELD, eventLocator } from '../../locators';
import type { AirmeetClient } from '../../transport';
import { locatorId, operationOption } from '../common';
import { additionalFields, copyTexts, emailField } from '../fields';

export const option = operationOption('Add', 'add', 'Add a speaker', 'Add a speaker to an event (then name them in a session)');

const OPTIONAL = ['bio', 'city', 'country', 'designation', 'imageUrl', 'organisation'];

export const description: INodeProperties[] = [
	eventLocator({
		required: true,
		description: 'The event to add the speaker to',
	}),
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

export async function execute(this: IExecuteFunctions, client: AirmeetClient, itemIndex: number): Promise<IDataObject[]> {
	const airmeetId = locatorId(this, EVENT_FIELD, itemIndex, true);
	const speaker: IDataObject = {
		name: requireText(this, 'name', 'Name', itemIndex),
		email: requireEmail(this, 'email', 'Email', itemIndex),
	};
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	copyTexts(extra, speaker, OPTIONAL);
	return [{ airmeetId, ...(await client.addSpeaker(airmeetId, speaker)) }];
}
