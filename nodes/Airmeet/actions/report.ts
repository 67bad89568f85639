import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requestedCount, returnAllFields } from '../../shared/fields';
import { BOOTH_FIELD, SESSION_FIELD, boothLocator, sessionLocator } from '../locators';
import type { AirmeetClient, ReportKind, ReportTarget, ReportWait } from '../transport';
import type { AirmeetOperation } from './common';
import { eventOperation, locatorId, operationOption } from './common';

/** The fields of every asynchronous report: whether and how long to wait while Airmeet prepares it. */
const WAIT_FIELDS: INodeProperties[] = [
	{
		displayName: 'Wait for the Report',
		name: 'waitForReport',
		type: 'boolean',
		default: true,
		description:
			'Whether to wait while Airmeet prepares the report (it answers "preparing" at first). Off: a report still being prepared comes back as one item with status "preparing"; run again later.',
	},
	{
		displayName: 'Wait Options',
		name: 'waitOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { waitForReport: [true] } },
		options: [
			{
				displayName: 'First Pause (Seconds)',
				name: 'firstPause',
				type: 'number',
				typeOptions: { minValue: 0.01, numberPrecision: 2 },
				default: 10,
				description: 'How long to wait before asking again; each next pause doubles, up to 60 seconds',
			},
			{
				displayName: 'Max Wait (Seconds)',
				name: 'maxWait',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 300,
				description: 'How long to wait at most, all pauses together, before failing with "still being prepared"',
			},
		],
	},
];

function readWait(ctx: IExecuteFunctions, itemIndex: number): ReportWait {
	const options = ctx.getNodeParameter('waitOptions', itemIndex, {}) as IDataObject;
	const firstPause = typeof options.firstPause === 'number' ? options.firstPause : 10;
	const maxWait = typeof options.maxWait === 'number' ? options.maxWait : 300;
	if (!(firstPause > 0)) {
		throw new NodeOperationError(ctx.getNode(), 'The "First Pause (Seconds)" field needs a number above 0', { itemIndex });
	}
	if (!(maxWait >= 0))
		throw new NodeOperationError(ctx.getNode(), 'The "Max Wait (Seconds)" field needs 0 or more', { itemIndex });
	return {
		wait: ctx.getNodeParameter('waitForReport', itemIndex, true) as boolean,
		firstPauseSeconds: firstPause,
		maxWaitSeconds: maxWait,
	};
}

/** Which picker a report needs beside the event. */
export type ReportScope = 'event' | 'session' | 'booth';

const SCOPE_FIELDS: Record<ReportScope, INodeProperties[]> = {
	event: [],
	session: [
		sessionLocator({
			description: 'The session of the report (it must have finished)',
		}),
	],
	booth: [boothLocator({ description: 'The booth of the report' })],
};

/** An operation that reads an asynchronous Airmeet report, waiting while it is prepared. */
export function reportOperation(
	option: { name: string; value: string; action: string; description: string },
	kind: ReportKind,
	scope: ReportScope,
): AirmeetOperation {
	return eventOperation({
		option: operationOption(option.name, option.value, option.action, option.description),
		event: 'The event of the report',
		fields: [...SCOPE_FIELDS[scope], ...returnAllFields(), ...WAIT_FIELDS],
		async run(this: IExecuteFunctions, client: AirmeetClient, airmeetId: string, itemIndex: number): Promise<IDataObject[]> {
			const target: ReportTarget = { airmeetId };
			if (scope === 'session') target.sessionId = locatorId(this, SESSION_FIELD, itemIndex, true);
			if (scope === 'booth') target.boothId = locatorId(this, BOOTH_FIELD, itemIndex, true);
			const result = await client.report(kind, target, readWait(this, itemIndex), requestedCount(this, itemIndex));
			return result.ready ? result.items : [{ status: 'preparing', ...target, ...result.status }];
		},
	});
}
