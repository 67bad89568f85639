import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { allowedValues, httpUrl, requireChoice, requireEmail, requireText } from '../../../shared/fields';
import type { AirmeetClient } from '../../transport';
import { operationOption } from '../common';
import { epochMs, isTimeZone } from '../time';
import { additionalFields, copyTexts, emailField } from '../fields';

export const option = operationOption(
	'Create',
	'create',
	'Create an event',
	'Create an event (an "Airmeet") in the community, hosted by a team member',
);

/** Who may enter an event, as Airmeet names it. */
const ACCESS_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Invited Only', value: 'INVITED_ONLY' },
	{ name: 'Any Verified Email', value: 'WITH_VERIFIED_EMAIL' },
	{ name: 'Anyone (No Email Verification)', value: 'WITHOUT_VERIFIED_EMAIL' },
];
const ACCESS_FIELD = { displayName: 'Access', options: ACCESS_OPTIONS };

export const description: INodeProperties[] = [
	emailField('Host Email', 'hostEmail', 'The e-mail address of the community member who hosts the event'),
	{
		displayName: 'Name',
		name: 'eventName',
		type: 'string',
		required: true,
		default: '',
		description: 'The name of the event',
	},
	{
		displayName: 'Short Description',
		name: 'shortDesc',
		type: 'string',
		required: true,
		default: '',
	},
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'When the event starts; without an offset, in the Timezone below',
	},
	{
		displayName: 'End Time',
		name: 'endTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'When the event ends; without an offset, in the Timezone below',
	},
	{
		displayName: 'Timezone',
		name: 'timezone',
		type: 'string',
		default: '',
		placeholder: 'e.g. Europe/London',
		description: "The event's time zone (an IANA name). Leave empty for the workflow's time zone.",
	},
	additionalFields([
		{
			displayName: 'Access',
			name: 'access',
			type: 'options',
			default: 'INVITED_ONLY',
			options: ACCESS_OPTIONS,
			description: `Who may enter the event, one of: ${allowedValues(ACCESS_FIELD)}`,
		},
		{
			displayName: 'Event Image URL',
			name: 'eventImage',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/banner.png',
			description: "A full http(s) address of the event's image",
		},
		{
			displayName: 'Long Description',
			name: 'longDesc',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
		},
		{
			displayName: 'Networking',
			name: 'networking',
			type: 'boolean',
			default: true,
			description: 'Whether the event has a social lounge',
		},
		{
			displayName: 'Table Count',
			name: 'tableCount',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 12,
			description: 'How many tables the social lounge has',
		},
	]),
];

export async function execute(this: IExecuteFunctions, client: AirmeetClient, itemIndex: number): Promise<IDataObject[]> {
	const hostEmail = requireEmail(this, 'hostEmail', 'Host Email', itemIndex);
	const eventName = requireText(this, 'eventName', 'Name', itemIndex);
	const shortDesc = requireText(this, 'shortDesc', 'Short Description', itemIndex);
	const timezone = String(this.getNodeParameter('timezone', itemIndex, '') ?? '').trim() || this.getTimezone();
	if (!isTimeZone(timezone)) {
		throw new NodeOperationError(
			this.getNode(),
			`The "Timezone" field needs a time zone such as Europe/London, got "${timezone}"`,
			{ itemIndex },
		);
	}
	const startTime = epochMs(this, 'startTime', 'Start Time', timezone, itemIndex);
	const endTime = epochMs(this, 'endTime', 'End Time', timezone, itemIndex);
	if (endTime <= startTime)
		throw new NodeOperationError(this.getNode(), 'The "End Time" field must be after the "Start Time"', { itemIndex });
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const event: IDataObject = {
		hostEmail,
		eventName,
		shortDesc,
		access: requireChoice(this, 'additionalFields.access', ACCESS_FIELD, itemIndex, 'INVITED_ONLY'),
		eventType: 'MEETUP',
		timing: { startTime, endTime, timezone },
	};
	copyTexts(extra, event, ['longDesc']);
	// eventImage: CreateAirmeet of the certified connector (PowerPlatformConnectors, apiDefinition.swagger.json at 1d0d51a).
	if (typeof extra.eventImage === 'string' && extra.eventImage.trim() !== '') {
		event.eventImage = httpUrl(this, extra.eventImage, 'Event Image URL', itemIndex);
	}
	if (extra.networking !== undefined || extra.tableCount !== undefined) {
		event.config = {
			networking: extra.networking !== false,
			tableCount: typeof extra.tableCount === 'number' ? extra.tableCount : 12,
		};
	}
	return [await client.createEvent(event)];
}
