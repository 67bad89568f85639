import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requireEmail } from '../../../shared/fields';
import type { AirmeetClient } from '../../transport';
import { eventOperation, operationOption } from '../common';
import { emailField } from '../fields';

async function run(this: IExecuteFunctions, client: AirmeetClient, airmeetId: string, itemIndex: number): Promise<IDataObject[]> {
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

export const { option, description, execute } = eventOperation({
	option: operationOption(
		'Remove',
		'remove',
		'Remove a participant',
		"Withdraw an attendee's authorization to enter an event, by e-mail address",
	),
	event: 'The event to remove the attendee from',
	fields: [emailField('Email', 'email', 'The e-mail address of the attendee')],
	run,
});
