import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireEmail, requireText } from '../../../shared/fields';
import type { AirmeetClient } from '../../transport';
import { eventOperation, operationOption } from '../common';
import { emailList } from '../emails';
import { epochMs } from '../time';
import { additionalFields, copyTexts, emailField } from '../fields';

const FIELDS: INodeProperties[] = [
	{
		displayName: 'Title',
		name: 'sessionTitle',
		type: 'string',
		required: true,
		default: '',
	},
	{
		displayName: 'Start Time',
		name: 'sessionStartTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: "When the session starts; without an offset, in the workflow's time zone",
	},
	{
		displayName: 'Duration (Minutes)',
		name: 'sessionDuration',
		type: 'number',
		typeOptions: { minValue: 1 },
		required: true,
		default: 30,
		description:
			'How long the session lasts. Other clients disagree on the unit Airmeet expects (minutes or seconds): unconfirmed.',
	},
	emailField('Host Email', 'hostEmail', 'The e-mail address of the host of the event'),
	additionalFields([
		{
			displayName: 'Co-Host Emails',
			name: 'cohostEmails',
			type: 'string',
			default: '',
			description: 'Team members who co-host, separated by commas',
		},
		{
			displayName: 'Speaker Emails',
			name: 'speakerEmails',
			type: 'string',
			default: '',
			description: 'Speakers of the event who speak in this session, separated by commas',
		},
		{
			displayName: 'Summary',
			name: 'sessionSummary',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
		},
	]),
];

async function run(this: IExecuteFunctions, client: AirmeetClient, airmeetId: string, itemIndex: number): Promise<IDataObject[]> {
	const sessionDuration = this.getNodeParameter('sessionDuration', itemIndex, 0) as number;
	if (!(sessionDuration > 0)) {
		throw new NodeOperationError(this.getNode(), 'The "Duration (Minutes)" field needs a number above 0', { itemIndex });
	}
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const session: IDataObject = {
		sessionTitle: requireText(this, 'sessionTitle', 'Title', itemIndex),
		sessionStartTime: epochMs(this, 'sessionStartTime', 'Start Time', this.getTimezone(), itemIndex),
		sessionDuration,
		hostEmail: requireEmail(this, 'hostEmail', 'Host Email', itemIndex),
		speakerEmails: emailList(this, extra.speakerEmails, 'Speaker Emails', itemIndex),
		type: 'HOSTING',
	};
	const cohostEmails = emailList(this, extra.cohostEmails, 'Co-Host Emails', itemIndex);
	if (cohostEmails.length) session.cohostEmails = cohostEmails;
	copyTexts(extra, session, ['sessionSummary']);
	return [{ airmeetId, ...(await client.createSession(airmeetId, session)) }];
}

export const { option, description, execute } = eventOperation({
	option: operationOption(
		'Create',
		'create',
		'Create a session',
		'Add a session to an event, with its host and speakers (speakers must be added to the event first)',
	),
	event: 'The event to add the session to',
	fields: FIELDS,
	run,
});
