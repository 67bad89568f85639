import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ChoiceField } from '../../../shared/fields';
import { allowedValues, optionalChoice, requireEmail, requireText } from '../../../shared/fields';
import { BOOTH_FIELD, boothLocator } from '../../locators';
import type { AirmeetClient } from '../../transport';
import { eventOperation, locatorId, operationOption } from '../common';
import { emailList } from '../emails';
import { epochMs } from '../time';
import { additionalFields, copyLists, copyTexts, emailField, wholeNumber } from '../fields';

/** Airmeet's session types, as the certified connector declares them for CreateSession. */
const SESSION_TYPES: INodePropertyOptions[] = [
	{ name: 'Booth', value: 'BOOTH' },
	{ name: 'Break', value: 'BREAK' },
	{ name: 'Fluid Lounge', value: 'FLUID_LOUNGE' },
	{ name: 'Hosting', value: 'HOSTING' },
	{ name: 'Large Call', value: 'LARGE_CALL' },
	{ name: 'Speed Networking', value: 'SPEED_NETWORKING' },
	{ name: 'Streaming', value: 'STREAMING' },
];
const TYPE_FIELD: ChoiceField = { displayName: 'Type', options: SESSION_TYPES };

/** Shows a field for one session type only. */
const forType = (type: string) => ({ show: { resource: ['session'], operation: ['create'], type: [type] } });

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
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: SESSION_TYPES,
		default: 'HOSTING',
		description: `What kind of session, one of: ${allowedValues(TYPE_FIELD)}`,
	},
	boothLocator({
		required: false,
		description: 'The booth the session takes place in (Event → Get Booths lists them). Leave empty to let Airmeet decide.',
		displayOptions: forType('BOOTH'),
	}),
	{
		displayName: 'Speed Networking',
		name: 'speedNetworking',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		displayOptions: forType('SPEED_NETWORKING'),
		description: "Timing of the speed-networking rounds; a setting left out is Airmeet's default. Airmeet does not document the unit.",
		options: [
			{
				displayName: 'Conversation Time',
				name: 'conversationTime',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 5,
				description: 'How long each one-to-one conversation lasts (a whole number, 1 or more)',
			},
			{
				displayName: 'Extend Networking Time',
				name: 'extendNetworkingTime',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'How much longer a conversation may be extended (a whole number, 0 or more)',
			},
		],
	},
	additionalFields([
		{
			displayName: 'Co-Host Emails',
			name: 'cohostEmails',
			type: 'string',
			default: '',
			description: 'Team members who co-host, separated by commas',
		},
		{
			displayName: 'Hide Host',
			name: 'hideHost',
			type: 'boolean',
			default: false,
			description: 'Whether attendees do not see the host in the session',
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
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			description: 'Tags of the session, separated by commas',
		},
		{
			displayName: 'Tracks',
			name: 'tracks',
			type: 'string',
			default: '',
			description: 'Tracks of the event the session belongs to, separated by commas, as Event → Get Tracks names them',
		},
	]),
];

/** The speed-networking timing, when any is set; each a whole number. */
function speedNetworkingData(ctx: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const settings = ctx.getNodeParameter('speedNetworking', itemIndex, {}) as IDataObject;
	const data: IDataObject = {};
	if (settings.conversationTime !== undefined) {
		data.conversationTime = wholeNumber(ctx, settings.conversationTime, 'Conversation Time', 1, itemIndex);
	}
	if (settings.extendNetworkingTime !== undefined) {
		data.extendNetworkingTime = wholeNumber(ctx, settings.extendNetworkingTime, 'Extend Networking Time', 0, itemIndex);
	}
	return Object.keys(data).length ? data : undefined;
}

async function run(this: IExecuteFunctions, client: AirmeetClient, airmeetId: string, itemIndex: number): Promise<IDataObject[]> {
	const sessionDuration = this.getNodeParameter('sessionDuration', itemIndex, 0) as number;
	if (!(sessionDuration > 0)) {
		throw new NodeOperationError(this.getNode(), 'The "Duration (Minutes)" field needs a number above 0', { itemIndex });
	}
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	// The body of CreateSession as the certified connector declares it (microsoft/PowerPlatformConnectors,
	// certified-connectors/Airmeet/apiDefinition.swagger.json at 1d0d51a).
	const session: IDataObject = {
		sessionTitle: requireText(this, 'sessionTitle', 'Title', itemIndex),
		sessionStartTime: epochMs(this, 'sessionStartTime', 'Start Time', this.getTimezone(), itemIndex),
		sessionDuration,
		hostEmail: requireEmail(this, 'hostEmail', 'Host Email', itemIndex),
		speakerEmails: emailList(this, extra.speakerEmails, 'Speaker Emails', itemIndex),
		type: optionalChoice(this, this.getNodeParameter('type', itemIndex, 'HOSTING'), TYPE_FIELD, itemIndex) ?? 'HOSTING',
	};
	const cohostEmails = emailList(this, extra.cohostEmails, 'Co-Host Emails', itemIndex);
	if (cohostEmails.length) session.cohostEmails = cohostEmails;
	copyTexts(extra, session, ['sessionSummary']);
	copyLists(extra, session, ['tracks', 'tags']);
	const boothId = locatorId(this, BOOTH_FIELD, itemIndex, false);
	if (boothId !== undefined) session.boothId = boothId;
	const speedNetworking = speedNetworkingData(this, itemIndex);
	if (speedNetworking) session.speedNetworkingData = speedNetworking;
	if (typeof extra.hideHost === 'boolean') session.sessionMeta = { hideHost: extra.hideHost };
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
