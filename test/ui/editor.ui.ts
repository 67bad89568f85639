/* eslint-disable @n8n/community-nodes/no-restricted-globals -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * The editor, as users meet this package: the real n8n (n8n-runtime/) with our package, driven
 * in headless Chromium through playwright-core, against the fake SimplyMeet and Airmeet APIs.
 *
 * One n8n and one browser serve every flow (starting n8n costs 15-25 s on two cores); each flow
 * starts on a new workflow. Every step leaves a screenshot in .artifacts/ui/, and a failing step
 * its screenshot, HTML and notes (-FAILED). The README's pictures in docs/ are rewritten by the
 * flows that show them (docsScreenshot), on every run.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { Page } from 'playwright-core';

import { Airmeet } from '../../nodes/Airmeet/Airmeet.node';
import { AirmeetTrigger } from '../../nodes/Airmeet/AirmeetTrigger.node';
import { AIRMEET_TRIGGERS } from '../../nodes/Airmeet/triggers';
import { SimplyMeet } from '../../nodes/SimplyMeet/SimplyMeet.node';
import { SIMPLYMEET_EVENTS } from '../../nodes/SimplyMeet/events';
import { OWNER, formatTimings, startFreshN8n, waitFor, type N8nInstance } from '../e2e/n8n';
import { AirmeetFake } from '../fakes/airmeetFake';
import { SimplyMeetFake } from '../fakes/simplyMeetFake';
import {
	EditorSession,
	PACKAGE,
	addFromCreator,
	canvasNode,
	chooseCredential,
	chooseLocatorEntry,
	chooseOption,
	closeLocatorList,
	creatorCategory,
	creatorResult,
	credentialModal,
	docsLinkHref,
	fetchAsset,
	fillCredentialField,
	landOnAnchor,
	launchEditorBrowser,
	loadedImages,
	locatorEntries,
	ndv,
	nodeCreator,
	openNewCredential,
	outputItemCount,
	outputJsonValues,
	outputPanel,
	outputTableText,
	parameter,
	resetArtifacts,
	resourceLocator,
	saveCredential,
	searchNodePanel,
	selectOptions,
	selectedCredential,
	showActionsCategory,
	shownParameters,
	toggleOptions,
	waitForSubtitle,
	type EditorBrowser,
	type Flow,
} from './editor';

/** n8n adds this to the menus of nodes whose credential can sign arbitrary requests. */
const CUSTOM_API_CALL = 'Custom API Call';

const sm = new SimplyMeetFake();
const am = new AirmeetFake();
let n8n: N8nInstance | undefined;
let browser: EditorBrowser | undefined;
let session: EditorSession | undefined;

function instance(): N8nInstance {
	if (!n8n) throw new Error('n8n did not start');
	return n8n;
}

async function startFlow(name: string): Promise<Flow> {
	if (!session) throw new Error('the editor session did not start');
	return await session.flow(name);
}

// ---- what the node descriptions declare (the editor must show exactly that) ------------------

function optionsOf(property: INodeProperties | undefined): INodePropertyOptions[] {
	return ((property?.options ?? []) as INodePropertyOptions[]).filter((option) => 'value' in option);
}

/** Resource names, and per resource value the operation names and actions, of an action node. */
function menusOf(properties: INodeProperties[]): {
	resources: Array<{ name: string; value: string }>;
	operations: Record<string, { names: string[]; actions: string[] }>;
} {
	const resources = optionsOf(properties.find((property) => property.name === 'resource')).map((option) => ({
		name: option.name,
		value: String(option.value),
	}));
	const operations: Record<string, { names: string[]; actions: string[] }> = {};
	for (const resource of resources) {
		const property = properties.find(
			(candidate) =>
				candidate.name === 'operation' &&
				(candidate.displayOptions?.show?.resource as string[] | undefined)?.includes(resource.value),
		);
		const options = optionsOf(property);
		operations[resource.value] = {
			names: options.map((option) => option.name),
			actions: options.map((option) => option.action ?? option.name),
		};
	}
	return { resources, operations };
}

const SIMPLYMEET_MENUS = menusOf(new SimplyMeet().description.properties);
const AIRMEET_MENUS = menusOf(new Airmeet().description.properties);

