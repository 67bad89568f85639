/** SimplyMeet beyond webhooks: meeting types and single-use links, against the fake over real HTTP. */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { caught, errorText, rl } from '../harness/errors';
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

	it.each([
		['a list', (links: unknown[]) => links],
		['items', (links: unknown[]) => ({ items: links })],
		['links', (links: unknown[]) => ({ links })],
		['data', (links: unknown[]) => ({ data: links, total: links.length })],
	])('reads several links from %s', async (_, shape) => {
		const type = world.fake.seedMeetingType();
		const links = [{ code: 'a1', url: 'https://simplymeet.me/s/a1' }, { code: 'b2', url: 'https://simplymeet.me/s/b2' }];
		world.fake.inject({ path: '/single-use-link-list' }, { kind: 'status', status: 201, body: shape(links) });
		const items = await run(create({ meetingType: rl(type.uuid), count: 2 }));
		expect(items).toEqual(links.map((link) => ({ meetingTypeUuid: type.uuid, ...link })));
	});

	it.each([
		['one link instead of a list', { code: 'secret-code', url: 'https://simplymeet.me/s/secret-code' }, 'its fields: code, url'],
		['a list under an unknown key', { result: [{ code: 'secret-code' }], count: 2 }, 'its fields: result, count'],
		['an empty object', {}, 'an empty object'],
		['text', 'created secret-code', 'not a JSON object but text'],
	])('several links: %s fails, naming the fields that came back and no value', async (_, answer, shape) => {
		const type = world.fake.seedMeetingType();
		world.fake.inject({ path: '/single-use-link-list' }, { kind: 'status', status: 201, body: answer });
		const error = await caught(run(create({ meetingType: rl(type.uuid), count: 3 })));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(`SimplyMeet could not create 3 single-use links (HTTP 201): the answer holds no list of links (${shape})`);
		expect(errorText(error)).not.toContain('secret-code');
		expect(world.fake.count()).toBe(1);
	});

	it('one link is read from its object as before', async () => {
		const type = world.fake.seedMeetingType();
		world.fake.inject({ path: '/single-use-link' }, { kind: 'status', status: 201, body: { code: 'c3', url: 'https://simplymeet.me/s/c3' } });
		expect(await run(create({ meetingType: rl(type.uuid), count: 1 }))).toEqual([{ meetingTypeUuid: type.uuid, code: 'c3', url: 'https://simplymeet.me/s/c3' }]);
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
