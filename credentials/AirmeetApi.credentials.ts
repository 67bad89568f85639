import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { AUTH_PATH, KEYS_REJECTED_STATUSES, TokenRequestError, isAuthCall, keysRejectedMessage, usesKeyPair } from '../nodes/Airmeet/auth';
import { AIRMEET_REGIONS, CUSTOM_REGION, REGION_OPTIONS, airmeetBaseUrl, airmeetBaseUrlExpression } from '../nodes/Airmeet/regions';
import { REQUEST_TIMEOUT_MS, redact } from '../nodes/shared/transport';

function isRecord(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function tokenIn(body: unknown): string | undefined {
	if (!isRecord(body)) return undefined;
	// Airmeet documents {success, data: {token, label}}; real clients read {token, label}: accept both.
	const candidates = [body.token, isRecord(body.data) ? body.data.token : undefined];
	return candidates.find((value): value is string => typeof value === 'string' && value !== '');
}

function messageIn(body: unknown): string | undefined {
	if (typeof body === 'string' && body.trim()) return body.trim().slice(0, 300);
	if (!isRecord(body)) return undefined;
	for (const key of ['message', 'statusMessage', 'error']) {
		const value = body[key];
		if (typeof value === 'string' && value.trim()) return value.trim();
	}
	return undefined;
}

export class AirmeetApi implements ICredentialType {
	name = 'airmeetApi';

	displayName = 'Airmeet API';

	icon = { light: 'file:../nodes/Airmeet/airmeet.svg', dark: 'file:../nodes/Airmeet/airmeet.dark.svg' } as const;

	documentationUrl = 'https://help.airmeet.com/support/solutions/articles/82000909768-1-event-details-airmeet-public-api';

	properties: INodeProperties[] = [
		// The access key is half of a key pair that opens the whole community's API: mask it too.
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
		{
			displayName: 'Access Key',
			name: 'accessKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The access key of an Airmeet API key pair, generated in the community dashboard under Integrations > API Access Key',
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The secret key shown together with the access key when the pair was generated',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: REGION_OPTIONS,
			default: 'default',
			description:
				'The Airmeet data centre your community is hosted in. Communities are on the default (Mumbai) one unless Airmeet set them up in the EU or the US.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: AIRMEET_REGIONS.default.baseUrl,
			description: 'The full address of the Airmeet API, including the path prefix (such as /prod)',
			displayOptions: { show: { region: [CUSTOM_REGION] } },
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/**
	 * Fetches the access token (valid 30 days). n8n runs this when the token field is empty, and
	 * again when a call answers 400 or 412 (bad or expired token; n8n 2.40 and newer), then stores
	 * the token; on older n8n the transport empties the field for one repeat to the same effect.
	 * Errors carry their cause as data (TokenRequestError), without the /auth response attached,
	 * so that its status is never mistaken for the status of the call that needed the token; they
	 * never contain the keys.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const accessKey = String(credentials.accessKey ?? '');
		const secretKey = String(credentials.secretKey ?? '');
		const keys = [accessKey, secretKey];
		const baseURL = airmeetBaseUrl(credentials);
		const request: IHttpRequestOptions = {
			method: 'POST',
			baseURL,
			url: AUTH_PATH,
			headers: { 'X-Airmeet-Access-Key': accessKey, 'X-Airmeet-Secret-Key': secretKey },
			body: {},
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: REQUEST_TIMEOUT_MS,
		};
		let response: { statusCode: number; body: unknown };
		try {
			response = (await this.helpers.httpRequest(request)) as { statusCode: number; body: unknown };
		} catch (error) {
			const reason = (error as { code?: unknown }).code ?? (error as Error).message;
			throw new TokenRequestError(redact(`: ${baseURL} could not be reached (${String(reason)})`, keys), {
				kind: 'unreachable',
			});
		}
		const { statusCode, body } = response;
		if (KEYS_REJECTED_STATUSES.includes(statusCode)) {
			throw new TokenRequestError(redact(` (HTTP ${statusCode}): ${keysRejectedMessage(statusCode, messageIn(body))}`, keys), {
				kind: 'keysRejected',
				statusCode,
			});
		}
		if (statusCode === 404) {
			throw new TokenRequestError(
				` (HTTP 404): nothing answers at ${baseURL}${AUTH_PATH}, so the region or base URL is probably wrong`,
				{ kind: 'noApi', statusCode },
			);
		}
		if (statusCode < 200 || statusCode >= 300) {
			throw new TokenRequestError(redact(` (HTTP ${statusCode}): ${messageIn(body) ?? 'no explanation given'}`, keys), {
				kind: 'refused',
				statusCode,
			});
		}
		const sessionToken = tokenIn(body);
		if (sessionToken === undefined) {
			const detail = messageIn(body);
			throw new TokenRequestError(
				redact(`: its answer to ${AUTH_PATH} holds no token${detail ? ` (${detail})` : ''}`, keys),
				{ kind: 'noToken' },
			);
		}
		return { sessionToken };
	}

	/** Webhook register/deregister and sample payloads take the key pair; every other call the token. */
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const headers: IDataObject = { ...((requestOptions.headers as IDataObject | undefined) ?? {}) };
		if (usesKeyPair(requestOptions.url)) {
			headers['x-access-key'] = String(credentials.accessKey ?? '');
			headers['x-secret-key'] = String(credentials.secretKey ?? '');
		} else if (!isAuthCall(requestOptions.url)) {
			headers['X-Airmeet-Access-Token'] = String(credentials.sessionToken ?? '');
		}
		return { ...requestOptions, headers };
	};

	// n8n runs preAuthentication before this request, and its own errors (wrong keys, wrong region)
	// are what the Test button shows in n8n 2.x; the rules speak where that step is skipped.
	test: ICredentialTestRequest = {
		request: {
			baseURL: airmeetBaseUrlExpression(),
			url: AUTH_PATH,
			method: 'POST',
			headers: {
				'X-Airmeet-Access-Key': '={{$credentials.accessKey}}',
				'X-Airmeet-Secret-Key': '={{$credentials.secretKey}}',
			},
			body: {},
		},
		// The same words as preAuthentication's, for an n8n that shows the rules instead.
		rules: [
			...KEYS_REJECTED_STATUSES.map((value) => ({
				type: 'responseCode' as const,
				properties: { value, message: `Airmeet refused the test (HTTP ${value}): ${keysRejectedMessage(value)}` },
			})),
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'No Airmeet API answers at this address: check the Region (or the custom Base URL)',
				},
			},
		],
	};
}
