/**
 * One Airmeet test world: a fresh fake Airmeet, a fresh TestN8n with our nodes, and a stored
 * credential that points at the fake (custom region). Helpers to catch errors and to prove that
 * no secret ever reaches what users see.
 */
import type { INodeCredentialsDetails } from 'n8n-workflow';

import { AirmeetApi } from '../../credentials/AirmeetApi.credentials';
import { Airmeet } from '../../nodes/Airmeet/Airmeet.node';
import { AirmeetTrigger } from '../../nodes/Airmeet/AirmeetTrigger.node';
import type { AirmeetFakeOptions } from '../fakes/airmeetFake';
import { AirmeetFake } from '../fakes/airmeetFake';
import { TestN8n } from '../harness/n8nHarness';

export { caught, errorText, rl } from '../harness/errors';

export const TRIGGER_NODE = 'airmeetTrigger';
export const ACTION_NODE = 'airmeet';
export const CREDENTIAL = 'airmeetApi';

export interface World {
	fake: AirmeetFake;
	n8n: TestN8n;
	credentials: Record<string, INodeCredentialsDetails>;
}

export async function startWorld(options: AirmeetFakeOptions = {}): Promise<World> {
	const fake = new AirmeetFake(options);
	await fake.start();
	const n8n = new TestN8n([new AirmeetTrigger(), new Airmeet()], [new AirmeetApi()]);
	await n8n.start();
	const credential = n8n.vault.add(CREDENTIAL, {
		accessKey: fake.accessKey,
		secretKey: fake.secretKey,
		region: 'custom',
		baseUrl: `${fake.baseUrl}/`,
	});
	return { fake, n8n, credentials: { [CREDENTIAL]: credential } };
}

export async function stopWorld(world: World | undefined): Promise<void> {
	if (!world) return;
	await world.fake.stop();
	await world.n8n.stop();
}

/** The access key, secret key and every token the fake issued. */
export function secretsOf(world: World): string[] {
	return [world.fake.accessKey, world.fake.secretKey, ...world.fake.issuedTokens];
}

export function expectNoSecrets(world: World, text: string): void {
	for (const secret of secretsOf(world)) expect(text).not.toContain(secret);
}