/** The node panel's entry for an operation: its action, which also explains it to AI agents. */
function actionOf(menus: typeof AIRMEET_MENUS, resource: string, operation: string): string {
	const { names, actions } = menus.operations[resource];
	return actions[names.indexOf(operation)];
}
/** The fields Participant > Add declares outside collections, and those only other operations have. */
const AIRMEET_PROPERTIES = new Airmeet().description.properties;
const showsFor = (property: INodeProperties, key: string, value: string): boolean =>
	((property.displayOptions?.show?.[key] as string[] | undefined) ?? []).includes(value);
const PARTICIPANT_ADD_FIELDS = AIRMEET_PROPERTIES.filter(
	(property) =>
		showsFor(property, 'resource', 'participant') &&
		showsFor(property, 'operation', 'add') &&
		!['collection', 'fixedCollection', 'notice'].includes(property.type),
).map((property) => property.name);
const OTHER_OPERATIONS_FIELDS = new Set(
	AIRMEET_PROPERTIES.filter((property) => property.displayOptions?.show?.operation && !showsFor(property, 'operation', 'add'))
		.map((property) => property.name)
		.filter((name) => !AIRMEET_PROPERTIES.some((property) => property.name === name && showsFor(property, 'operation', 'add'))),
);
const AIRMEET_TRIGGER_NAMES = optionsOf(new AirmeetTrigger().description.properties.find((p) => p.name === 'trigger')).map(
	(option) => option.name,
);

/** The README the codex files link to, and the query n8n 2.41's editor appends to the link. */
const REPOSITORY = 'https://github.com/n8n-nodes-simplymeet-airmeet/n8n-nodes-simplymeet-airmeet';
const README_ANCHORS = ['simplymeet-trigger', 'simplymeet-node', 'airmeet-trigger', 'airmeet-node'];
const docsQuery = (node: string) =>
	`utm_source=n8n_app&utm_medium=node_settings_modal-credential_link&utm_campaign=${PACKAGE}.${node}`;

/**
 * The open node's Docs link is its codex URL plus n8n's tracking query; opened, it still lands
 * on the README section (a stand-in page with the README's anchors, as no network is reachable).
 */
async function expectDocsLinkLands(page: Page, node: string, anchor: string): Promise<void> {
	const href = await docsLinkHref(page, REPOSITORY);
	expect(href).toBe(`${REPOSITORY}#${anchor}:~:?${docsQuery(node)}`);
	await expect(landOnAnchor(page.context(), href, README_ANCHORS)).resolves.toEqual({ hash: `#${anchor}`, inView: anchor });
}

/** Whether the node panel shows a category header with exactly this title, within the window. */
const categoryTitleShown = async (page: Page, title: string): Promise<boolean> =>
	await page.getByTestId('node-creator-category-item').filter({ hasText: title }).first().isVisible();
const sorted = (values: string[]): string[] => [...values].sort((a, b) => a.localeCompare(b));
const without = (values: string[], unwanted: string): string[] => values.filter((value) => value !== unwanted);
const typeOf = (node: string): string => `${PACKAGE}.${node}`;

// ---- seeded remote state ---------------------------------------------------------------------

const launch = am.seedEvent({ name: 'Product Launch 2026' });
am.seedSession(launch, { name: 'Opening Keynote' });
am.seedSession(launch, { name: 'Hands-on Workshop' });
const meetup = am.seedEvent({ name: 'Community Meetup' });
am.seedSession(meetup, { name: 'Networking Hour' });
am.seedEvent({ name: 'Partner Summit' });

/** The picker's label for an event: "<name> (<status>, <day>)". */
const eventLabel = (name: string): string => {
	const event = am.events.find((candidate) => candidate.name === name);
	if (!event) throw new Error(`no seeded event ${name}`);
	return `${name} (${event.status}, ${new Date(event.startTime).toISOString().slice(0, 10)})`;
};

/**
 * Flows 4 and 5 use credentials made through the API, so that they do not depend on flows 2
 * and 3 (which create theirs in the editor, from the empty state a first-time user sees).
 */
