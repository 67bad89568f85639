import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

/**
 * Airmeet's data centres and their API gateways, as Airmeet's public API docs list them. This
 * table is the only place the mapping is written: the credential's test button gets it as a
 * generated n8n expression, every node call through `airmeetBaseUrl`.
 */
export const AIRMEET_REGIONS = {
	default: {
		name: 'Global / Mumbai (Default)',
		baseUrl: 'https://api-gateway.airmeet.com/prod',
		description: 'For communities on the default data centre (Mumbai)',
	},
	eu: {
		name: 'EU (Ireland)',
		baseUrl: 'https://api-gateway-prod.eu.airmeet.com/prod',
		description: 'For communities hosted in the EU region',
	},
	us: {
		name: 'US',
		baseUrl: 'https://api-gateway-prod.us.airmeet.com/prod',
		description: 'For communities hosted in the US region',
	},
} as const;

export type AirmeetRegion = keyof typeof AIRMEET_REGIONS;

export const CUSTOM_REGION = 'custom';

export const REGION_OPTIONS: INodePropertyOptions[] = [
	...(Object.keys(AIRMEET_REGIONS) as AirmeetRegion[]).map((value) => ({
		name: AIRMEET_REGIONS[value].name,
		value,
		description: `${AIRMEET_REGIONS[value].description}: ${AIRMEET_REGIONS[value].baseUrl}`,
	})),
	{
		name: 'Custom',
		value: CUSTOM_REGION,
		description: 'Another address, e.g. a new Airmeet region or a proxy in front of Airmeet',
	},
];

function isRegion(value: string): value is AirmeetRegion {
	return Object.prototype.hasOwnProperty.call(AIRMEET_REGIONS, value);
}

/** The API base URL for a credential's region (or its custom base URL), without a trailing slash. */
export function airmeetBaseUrl(credentials: IDataObject): string {
	const region = typeof credentials.region === 'string' && credentials.region !== '' ? credentials.region : 'default';
	if (region === CUSTOM_REGION) {
		const url = String(credentials.baseUrl ?? '').trim().replace(/\/+$/, '');
		if (!/^https?:\/\/[^\s/]+/i.test(url)) {
			throw new Error(
				'The Airmeet credential uses a custom region, but its Base URL is not a full http(s) address',
			);
		}
		return url;
	}
	if (!isRegion(region)) throw new Error(`The Airmeet credential names an unknown region "${region}"`);
	return AIRMEET_REGIONS[region].baseUrl;
}

/**
 * The same mapping as an n8n expression over `$credentials`, for the credential test, which n8n
 * evaluates rather than running our code. Generated from AIRMEET_REGIONS so it cannot drift.
 */
export function airmeetBaseUrlExpression(): string {
	const table = JSON.stringify(
		Object.fromEntries((Object.keys(AIRMEET_REGIONS) as AirmeetRegion[]).map((key) => [key, AIRMEET_REGIONS[key].baseUrl])),
	);
	return `={{ $credentials.region === "${CUSTOM_REGION}" ? String($credentials.baseUrl).trim().replace(/\\/+$/, "") : (${table})[$credentials.region] }}`;
}
