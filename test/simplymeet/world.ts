/**
 * The SimplyMeet test world of a test file: a fake SimplyMeet (pages of 10, so paging shows with
 * few hooks) and a TestN8n with our nodes, started once per file and emptied before each test.
 */
import type { INodeCredentialsDetails } from 'n8n-workflow';

import { SimplyMeetApi } from '../../credentials/SimplyMeetApi.credentials';
import { SimplyMeet } from '../../nodes/SimplyMeet/SimplyMeet.node';
import { SimplyMeetTrigger } from '../../nodes/SimplyMeet/SimplyMeetTrigger.node';
import { SimplyMeetFake } from '../fakes/simplyMeetFake';
import { TestN8n } from '../harness/n8nHarness';

export interface SimplyMeetWorld {
	fake: SimplyMeetFake;
	n8n: TestN8n;
	/** A new stored credential pointing at the fake, as node credentials reference it. */
	credentials(apiKey?: string): { simplyMeetApi: INodeCredentialsDetails };
}

export function useSimplyMeetWorld(): SimplyMeetWorld {
	const fake = new SimplyMeetFake({ maxPageSize: 10 });
	const n8n = new TestN8n([new SimplyMeetTrigger(), new SimplyMeet()], [new SimplyMeetApi()]);
	beforeAll(async () => {
		await fake.start();
		await n8n.start();
	});
	afterAll(async () => {
		await fake.stop();
		await n8n.stop();
	});
	beforeEach(() => {
		fake.hooks.length = 0;
		fake.resetCalls();
		fake.clearFaults();
		fake.limitPolicy = 'cap';
		fake.websiteStatus = undefined;
	});
	return {
		fake,
		n8n,
		credentials: (apiKey = fake.apiKey) => ({
			simplyMeetApi: n8n.vault.add('simplyMeetApi', { apiKey, baseUrl: fake.baseUrl }),
		}),
	};
}
