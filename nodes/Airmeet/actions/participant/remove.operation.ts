import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireEmail } from '../../../shared/fields';
import { EVENT_FIELD, eventLocator } from '../../locators';
import type { AirmeetClient } from '../../transport';
import { locatorId, operationOption } from '../common';
import { emailField } from '../fields';

export const option = operationOption(
	'Remove',
	'remove',
	'Remove a participant',
	"Withdraw an attendee's authorization to enter an event, by e-mail address",
);

export const description: INodeProperties[] = [
	eventLocator({
		required: true,
		description: 'The event to remove the attendee from',
	}),
	emailField('Email', 'email', 'The e-mail address of the attendee'),
];

export async function execute(this: IExecuteFunctions, client: AirmeetClient, itemIndex: number): Promise<IDataObject[]> {
	const airmeetId = locatorId(this, EVENT_FIELD, itemIndex, true);
	const email = requireEmail(this, 'email', 'Email', itemIndex);
	return [
		{
			airmeetId,
			email,
			...(await client.removeAttendee(airmeetId, email)),
			deleted: true,
		},
	];
}
