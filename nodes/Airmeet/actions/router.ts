import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runForEachItem } from '../../shared/execute';
import { AirmeetClient } from '../transport';
import type { AirmeetResource } from './common';
import { booth } from './booth/Booth.resource';
import { event } from './event/Event.resource';
import { participant } from './participant/Participant.resource';
import { registration } from './registration/Registration.resource';
import { samplePayload } from './samplePayload/SamplePayload.resource';
import { session } from './session/Session.resource';
import { speaker } from './speaker/Speaker.resource';
import { webhook } from './webhook/Webhook.resource';

const RESOURCES: AirmeetResource[] = [booth, event, participant, registration, samplePayload, session, speaker, webhook].sort(
	(a, b) => a.option.name.localeCompare(b.option.name),
);

const BY_NAME = new Map(RESOURCES.map((entry) => [String(entry.option.value), entry]));

/** The Resource selector, then each resource's Operation selector and fields. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: RESOURCES.map((entry) => entry.option),
		default: 'event',
	},
	...RESOURCES.flatMap((entry) => entry.properties),
];

/** Runs the chosen operation once per input item, with one Airmeet client for the whole run. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const client = await AirmeetClient.connect(this);
	return await runForEachItem(this, async (itemIndex) => {
		const resource = this.getNodeParameter('resource', itemIndex) as string;
		const operation = this.getNodeParameter('operation', itemIndex) as string;
		const chosen = BY_NAME.get(resource)?.operations.get(operation);
		if (!chosen) {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`, {
				itemIndex,
			});
		}
		return await chosen.execute.call(this, client, itemIndex);
	});
}
