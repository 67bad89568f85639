import type {
	IAuthenticateGeneric,
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/** The API's address in every revision of SimplyMeet's pages since March 2022. */
const SIMPLYMEET_API_HOST = 'https://secure.simplymeet.me/api';

/** The address in SimplyMeet's 2021 pages, this package's default until 2026. */
const SIMPLYMEET_2021_API_HOST = 'https://app.simplymeet.me/api';

/** What the Test button says when something other than SimplyMeet's API answers at the base URL. */
const NO_API_HERE = `No SimplyMeet API answers at this Base URL: SimplyMeet's API is at ${SIMPLYMEET_API_HOST} (${SIMPLYMEET_2021_API_HOST} is its 2021 address); put that in the Base URL field`;

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
			default: SIMPLYMEET_API_HOST,
			required: true,
			description: `Address of the SimplyMeet API: ${SIMPLYMEET_API_HOST}, as SimplyMeet's docs have said since 2022. Credentials saved with the 2021 address, ${SIMPLYMEET_2021_API_HOST}, keep it: if the Test button says no API answers there, switch to ${SIMPLYMEET_API_HOST}.`,
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-API-KEY': '={{$credentials.apiKey}}',
				// SimplyMeet's pages mark it required on every call, reads and deletes included.
				'Content-Type': 'application/json',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/webhooks',
			// No `limit`: a server that refuses the page size asked for still passes (see the transport).
			qs: { page: 1 },
		},
		// n8n's tester reads each rule by its type (status rules on a failed answer, body rules on a
		// 2xx), but n8n-workflow types the list as one kind or the other: hence the cast.
		rules: ([
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
				properties: { value: 404, message: NO_API_HERE },
			},
			{
				type: 'responseCode',
				properties: { value: 410, message: NO_API_HERE },
			},
			{
				// A 2xx that is not SimplyMeet's list (a web page, other JSON): every list answer of
				// the API has `_embedded`, and the package reads its entries from there.
				type: 'responseSuccessBody',
				properties: { key: '_embedded', value: undefined, message: NO_API_HERE },
			},
		] satisfies Array<IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody>) as IAuthenticateRuleResponseCode[],
	};
}