const apiCredentials = new Map<string, Promise<string>>();
function fakeCredential(type: 'simplyMeetApi' | 'airmeetApi'): Promise<string> {
	let created = apiCredentials.get(type);
	if (!created) {
		const name = type === 'simplyMeetApi' ? 'Team SimplyMeet' : 'Team Airmeet';
		const data =
			type === 'simplyMeetApi'
				? { apiKey: sm.apiKey, baseUrl: sm.baseUrl }
				: { accessKey: am.accessKey, secretKey: am.secretKey, region: 'custom', baseUrl: am.baseUrl };
		created = instance()
			.createCredential(name, type, data)
			.then(() => name);
		apiCredentials.set(type, created);
	}
	return created;
}

beforeAll(async () => {
	const started = Date.now();
	resetArtifacts();
	await Promise.all([sm.start(), am.start()]);
	// n8n and Chromium start side by side; whichever fails, the other is still cleaned up.
	const [n8nStart, browserStart] = await Promise.allSettled([startFreshN8n(), launchEditorBrowser()]);
	if (n8nStart.status === 'fulfilled') n8n = n8nStart.value;
	if (browserStart.status === 'fulfilled') browser = browserStart.value;
	if (n8nStart.status === 'rejected') throw n8nStart.reason;
	if (browserStart.status === 'rejected') throw browserStart.reason;
	const n8nInstance = instance();
	if (!browser) throw new Error('Chromium did not start');
	session = new EditorSession(browser.context, n8nInstance.url, () => `n8n log (last lines):\n${n8nInstance.logTail(60)}`);
	await session.signIn(OWNER.email, OWNER.password);
	process.stderr.write(
		`[ui] ${formatTimings(n8nInstance.timings)}; n8n, Chromium and sign-in ready after ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
	);
}, 600_000);

afterAll(async () => {
	await browser?.close();
	await n8n?.stop();
	await Promise.all([sm.stop(), am.stop()]);
}, 120_000);

/**
 * What n8n 2.41's node panel lists under "Triggers" for a trigger node: one "On <option>" entry
 * per option of the first field shown as "Event", "Events" or "Trigger On" (the rule in the
 * editor's bundle), or a single "On new <name> event" when that field has no options.
 */
function triggerEntries(description: { displayName: string; properties: INodeProperties[] }): string[] {
	const field = description.properties.find((property) =>
		['event', 'events', 'trigger on'].includes(property.displayName.toLowerCase()),
	);
	const options = optionsOf(field).filter((option) => !['*', '', ' '].includes(option.name));
	if (!field?.options) return [`On new ${description.displayName.replace('Trigger', '').trimEnd()} event`];
	// n8n writes the option's name in "no case": words split on dots, case changes and punctuation.
	const noCase = (text: string): string =>
		text
			.replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2')
			.replace(/[^\p{L}\d]+/gu, ' ')
			.trim()
			.toLowerCase();
	return options.map((option) => `On ${noCase(option.name)}`);
}

describe('1. the node panel', () => {
	const services = [
		{
			search: 'SimplyMeet',
			icon: 'SimplyMeet/simplymeet.svg',
			trigger: typeOf('simplyMeetTrigger'),
			// One entry per option of the trigger's "Events" field.
			triggerEntries: ['On meeting cancelled', 'On meeting rescheduled', 'On meeting scheduled'],
			labels: SIMPLYMEET_EVENTS.map((event) => event.name),
			action: typeOf('simplyMeet'),
			actions: Object.values(SIMPLYMEET_MENUS.operations).flatMap((operation) => operation.actions),
		},
		{
			search: 'Airmeet',
			icon: 'Airmeet/airmeet.svg',
			trigger: typeOf('airmeetTrigger'),
			// One entry per option of the trigger's "Trigger On" field, every word of its label kept.
			triggerEntries: [
				'On booth attendance',
				'On event attendance',
				'On event created',
				'On event finished',
				'On event recording available',
				'On event reminder',
				'On event started',
				'On poll answers',
				'On questions asked',
				'On registration for any event',
				'On registration for one event',
				'On session attendance',
			],
			// What n8n's rule makes of the labels: no word may be lost on the way.
			labels: AIRMEET_TRIGGER_NAMES,
			action: typeOf('airmeet'),
			actions: Object.values(AIRMEET_MENUS.operations).flatMap((operation) => operation.actions),
		},
	];

	test.each(services)('searching "$search" lists its trigger and action node, with our icon', async (service) => {
		const flow = await startFlow(`1-node-panel-${service.search.toLowerCase()}`);
		const { page } = flow;
		try {
			await flow.step(`search "${service.search}"`, async () => {
				await searchNodePanel(page, service.search);
				const result = creatorResult(page, service.search);
				await result.waitFor();
				const [icon] = await loadedImages(result);
				expect(icon.src).toContain(`/icons/${PACKAGE}/dist/nodes/${service.icon}`);
				expect(icon.naturalWidth).toBeGreaterThan(0);
				const asset = await fetchAsset(page, icon.src);
				expect(asset.status).toBe(200);
				expect(asset.contentType).toContain('image/svg+xml');
				expect(asset.body).toContain('<svg');
			});

			await flow.step(`open ${service.search}: triggers and actions`, async () => {
				await creatorResult(page, service.search).click();
				const triggers = await creatorCategory(page, 'Triggers');
				const actions = await creatorCategory(page, 'Actions');
				expect(triggers.title).toBe(`Triggers (${service.triggerEntries.length})`);
				expect(triggers.entries.map((entry) => entry.name)).toEqual(service.triggerEntries);
				expect(service.triggerEntries).toEqual(service.labels.map((label) => `On ${label.toLowerCase()}`));
				const options = service.labels.map((name) => ({ name, value: name }));
				const field: INodeProperties = { displayName: 'Events', name: 'events', type: 'options', default: '', options };
				expect(triggerEntries({ displayName: `${service.search} Trigger`, properties: [field] })).toEqual(service.triggerEntries);
				expect(new Set(triggers.entries.map((entry) => entry.nodeType))).toEqual(new Set([service.trigger]));
				expect(actions.title).toBe(`Actions (${service.actions.length})`);
				expect(sorted(actions.entries.map((entry) => entry.name))).toEqual(sorted(service.actions));
				expect(new Set(actions.entries.map((entry) => entry.nodeType))).toEqual(new Set([service.action]));
				await expect(nodeCreator(page).getByText('Installed', { exact: true }).isVisible()).resolves.toBe(true);
				// Every icon in the panel (header, each trigger and action) has loaded.
				const icons = await loadedImages(nodeCreator(page));
				expect(new Set(icons.map((icon) => new URL(icon.src).pathname))).toEqual(
					new Set([`/icons/${PACKAGE}/dist/nodes/${service.icon}`]),
				);
				if (service.search === 'Airmeet') {
					await showActionsCategory(page);
					await expect(categoryTitleShown(page, `Actions (${service.actions.length})`)).resolves.toBe(true);
					await flow.docsScreenshot('node-panel.png', { x: 600, y: 0, width: 840, height: 900 });
				}
			});
		} finally {
			await flow.close();
		}
	});
});

describe('2. the SimplyMeet Trigger and its credential', () => {
	test('Events field, then a credential tested against the fake: a wrong key fails clearly, the right one passes', async () => {
		const flow = await startFlow('2-simplymeet-trigger');
		const { page } = flow;
		try {
			await flow.step('add the SimplyMeet Trigger from the node panel', async () => {
				await searchNodePanel(page, 'SimplyMeet');
				await creatorResult(page, 'SimplyMeet').click();
				await addFromCreator(page, 'On meeting scheduled');
				await expect(ndv(page).getByTestId('node-title-container').innerText()).resolves.toContain('SimplyMeet Trigger');
				const node = page.locator(`[data-test-id="canvas-node"][data-node-type="${typeOf('simplyMeetTrigger')}"]`);
				await node.waitFor({ state: 'attached' });
				await loadedImages(node);
			});

			await flow.step('the Events field and its options', async () => {
				await expect(ndv(page).getByText('Publishing the workflow registers a webhook in your SimplyMeet account').isVisible()).resolves.toBe(true);
				expect(await shownParameters(ndv(page))).toEqual(['events']);
				const options = await selectOptions(page, parameter(page, 'events'));
				expect(options.map(({ name, description }) => ({ name, description }))).toEqual(
					SIMPLYMEET_EVENTS.map(({ name, description }) => ({ name, description })),
				);
				expect(options.filter((option) => option.selected).map((option) => option.name)).toEqual(['Meeting Scheduled']);
			});

			await flow.step('the canvas subtitle names the chosen events by their labels', async () => {
				const type = typeOf('simplyMeetTrigger');
				await expect(waitForSubtitle(page, type, 'Meeting Scheduled')).resolves.toBe('Meeting Scheduled');
				await toggleOptions(page, parameter(page, 'events'), ['Meeting Cancelled']);
				await expect(waitForSubtitle(page, type, 'Meeting Scheduled, Meeting Cancelled')).resolves.toBe(
					'Meeting Scheduled, Meeting Cancelled',
				);
				await expect(canvasNode(page, type).innerText()).resolves.not.toContain('meetingScheduled');
			});

			await flow.step('the Docs link lands on the README section despite n8n\'s tracking query', () =>
				expectDocsLinkLands(page, 'simplyMeetTrigger', 'simplymeet-trigger'),
			);

			await flow.step('a wrong API key: the modal says why', async () => {
				const modal = await openNewCredential(page);
				await expect(modal.innerText()).resolves.toContain('SimplyMeet API');
				await expect(modal.getByTestId('parameter-input-baseUrl').locator('input').inputValue()).resolves.toBe(
					'https://secure.simplymeet.me/api',
				);
				await fillCredentialField(modal, 'apiKey', 'not-the-key');
				await fillCredentialField(modal, 'baseUrl', sm.baseUrl);
				const answer = await saveCredential(page);
				expect(answer).toEqual({
					status: 'Error',
					message: 'SimplyMeet rejected the API key: copy it again from Integrations in SimplyMeet',
				});
				await modal.getByText('Couldn’t connect with these settings').waitFor();
				await modal.getByText('More details').click();
				await modal.getByText(answer.message).waitFor();
				expect(sm.calls.some((call) => call.path === '/webhooks' && call.headers['x-api-key'] === 'not-the-key')).toBe(true);
			});

			await flow.step('the right API key: the test passes', async () => {
				const modal = credentialModal(page);
				await fillCredentialField(modal, 'apiKey', sm.apiKey);
				await expect(saveCredential(page)).resolves.toEqual({ status: 'OK', message: 'Connection successful!' });
				// n8n closes the modal once the credential it opened from a node passes its test.
				await modal.waitFor({ state: 'hidden' });
				await expect(selectedCredential(page)).resolves.toBe('SimplyMeet account');
				await page.getByTestId('credential-edit-button').click();
				await modal.getByText('Connection tested successfully').waitFor();
				await page.keyboard.press('Escape');
				await modal.waitFor({ state: 'hidden' });
			});
		} finally {
			await flow.close();
		}
	});
});

describe('3. the Airmeet Trigger and its credential', () => {
	test('regions, the docs link, then each trigger shows the event and session pickers only when it takes them; the pickers list the fake\'s data', async () => {
		const flow = await startFlow('3-airmeet-trigger');
		const { page } = flow;
		try {
			await flow.step('add the Airmeet Trigger from the node panel', async () => {
				await searchNodePanel(page, 'Airmeet');
				await creatorResult(page, 'Airmeet').click();
				const { entries } = await creatorCategory(page, 'Triggers');
				await addFromCreator(page, entries[0].name);
				await expect(ndv(page).getByTestId('node-title-container').innerText()).resolves.toContain('Airmeet Trigger');
			});

			await flow.step('credential: the regions, and Base URL only for Custom', async () => {
				const modal = await openNewCredential(page);
				await expect(modal.innerText()).resolves.toContain('Airmeet API');
				const region = modal.getByTestId('parameter-input-region');
				const regions = await selectOptions(page, region);
				expect(regions.map((option) => option.name)).toEqual(['Global / Mumbai (Default)', 'EU (Ireland)', 'US', 'Custom']);
				expect(regions.find((option) => option.selected)?.name).toBe('Global / Mumbai (Default)');
				expect(regions[0].description).toContain('https://api-gateway.airmeet.com/prod');
				expect(await shownParameters(modal)).not.toContain('baseUrl');
				await chooseOption(page, region, 'EU (Ireland)');
				expect(await shownParameters(modal)).not.toContain('baseUrl');
				await chooseOption(page, region, 'Custom');
				const baseUrl = modal.getByTestId('parameter-input-baseUrl');
				await baseUrl.waitFor();
				await expect(baseUrl.locator('input').getAttribute('placeholder')).resolves.toBe('https://api-gateway.airmeet.com/prod');
			});

			await flow.step('credential: wrong secret key fails clearly, the right pair passes', async () => {
				const modal = credentialModal(page);
				await fillCredentialField(modal, 'accessKey', am.accessKey);
				await fillCredentialField(modal, 'secretKey', 'not-the-secret');
				await fillCredentialField(modal, 'baseUrl', am.baseUrl);
				const wrong = await saveCredential(page);
				// The credential fetches its token before n8n's test request (preAuthentication), so
				// that step's message is the one users see.
				// Airmeet answers wrong keys on /auth with 400 (its API pages, Parsons).
				expect(wrong).toEqual({
					status: 'Error',
					message:
						'Airmeet did not issue an access token (HTTP 400): the access key and secret key in the Airmeet credential were not accepted (wrong, incomplete or swapped). Generate a new key pair in the Airmeet community dashboard (Integrations > API Access Key) and enter both keys in the credential. Airmeet said: "Missing or incorrect header values"',
				});
				await modal.getByText('Couldn’t connect with these settings').waitFor();
				await fillCredentialField(modal, 'secretKey', am.secretKey);
				await expect(saveCredential(page)).resolves.toEqual({ status: 'OK', message: 'Connection successful!' });
				await modal.waitFor({ state: 'hidden' });
				await expect(selectedCredential(page)).resolves.toBe('Airmeet account');
			});

			await flow.step('the Trigger field lists every trigger', async () => {
				const options = await selectOptions(page, parameter(page, 'trigger'));
				expect(options.map((option) => option.name)).toEqual(AIRMEET_TRIGGER_NAMES);
			});

			await flow.step('the Docs link lands on the README section despite n8n\'s tracking query', () =>
				expectDocsLinkLands(page, 'airmeetTrigger', 'airmeet-trigger'),
			);

			await flow.step('Event and Session fields appear exactly for the triggers that take them', async () => {
				const seen: Record<string, string[]> = {};
				const expected: Record<string, string[]> = {};
				const subtitles: Record<string, string> = {};
				for (const trigger of AIRMEET_TRIGGERS) {
					await chooseOption(page, parameter(page, 'trigger'), trigger.label);
					subtitles[trigger.label] = await waitForSubtitle(page, typeOf('airmeetTrigger'), trigger.label);
					const want = ['trigger'];
					if (trigger.scope !== 'community') want.push('airmeetId');
					if (trigger.scope === 'session') want.push('sessionId');
					expected[trigger.label] = want;
					// The fields re-render after the choice: wait for them to settle, then compare all at once.
					seen[trigger.label] = await waitFor(
						async () => {
							const shown = (await shownParameters(ndv(page))).filter((name) => name !== 'options');
							return JSON.stringify(shown) === JSON.stringify(want) ? shown : undefined;
						},
						10_000,
						200,
						`the fields of "${trigger.label}"`,
					).catch(async () => (await shownParameters(ndv(page))).filter((name) => name !== 'options'));
				}
				expect(seen).toEqual(expected);
				// The canvas subtitle follows the choice, by its label.
				expect(subtitles).toEqual(Object.fromEntries(AIRMEET_TRIGGERS.map((trigger) => [trigger.label, trigger.label])));
			});

			await flow.step('an event-scoped trigger: the event picker lists the fake\'s events and searches them', async () => {
				await chooseOption(page, parameter(page, 'trigger'), 'Registration for One Event');
				const event = resourceLocator(page, 'airmeetId');
				await event.waitFor();
				const modes = await selectOptions(page, event.getByTestId('rlc-mode-selector'));
				expect(modes.map((mode) => mode.name)).toEqual(['From list', 'By ID', 'By URL']);
				const all = await locatorEntries(page, event);
				expect(all).toEqual(am.events.map((candidate) => eventLabel(candidate.name)));
				await flow.docsScreenshot('airmeet-trigger-event-picker.png');
				const found = await locatorEntries(page, event, 'launch');
				expect(found).toEqual([eventLabel('Product Launch 2026')]);
				await chooseLocatorEntry(page, event, 'Product Launch 2026');
			});

			await flow.step('the session trigger: the session picker lists the chosen event\'s sessions', async () => {
				await chooseOption(page, parameter(page, 'trigger'), 'Session Attendance');
				const event = resourceLocator(page, 'airmeetId');
				const session = resourceLocator(page, 'sessionId');
				await session.waitFor();
				await locatorEntries(page, event, 'meetup');
				await chooseLocatorEntry(page, event, 'Community Meetup');
				await expect(locatorEntries(page, session)).resolves.toEqual(['Networking Hour (2026-12-01, CREATED)']);
				await closeLocatorList(page);
				await locatorEntries(page, event, 'launch');
				await chooseLocatorEntry(page, event, 'Product Launch 2026');
				await expect(locatorEntries(page, session)).resolves.toEqual([
					'Opening Keynote (2026-12-01, CREATED)',
					'Hands-on Workshop (2026-12-01, CREATED)',
				]);
				await chooseLocatorEntry(page, session, 'Opening Keynote');
			});
		} finally {
			await flow.close();
		}
	});
});

describe('4. Listen for test event', () => {
	test('a delivery from the fake shows in the output panel, and the test hook is removed afterwards', async () => {
		const credential = await fakeCredential('simplyMeetApi');
		const flow = await startFlow('4-test-event');
		const { page } = flow;
		try {
			await flow.step('add the SimplyMeet Trigger with its credential', async () => {
				await searchNodePanel(page, 'SimplyMeet');
				await creatorResult(page, 'SimplyMeet').click();
				await addFromCreator(page, 'On meeting scheduled');
				await chooseCredential(page, credential);
			});

			const testHook = await flow.step('listen: n8n registers a test webhook in SimplyMeet', async () => {
				const before = new Set(sm.hooks.map((hook) => hook.uuid));
				await outputPanel(page).getByRole('button', { name: 'Test this trigger' }).click();
				await ndv(page).getByTestId('trigger-listening').waitFor();
				const hook = await waitFor(
					() => sm.hooks.find((candidate) => !before.has(candidate.uuid) && candidate.url.includes('/webhook-test/')),
					30_000,
					200,
					'the test webhook in the fake',
				);
				expect(hook.events).toEqual(['meetingScheduled']);
				return hook;
			});

			await flow.step('a delivery: the output shows the meeting with its event', async () => {
				const deliveries = await sm.deliver('meetingScheduled');
				expect(deliveries.map((delivery) => ({ url: delivery.url, status: delivery.status }))).toEqual([
					{ url: testHook.url, status: 200 },
				]);
				await expect(outputItemCount(page)).resolves.toBe(1);
				const table = await outputTableText(page);
				expect(table.split('\n')[0].trim().startsWith('event')).toBe(true);
				expect(table).toContain('meetingScheduled');
				expect(table).toContain('Ada Lovelace');
				const json = await outputJsonValues(page);
				expect(json['[0].event']).toBe('"meetingScheduled"');
				expect(json['[0].state']).toBe('"new"');
				await flow.docsScreenshot('simplymeet-test-event.png');
			});

			await flow.step('the test webhook is gone from SimplyMeet', async () => {
				await waitFor(() => sm.hooksFor(testHook.url).length === 0, 30_000, 200, 'the test webhook to be deleted');
				expect(sm.hooks.some((hook) => hook.url.includes('/webhook-test/'))).toBe(false);
			});
		} finally {
			await flow.close();
		}
	});
});

describe('5. the action nodes', () => {
	test('SimplyMeet: the menus show every operation; "Get many webhooks" runs from the editor', async () => {
		const credential = await fakeCredential('simplyMeetApi');
		const seeded = [
			sm.seedHook({ url: 'https://crm.example.com/hooks/simplymeet', events: ['meetingScheduled', 'meetingCancelled'] }),
			sm.seedHook({ url: 'https://chat.example.com/notify', events: ['meetingRescheduled'] }),
		];
		const flow = await startFlow('5-simplymeet-action');
		const { page } = flow;
		try {
			await flow.step('add "Get many webhooks" from the node panel', async () => {
				await searchNodePanel(page, 'SimplyMeet');
				await creatorResult(page, 'SimplyMeet').click();
				await creatorCategory(page, 'Actions');
				const listWebhooks = actionOf(SIMPLYMEET_MENUS, 'webhook', 'Get Many');
				await addFromCreator(page, listWebhooks);
				await expect(ndv(page).getByTestId('node-title-container').innerText()).resolves.toContain(listWebhooks);
				await page.locator(`[data-test-id="canvas-node"][data-node-type="${typeOf('simplyMeet')}"]`).waitFor({ state: 'attached' });
				await chooseCredential(page, credential);
			});

			await flow.step('the Resource and Operation menus', async () => {
				const resources = (await selectOptions(page, parameter(page, 'resource'))).map((option) => option.name);
				expect(without(resources, CUSTOM_API_CALL)).toEqual(SIMPLYMEET_MENUS.resources.map((resource) => resource.name));
				const operations = await selectOptions(page, parameter(page, 'operation'));
				expect(without(operations.map((option) => option.name), CUSTOM_API_CALL)).toEqual(SIMPLYMEET_MENUS.operations.webhook.names);
				expect(operations.find((option) => option.selected)?.name).toBe('Get Many');
			});

			await flow.step('Execute step: the account\'s webhooks, without their secrets', async () => {
				await ndv(page).getByTestId('node-execute-button').click();
				await expect(outputItemCount(page)).resolves.toBe(sm.hooks.length);
				const table = await outputTableText(page);
				for (const hook of seeded) {
					expect(table).toContain(hook.url);
					expect(table).not.toContain(String(hook.secret));
				}
				expect(table).toContain('hasSecret');
			});
		} finally {
			await flow.close();
		}
	});

	test('Airmeet: the menus show every operation of every resource; "Get many events" runs from the editor', async () => {
		const credential = await fakeCredential('airmeetApi');
		const flow = await startFlow('5-airmeet-action');
		const { page } = flow;
		try {
			await flow.step('add "Get many events" from the node panel', async () => {
				await searchNodePanel(page, 'Airmeet');
				await creatorResult(page, 'Airmeet').click();
				await creatorCategory(page, 'Actions');
				await addFromCreator(page, actionOf(AIRMEET_MENUS, 'event', 'Get Many'));
				await page.locator(`[data-test-id="canvas-node"][data-node-type="${typeOf('airmeet')}"]`).waitFor({ state: 'attached' });
				await chooseCredential(page, credential);
			});

			await flow.step('the Resource and Operation menus', async () => {
				const resources = (await selectOptions(page, parameter(page, 'resource'))).map((option) => option.name);
				expect(without(resources, CUSTOM_API_CALL)).toEqual(AIRMEET_MENUS.resources.map((resource) => resource.name));
				const seen: Record<string, string[]> = {};
				for (const resource of AIRMEET_MENUS.resources) {
					await chooseOption(page, parameter(page, 'resource'), resource.name);
					seen[resource.value] = without((await selectOptions(page, parameter(page, 'operation'))).map((option) => option.name), CUSTOM_API_CALL);
				}
				expect(seen).toEqual(
					Object.fromEntries(Object.entries(AIRMEET_MENUS.operations).map(([resource, operation]) => [resource, operation.names])),
				);
				await chooseOption(page, parameter(page, 'resource'), 'Event');
				await chooseOption(page, parameter(page, 'operation'), 'Get Many');
			});

			await flow.step('Execute step: the community\'s events', async () => {
				await ndv(page).getByTestId('node-execute-button').click();
				await expect(outputItemCount(page)).resolves.toBe(am.events.length);
				const table = await outputTableText(page);
				for (const event of am.events) expect(table).toContain(event.name);
			});

			await flow.step('Participant > Add: its fields, for an event picked from the list', async () => {
				await chooseOption(page, parameter(page, 'resource'), 'Participant');
				await chooseOption(page, parameter(page, 'operation'), 'Add');
				const event = resourceLocator(page, 'airmeetId');
				await event.waitFor();
				await locatorEntries(page, event, 'launch');
				await chooseLocatorEntry(page, event, 'Product Launch 2026');
				const shown = await waitFor(
					async () => {
						const names = await shownParameters(ndv(page));
						return PARTICIPANT_ADD_FIELDS.every((name) => names.includes(name)) ? names : undefined;
					},
					10_000,
					200,
					'the fields of Participant > Add',
				);
				expect(shown.filter((name) => OTHER_OPERATIONS_FIELDS.has(name))).toEqual([]);
				await flow.docsScreenshot('airmeet-participant-add.png');
			});
		} finally {
			await flow.close();
		}
	});
});
