/**
 * The Airmeet examples pick their event and session "From List", as a user would in the editor:
 * each picked value and the name cached with it must be what that picker lists for the demo
 * community the sandbox seeds (an example imported there then shows the same name as a fresh pick).
 */
import type { INodeParameterResourceLocator, INodeParameters, INodeProperties } from 'n8n-workflow';

import { AirmeetTrigger } from '../../nodes/Airmeet/AirmeetTrigger.node';
import { EXAMPLE_KEYS, PACKAGE, loadExample } from '../e2e/examples';
import { DEMO_EVENT_ID, DEMO_SESSION_ID, seedDemoCommunity } from '../fakes/sandboxSeed';
import type { World } from './world';
import { startWorld, stopWorld } from './world';

let world: World;

beforeAll(async () => {
	world = await startWorld();
	seedDemoCommunity(world.fake);
});

afterAll(async () => {
	await stopWorld(world);
});

function isLocator(value: unknown): value is INodeParameterResourceLocator {
	return typeof value === 'object' && value !== null && (value as { __rl?: unknown }).__rl === true;
}

/** The list-search method of a resource-locator field's "From List" mode. */
function searchMethodOf(properties: INodeProperties[], field: string): string {
	const mode = properties.find((property) => property.name === field)?.modes?.find((candidate) => candidate.name === 'list');
	const method = mode?.typeOptions?.searchListMethod;
	if (!method) throw new Error(`${field} has no "From List" mode`);
	return method;
}

const TRIGGER = new AirmeetTrigger();
const locators = EXAMPLE_KEYS.flatMap((key) =>
	loadExample(key)
		.nodes.filter((node) => node.type === `${PACKAGE}.${TRIGGER.description.name}`)
		.flatMap((node) =>
			Object.entries(node.parameters)
				.filter((entry): entry is [string, INodeParameterResourceLocator] => isLocator(entry[1]))
				.map(([field, locator]) => ({ key, field, locator, parameters: node.parameters as INodeParameters })),
		),
);

test('the examples pick the demo event and session', () => {
	expect(locators.map(({ key, field, locator }) => [key, field, locator.value])).toEqual([
		['airmeetEvent', 'airmeetId', DEMO_EVENT_ID],
		['airmeetSession', 'airmeetId', DEMO_EVENT_ID],
		['airmeetSession', 'sessionId', DEMO_SESSION_ID],
	]);
});

test.each(locators)('$key: $field is picked From List, with the name that list shows', async ({ field, locator, parameters }) => {
	expect(locator.mode).toBe('list');
	const method = searchMethodOf(TRIGGER.description.properties, field);
	const { results } = await world.n8n.listSearch(TRIGGER.description.name, { parameters, credentials: world.credentials }, method);
	expect(results.find((result) => result.value === locator.value)).toEqual({
		name: locator.cachedResultName,
		value: locator.value,
	});
});
