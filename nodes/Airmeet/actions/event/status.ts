import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { EVENT_FIELD, eventLocator } from '../../locators';
import type { AirmeetClient } from '../../transport';
import type { AirmeetOperation } from '../common';
import { locatorId, operationOption } from '../common';

/** Start or Finish: sets an event's status (shape from other clients, unconfirmed on Airmeet's pages). */
export function statusOperation(
	name: string,
	value: string,
	status: 'ONGOING' | 'FINISHED',
	description: string,
): AirmeetOperation {
	return {
		option: operationOption(name, value, `${name} an event`, description),
		description: [eventLocator({ required: true, description: `The event to ${value}` })],
		async execute(this: IExecuteFunctions, client: AirmeetClient, itemIndex: number): Promise<IDataObject[]> {
			const airmeetId = locatorId(this, EVENT_FIELD, itemIndex, true);
			return [
				{
					airmeetId,
					status,
					...(await client.setEventStatus(airmeetId, status)),
				},
			];
		},
	};
}
