/** SimplyMeet beyond webhooks: meeting types and single-use links, against the fake over real HTTP. */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { caught, rl } from '../harness/errors';
import { useSimplyMeetWorld } from './world';

const world = useSimplyMeetWorld();

beforeEach(() => {
	world.fake.meetingTypes.length = 0;
	world.fake.links.length = 0;
	world.fake.offersMeetingTypes = true;
});

async function run(parameters: INodeParameters, apiKey?: string): Promise<IDataObject[]> {
	const [items] = await world.n8n.execute('simplyMeet', { parameters, credentials: world.credentials(apiKey) }, [{}]);
	expect(JSON.stringify(items)).not.toContain(world.fake.apiKey);
	return items.map((item) => item.json);
}

describe('meeting type', () => {
	it('gets many across pages to the last with Return All', async () => {
		for (let i = 0; i < 23; i++) world.fake.seedMeetingType();
		const items = await run({ resource: 'meetingType', operation: 'getAll', returnAll: true });
		expect(items.map((item) => item.uuid)).toEqual(world.fake.meetingTypes.map((type) => type.uuid));
		expect(world.fake.calls.map((call) => call.query.get('page'))).toEqual(['1', '2', '3']);
	});

	it('gets many up to the limit', async () => {
		for (let i = 0; i < 23; i++) world.fake.seedMeetingType();
		expect(await run({ resource: 'meetingType', operation: 'getAll', limit: 4 })).toHaveLength(4);
		expect(world.fake.count()).toBe(1);
	});

	it('a host without meeting types says so clearly', async () => {
		world.fake.offersMeetingTypes = false;
		const error = await caught(run({ resource: 'meetingType', operation: 'getAll', returnAll: true }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('SimplyMeet could not list meeting types (HTTP 404): this SimplyMeet API does not offer meeting types');
	});

	it('a wrong key is SimplyMeet\'s 401', async () => {
		const error = await caught(run({ resource: 'meetingType', operation: 'getAll', limit: 1 }, 'wrong-key'));
		expect(error.message).toMatch(/HTTP 401\): Invalid API key/);
	});

	it('the meeting-type picker lists them, filtered', async () => {
		const intro = world.fake.seedMeetingType({ name: 'Intro call' });
		world.fake.seedMeetingType({ name: 'Demo' });
		const { results } = await world.n8n.listSearch(
			'simplyMeet',
			{ parameters: {}, credentials: world.credentials() },
			'searchMeetingTypes',
			'intro',
		);
		expect(results).toEqual([{ name: 'Intro call', value: intro.uuid }]);
	});
});

describe('single-use link', () => {
	const create = (extra: INodeParameters): INodeParameters => ({ resource: 'singleUseLink', operation: 'create', ...extra });

	it('creates one link for a meeting type', async () => {
		const type = world.fake.seedMeetingType();
		const items = await run(create({ meetingType: rl(type.uuid, 'list'), count: 1 }));
		expect(items).toEqual([{ meetingTypeUuid: type.uuid, code: world.fake.links[0].code, url: world.fake.links[0].url }]);
		expect(world.fake.calls.map((call) => [call.path, call.body])).toEqual([['/single-use-link', { meeting_type_uuid: type.uuid }]]);
	});

	it('creates several at once, one item each', async () => {
		const type = world.fake.seedMeetingType();
		const items = await run(create({ meetingType: rl(type.uuid), count: 5 }));
		expect(items.map((item) => item.url)).toEqual(world.fake.links.map((link) => link.url));
		expect(items).toHaveLength(5);
		expect(world.fake.calls.map((call) => call.path)).toEqual(['/single-use-link-list']);
	});

	it('an unknown meeting type is SimplyMeet\'s 422, naming the field', async () => {
		const error = await caught(run(create({ meetingType: rl('00000000-0000-4000-8000-000000000000'), count: 1 })));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/HTTP 422\): Invalid arguments \(meeting_type_uuid: This meeting type does not exist\.\)/);
	});

	it('a host without single-use links says so clearly', async () => {
		world.fake.offersMeetingTypes = false;
		const error = await caught(run(create({ meetingType: rl('abc-1'), count: 2 })));
		expect(error.message).toMatch(/this SimplyMeet API does not offer single-use links/);
	});

	it.each([
		[{ meetingType: rl(''), count: 1 }, /"Meeting Type" field needs a UUID/],
		[{ meetingType: rl('a b'), count: 1 }, /"Meeting Type"/],
		[{ meetingType: rl('abc'), count: 57 }, /"How Many" field needs a whole number from 1 to 56/],
		[{ meetingType: rl('abc'), count: 1.5 }, /"How Many"/],
	])('refuses %j before any call', async (extra, message) => {
		const error = await caught(run(create(extra)));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(message);
		expect(world.fake.count()).toBe(0);
	});
});
