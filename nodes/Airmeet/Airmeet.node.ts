import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { explainOperations } from '../shared/toolDescription';
import { properties, router } from './actions/router';
import * as listSearch from './methods/listSearch';
import { getCustomFields } from './methods/loadOptions';

export class Airmeet implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Airmeet',
		name: 'airmeet',
		icon: { light: 'file:airmeet.svg', dark: 'file:airmeet.dark.svg' },
		group: ['transform'],
		// 1.1: Participant > Add shows Register Attendee and Send Email Invite as fields of their own;
		// saved version-1 nodes keep them in Additional Fields, where their values are still read.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create and run Airmeet events, sessions and speakers, manage attendees and webhooks, and read registrations and attendance reports',
		defaults: { name: 'Airmeet' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'airmeetApi', required: true }],
		properties: explainOperations(properties),
	};

	methods = {
		listSearch: {
			searchEvents: listSearch.searchEvents,
			searchSessions: listSearch.searchSessions,
			searchBooths: listSearch.searchBooths,
		},
		loadOptions: { getCustomFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
