import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { AirmeetClient } from '../../transport';
import type { AirmeetOperation } from '../common';
import { eventOperation, operationOption } from '../common';

/** Start or Finish: sets an event's status (shape from other clients, unconfirmed on Airmeet's pages). */
export function statusOperation(
	name: string,
	value: string,
	status: 'ONGOING' | 'FINISHED',
	description: string,
): AirmeetOperation {
	return eventOperation({
		option: operationOption(name, value, `${name} an event`, description),
		event: `The event to ${value}`,
		async run(this: IExecuteFunctions, client: AirmeetClient, airmeetId: string): Promise<IDataObject[]> {
			return [
				{
					airmeetId,
					status,
					...(await client.setEventStatus(airmeetId, status)),
				},
			];
		},
	});
}
