import { SimplyMeetApi } from '../../credentials/SimplyMeetApi.credentials';
import { SimplyMeet } from '../../nodes/SimplyMeet/SimplyMeet.node';
import { SimplyMeetTrigger } from '../../nodes/SimplyMeet/SimplyMeetTrigger.node';
import { SimplyMeetFake } from '../fakes/simplyMeetFake';
import { TestN8n } from '../harness/n8nHarness';

describe('smoke', () => {
	const fake = new SimplyMeetFake();
	const n8n = new TestN8n([new SimplyMeetTrigger(), new SimplyMeet()], [new SimplyMeetApi()]);
	beforeAll(async () => {
		await fake.start();
		await n8n.start();
	});
	afterAll(async () => {
		await fake.stop();
		await n8n.stop();
	});
	it('publishes', async () => {
		const credential = n8n.vault.add('simplyMeetApi', { apiKey: fake.apiKey, baseUrl: fake.baseUrl });
		const trigger = n8n.trigger('simplyMeetTrigger', {
			parameters: { events: ['meetingScheduled'] },
			credentials: { simplyMeetApi: credential },
		});
		await trigger.publish();
		expect(fake.hooksFor(trigger.productionUrl)).toHaveLength(1);
		const results = await fake.deliver('meetingScheduled');
		expect(results[0].status).toBe(200);
		expect(trigger.executions).toHaveLength(1);
		console.log(JSON.stringify(trigger.executions[0][0].json).slice(0, 200));
	});
});
