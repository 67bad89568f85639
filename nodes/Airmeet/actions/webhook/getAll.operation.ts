import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ChoiceField } from '../../../shared/fields';
import { requestedCount, requireChoice, returnAllFields } from '../../../shared/fields';
import { EVENT_FIELD, SESSION_FIELD, eventLocator, sessionLocator } from '../../locators';
import type { AirmeetClient } from '../../transport';
import { locatorId, operationOption } from '../common';

export const option = operationOption('Get Many', 'getAll', 'Get many webhooks', 'List the webhooks of an event (needs Event ID) or of a session (needs Session ID), chosen in List For; one item per webhook');

const SCOPE_FIELD = {
	displayName: 'List For',
	options: [
		{ name: 'Event', value: 'event', description: 'The webhooks of an event' },
		{ name: 'Session', value: 'session', description: 'The webhooks of a session' },
	],
} satisfies ChoiceField;

export const description: INodeProperties[] = [
	{
		displayName: 'List For',
		name: 'scope',
		type: 'options',
		default: 'event',
		options: SCOPE_FIELD.options,
		description: 'Airmeet lists webhooks per event or per session: event or session',
	},
	// Not required to n8n: "List For" may be an expression (an AI agent's choice), and then n8n counts
	// both pickers as shown. execute() asks for the one the chosen scope needs, naming it.
	eventLocator({
		required: false,
		description: 'The event whose webhooks to list. Needed when List For is event.',
		displayOptions: { show: { scope: ['event'] } },
	}),
	eventLocator({
		required: false,
		description: 'The event of the session; only used to list its sessions in the Session field',
		displayOptions: { show: { scope: ['session'] } },
	}),
	sessionLocator({
		required: false,
		description: 'The session whose webhooks to list. Needed when List For is session.',
		displayOptions: { show: { scope: ['session'] } },
	}),
	...returnAllFields(),
];

export async function execute(this: IExecuteFunctions, client: AirmeetClient, itemIndex: number): Promise<IDataObject[]> {
	const scope = requireChoice(this, 'scope', SCOPE_FIELD, itemIndex, 'event');
	const hooks =
		scope === 'session'
			? await client.listWebhooks({
					sessionId: locatorId(this, SESSION_FIELD, itemIndex, true),
				})
			: await client.listWebhooks({
					airmeetId: locatorId(this, EVENT_FIELD, itemIndex, true),
				});
	return hooks.slice(0, requestedCount(this, itemIndex));
}
