import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class SimplyMeetApi implements ICredentialType {
	name = 'simplyMeetApi';

	displayName = 'SimplyMeet API';

	icon = { light: 'file:../nodes/SimplyMeet/simplymeet.svg', dark: 'file:../nodes/SimplyMeet/simplymeet.dark.svg' } as const;

	documentationUrl = 'https://simplymeet.me/api-documentation';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Your SimplyMeet.me API key, shown under Integrations in your SimplyMeet account (paid plans)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://app.simplymeet.me/api',
			required: true,
			description:
				'Address of the SimplyMeet API. Newer SimplyMeet docs use https://secure.simplymeet.me/api: switch to it if the default stops answering.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-API-KEY': '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/webhooks',
			qs: { page: 1, limit: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'SimplyMeet rejected the API key: copy it again from Integrations in SimplyMeet',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'SimplyMeet refused access with this API key: the API needs a paid plan',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'No SimplyMeet API at this base URL: check the Base URL field',
				},
			},
		],
	};
}
