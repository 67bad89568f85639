import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ChoiceField } from '../../../shared/fields';
import { allowedValues, optionalChoice, requireText } from '../../../shared/fields';
import type { AirmeetClient } from '../../transport';
import { eventOperation, operationOption } from '../common';
import { listedEmail } from '../emails';
import { additionalFields, copyLists, wholeNumber } from '../fields';

/** How an exhibitor attends a hybrid event, as the certified connector names it (`exhibitorAttendanceType`). */
const EXHIBITOR_ATTENDANCE: INodePropertyOptions[] = [
	{ name: 'Hybrid', value: 'HYBRID' },
	{ name: 'Not Set', value: '' },
	{ name: 'Online', value: 'ONLINE' },
];
const EXHIBITOR_ATTENDANCE_FIELD: ChoiceField = {
	displayName: 'Exhibitors: Attendance Type',
	options: EXHIBITOR_ATTENDANCE.filter((type) => type.value !== ''),
};

const FIELDS: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'The name of the booth',
	},
	{
		displayName: 'Exhibitors',
		name: 'exhibitors',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Exhibitor',
		default: {},
		description: 'The people who run the booth, one entry each',
		options: [
			{
				displayName: 'Exhibitor',
				name: 'exhibitor',
				values: [
					{
						displayName: 'Email',
						name: 'email',
						type: 'string',
						placeholder: 'name@email.com',
						default: '',
						description: 'The e-mail address of the exhibitor',
					},
					{
						displayName: 'Attendance Type',
						name: 'attendanceType',
						type: 'options',
						options: EXHIBITOR_ATTENDANCE,
						default: '',
						description: `How the exhibitor attends a hybrid event: one of ${allowedValues(EXHIBITOR_ATTENDANCE_FIELD)}. Leave Not Set for an event that is not hybrid: nothing is sent.`,
					},
				],
			},
		],
	},
	{
		displayName: 'Chat',
		name: 'chatEnabled',
		type: 'boolean',
		default: false,
		description: 'Whether the booth has a chat',
	},
	{
		displayName: 'Broadcast',
		name: 'broadcastEnabled',
		type: 'boolean',
		default: false,
		description: 'Whether the booth can broadcast to its visitors',
	},
	{
		displayName: 'Lounge',
		name: 'loungeEnabled',
		type: 'boolean',
		default: false,
		description: 'Whether the booth has a lounge with tables',
	},
	{
		displayName: 'Table Count',
		name: 'tableCount',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 6,
		description: "How many tables the booth's lounge has (a whole number, 0 or more)",
		displayOptions: { show: { resource: ['booth'], operation: ['create'], loungeEnabled: [true] } },
	},
	additionalFields([
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			description: 'Tags of the booth, separated by commas',
		},
	]),
];

function readExhibitors(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const entries = (ctx.getNodeParameter('exhibitors', itemIndex, {}) as { exhibitor?: IDataObject[] }).exhibitor ?? [];
	return entries.map((entry) => {
		const exhibitor: IDataObject = { email: listedEmail(ctx, entry.email, 'Exhibitors', itemIndex) };
		const type = optionalChoice(ctx, entry.attendanceType, EXHIBITOR_ATTENDANCE_FIELD, itemIndex);
		if (type) exhibitor.exhibitorAttendanceType = type;
		return exhibitor;
	});
}

async function run(this: IExecuteFunctions, client: AirmeetClient, airmeetId: string, itemIndex: number): Promise<IDataObject[]> {
	const name = requireText(this, 'name', 'Name', itemIndex);
	const exhibitorInfo = readExhibitors(this, itemIndex);
	const loungeEnabled = this.getNodeParameter('loungeEnabled', itemIndex, false) === true;
	const metaData: IDataObject = {
		chatEnabled: this.getNodeParameter('chatEnabled', itemIndex, false) === true,
		loungeEnabled,
		broadcastEnabled: this.getNodeParameter('broadcastEnabled', itemIndex, false) === true,
	};
	if (loungeEnabled) metaData.tableCount = wholeNumber(this, this.getNodeParameter('tableCount', itemIndex, 6), 'Table Count', 0, itemIndex);
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	// CreateBooth as the certified connector declares it (microsoft/PowerPlatformConnectors,
	// certified-connectors/Airmeet/apiDefinition.swagger.json at 1d0d51a). Its script.csx also sends
	// `exhibitors` (the e-mail addresses) and leaves exhibitorAttendanceType out for events that are not hybrid.
	const booth: IDataObject = {
		name,
		exhibitorInfo,
		exhibitors: exhibitorInfo.map((exhibitor) => exhibitor.email),
		metaData,
	};
	copyLists(extra, booth, ['tags']);
	return [{ airmeetId, ...(await client.createBooth(airmeetId, booth)) }];
}

export const { option, description, execute } = eventOperation({
	option: operationOption('Create', 'create', 'Create a booth', 'Add a booth to an event, with its exhibitors, chat, lounge and broadcast settings'),
	event: 'The event to add the booth to',
	fields: FIELDS,
	run,
});
