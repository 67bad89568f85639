/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * Helpers for the editor tests: headless Chromium through playwright-core, and the pieces of
 * n8n 2.41's editor the tests click (selectors are n8n's own `data-test-id` attributes, read off
 * the real DOM of that version).
 *
 * Every flow starts on a new workflow and is cut into steps; a step that fails leaves its
 * screenshot, HTML and notes in .artifacts/ui/ (git-ignored) with -FAILED in the name, and every
 * step that passes leaves its screenshot there too.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, selectors, type BrowserContext, type ConsoleMessage, type Locator, type Page } from 'playwright-core';

import { chromiumVersion, ensureChromium } from '../../scripts/ensure-chromium';
import { waitFor } from '../e2e/n8n';

export const ROOT = path.resolve(__dirname, '..', '..');
export const ARTIFACTS_DIR = path.join(ROOT, '.artifacts', 'ui');
export const DOCS_DIR = path.join(ROOT, 'docs');
export const PACKAGE = 'n8n-nodes-simplymeet-airmeet';

/** The flags the issue prescribes; Playwright adds --headless and the fresh --user-data-dir. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

const VIEWPORT = { width: 1440, height: 900 };
/** Generous: two cores, and other engineers' n8n instances running beside this one. */
const ACTION_TIMEOUT_MS = 30_000;
const NAVIGATION_TIMEOUT_MS = 90_000;

function log(message: string): void {
	process.stderr.write(`[ui] ${message}\n`);
}

function slug(text: string): string {
	return text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
}

export interface EditorBrowser {
	context: BrowserContext;
	executablePath: string;
	close(): Promise<void>;
}

/**
 * Starts headless Chromium (installing Debian's package first when it is missing and we are
 * root) with a fresh profile folder, deleted again by close().
 */
export async function launchEditorBrowser(): Promise<EditorBrowser> {
	const executablePath = ensureChromium({ log });
	log(`${executablePath}: ${chromiumVersion(executablePath)}`);
	selectors.setTestIdAttribute('data-test-id');
	const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-ui-chromium-'));
	let context: BrowserContext;
	try {
		context = await chromium.launchPersistentContext(userDataDir, {
			executablePath,
			headless: true,
			args: CHROMIUM_ARGS,
			viewport: VIEWPORT,
			deviceScaleFactor: 1,
			timeout: 120_000,
		});
	} catch (error) {
		fs.rmSync(userDataDir, { recursive: true, force: true });
		throw error;
	}
	context.setDefaultTimeout(ACTION_TIMEOUT_MS);
	context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
	return {
		context,
		executablePath,
		async close() {
			await context.close().catch(() => undefined);
			fs.rmSync(userDataDir, { recursive: true, force: true });
		},
	};
}

/** Clears this run's screenshots (only ours: .artifacts/ui). */
export function resetArtifacts(): void {
	fs.rmSync(ARTIFACTS_DIR, { recursive: true, force: true });
	fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
}

/**
 * The signed-in editor. Flows take turns on one tab: a flow that passes hands its tab to the
 * next, which opens a new workflow from the sidebar (1-2 s) instead of loading the editor again
 * (6-10 s on two cores); a flow that fails closes its tab, so the next one starts clean.
 */
export class EditorSession {
	private spare?: Page;

	constructor(
		readonly context: BrowserContext,
		readonly baseUrl: string,
		/** Extra notes for failures, e.g. the tail of n8n's log. */
		readonly diagnostics: () => string = () => '',
	) {}

	/** Signs in on n8n's sign-in page, as a user does; the tab is kept for the first flow. */
	async signIn(email: string, password: string): Promise<void> {
		const page = await this.context.newPage();
		try {
			await page.goto(`${this.baseUrl}/signin`);
			await page.getByTestId('signin-form').waitFor();
			await page.locator('input[name="emailOrLdapLoginId"]').fill(email);
			await page.locator('input[name="password"]').fill(password);
			await page.getByTestId('form-submit-button').click();
			await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
			await page.getByTestId('universal-add').waitFor();
		} catch (error) {
			await page.screenshot({ path: path.join(ARTIFACTS_DIR, '0-signin-FAILED.png') }).catch(() => undefined);
			await page.close();
			throw error;
		}
		this.spare = page;
	}

	/** Starts a flow on a new, empty workflow. */
	async flow(name: string): Promise<Flow> {
		let page = this.spare;
		this.spare = undefined;
		if (page) {
			try {
				await newWorkflowFromSidebar(page);
			} catch (error) {
				const shot = path.join(ARTIFACTS_DIR, `${name}-00-new-workflow-in-open-tab-failed.png`);
				await page.screenshot({ path: shot }).catch(() => undefined);
				log(`${name}: could not open a new workflow in the open tab (${(error as Error).message}; ${path.relative(ROOT, shot)}); opening a new tab`);
				await page.close({ runBeforeUnload: false }).catch(() => undefined);
				page = undefined;
			}
		}
		const fresh = page === undefined;
		const tab = page ?? (await this.context.newPage());
		const flow = new Flow(tab, name, this);
		await flow.step('open a new workflow', async () => {
			if (fresh) await tab.goto(`${this.baseUrl}/workflow/new`);
			await tab.getByTestId('canvas-plus-button').waitFor();
		});
		return flow;
	}

	/** Takes back the tab of a flow that passed. */
	keep(page: Page): void {
		if (this.spare && this.spare !== page) void this.spare.close({ runBeforeUnload: false }).catch(() => undefined);
		this.spare = page;
	}
}

/** Closes the open node, then opens a new workflow from the sidebar's "+" menu. */
async function newWorkflowFromSidebar(page: Page): Promise<void> {
	const nodeView = page.getByTestId('ndv');
	if (await nodeView.isVisible()) {
		await page.getByTestId('ndv-close-button').click({ timeout: 10_000 });
		await nodeView.waitFor({ state: 'hidden', timeout: 10_000 });
	}
	if (await credentialModal(page).isVisible()) throw new Error('a credential modal is still open');
	const before = page.url();
	await page.getByTestId('universal-add').click({ timeout: 10_000 });
	await page.getByText('New workflow', { exact: true }).click({ timeout: 10_000 });
	// With an autosave still pending, n8n asks "Save changes before leaving?": the old workflow is
	// done with, so leave it.
	const leave = page.getByRole('button', { name: 'Leave without saving' });
	await waitFor(
		async () => {
			if (await leave.isVisible()) await leave.click({ timeout: 5000 });
			return page.url() !== before && new URL(page.url()).pathname.startsWith('/workflow/');
		},
		15_000,
		100,
		'a new workflow',
	);
	await page.getByTestId('canvas-plus-button').waitFor({ timeout: 10_000 });
}

/** One user flow, cut into steps that leave screenshots. */
export class Flow {
	private stepNumber = 0;

	private failed = false;

	private readonly problems: string[] = [];

	private readonly onPageError = (error: Error): void => void this.problems.push(`pageerror: ${error.message}`);

	private readonly onConsole = (message: ConsoleMessage): void => {
		if (message.type() === 'error') this.problems.push(`console: ${message.text().slice(0, 300)}`);
	};

	constructor(
		readonly page: Page,
		readonly name: string,
		private readonly session: EditorSession,
	) {
		page.on('pageerror', this.onPageError);
		page.on('console', this.onConsole);
	}

	/**
	 * Runs one step. Passing, it leaves a screenshot named after the flow and the step; failing,
	 * a screenshot, the page's HTML and notes (-FAILED), then rethrows naming the step.
	 */
	async step<T>(title: string, action: () => Promise<T>): Promise<T> {
		this.stepNumber++;
		const base = path.join(ARTIFACTS_DIR, `${this.name}-${String(this.stepNumber).padStart(2, '0')}-${slug(title)}`);
		const started = Date.now();
		try {
			const result = await action();
			await this.page.screenshot({ path: `${base}.png` });
			log(`${this.name} / ${title}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
			return result;
		} catch (error) {
			this.failed = true;
			const failed = `${base}-FAILED`;
			await this.page.screenshot({ path: `${failed}.png` }).catch(() => undefined);
			const html = await this.page.content().catch(() => '');
			fs.writeFileSync(`${failed}.html`, html);
			fs.writeFileSync(
				`${failed}.txt`,
				[
					`step: ${title}`,
					`url: ${this.page.url()}`,
					String(error instanceof Error ? error.stack : error),
					'',
					'browser:',
					...this.problems,
					'',
					this.session.diagnostics(),
				].join('\n'),
			);
			const message = error instanceof Error ? error.message : String(error);
			throw new Error(`${this.name}, step "${title}" failed (screenshot: ${path.relative(ROOT, failed)}.png): ${message}`);
		}
	}

	/**
	 * Saves the current page as a README image under docs/, on every run: the pictures always show
	 * the nodes as they are now (a failing flow stops before its picture, leaving the last good one).
	 */
	async docsScreenshot(fileName: string, clip?: { x: number; y: number; width: number; height: number }): Promise<void> {
		fs.mkdirSync(DOCS_DIR, { recursive: true });
		await this.page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height - 1);
		await dismissToasts(this.page);
		await this.page.screenshot({ path: path.join(DOCS_DIR, fileName), clip });
		log(`wrote docs/${fileName}`);
	}

	/** Ends the flow: a passing flow hands its tab on, a failing one closes it. */
	async close(): Promise<void> {
		this.page.off('pageerror', this.onPageError);
		this.page.off('console', this.onConsole);
		if (this.failed || this.page.isClosed()) {
			await this.page.close({ runBeforeUnload: false }).catch(() => undefined);
		} else {
			this.session.keep(this.page);
		}
	}
}

/** Closes n8n's toasts so that they do not cover what a screenshot should show. */
export async function dismissToasts(page: Page): Promise<void> {
	const closers = page.locator('.el-notification .el-notification__closeBtn');
	for (let i = await closers.count(); i > 0; i--) {
		await closers.first().click({ timeout: 2000 }).catch(() => undefined);
	}
	await page.locator('.el-notification').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
}

// ---- images ---------------------------------------------------------------------------------

export interface LoadedImage {
	src: string;
	naturalWidth: number;
}

/**
 * Every <img> under `scope`, once it has loaded. Fails when one is broken (complete with
 * naturalWidth 0, which is what a wrong icon path gives).
 */
export async function loadedImages(scope: Locator): Promise<LoadedImage[]> {
	const read = () =>
		scope.locator('img').evaluateAll((images) =>
			(images as Array<{ currentSrc: string; src: string; complete: boolean; naturalWidth: number }>).map((image) => ({
				src: image.currentSrc || image.src,
				complete: image.complete,
				naturalWidth: image.naturalWidth,
			})),
		);
	const images = await waitFor(
		async () => {
			const found = await read();
			return found.length > 0 && found.every((image) => image.complete) ? found : undefined;
		},
		ACTION_TIMEOUT_MS,
		200,
		'the icons to load',
	);
	const broken = images.filter((image) => image.naturalWidth === 0).map((image) => image.src);
	if (broken.length > 0) throw new Error(`broken images (naturalWidth 0): ${[...new Set(broken)].join(', ')}`);
	return images.map(({ src, naturalWidth }) => ({ src, naturalWidth }));
}

/** Fetches an image URL with the page's session: its HTTP status, content type and body. */
export async function fetchAsset(page: Page, url: string): Promise<{ status: number; contentType: string; body: string }> {
	const response = await page.request.get(url);
	return { status: response.status(), contentType: response.headers()['content-type'] ?? '', body: await response.text() };
}

// ---- node creator (the node panel) ----------------------------------------------------------

export interface CreatorEntry {
	/** What the panel shows, e.g. "On meeting scheduled" or "Get many webhooks". */
	name: string;
	/** The node type the entry adds, e.g. n8n-nodes-simplymeet-airmeet.simplyMeetTrigger. */
	nodeType: string;
}

export function nodeCreator(page: Page): Locator {
	return page.getByTestId('node-creator');
}

/** Opens the node panel from the empty canvas and types `query` into its search bar. */
export async function searchNodePanel(page: Page, query: string): Promise<void> {
	if (!(await nodeCreator(page).isVisible())) await page.getByTestId('canvas-plus-button').click();
	await page.getByTestId('node-creator-search-bar').fill(query);
}

/** A top-level result of the node panel's search, by its exact name. */
export function creatorResult(page: Page, name: string): Locator {
	return nodeCreator(page)
		.getByTestId('item-iterator-item')
		.filter({ has: page.getByTestId('node-creator-item-name').getByText(name, { exact: true }) });
}

/** The names of the top-level results listed in the node panel. */
export async function creatorResultNames(page: Page): Promise<string[]> {
	return await nodeCreator(page).getByTestId('node-creator-item-name').allInnerTexts();
}

/** The header of a category of the node details view ("Triggers (3)", "Actions (8)"). */
function categoryHeader(page: Page, prefix: string): Locator {
	return nodeCreator(page)
		.getByTestId('node-creator-category-item')
		.filter({ hasText: new RegExp(`^\\s*${prefix} \\(\\d+\\)`) });
}

/** Expands (or collapses) a category of the node details view; returns its section. */
async function setCategoryExpanded(page: Page, prefix: string, expanded: boolean): Promise<Locator> {
	const header = categoryHeader(page, prefix);
	await header.waitFor();
	const section = header.locator('xpath=..');
	const isExpanded = async () => (await section.getAttribute('data-category-collapsed')) !== 'true';
	if ((await isExpanded()) !== expanded) {
		await header.click();
		await waitFor(async () => (await isExpanded()) === expanded, 10_000, 100, `${prefix} to ${expanded ? 'expand' : 'collapse'}`);
	}
	return section;
}

const expandCategory = (page: Page, prefix: string): Promise<Locator> => setCategoryExpanded(page, prefix, true);

/** Collapses the Triggers and shows the Actions from their header on: what the README's picture shows. */
export async function showActionsCategory(page: Page): Promise<void> {
	await setCategoryExpanded(page, 'Triggers', false);
	await categoryHeader(page, 'Actions').evaluate((element) => element.scrollIntoView({ block: 'start' }));
}

/** The entries of one category of the node details view, with the node type each one adds. */
export async function creatorCategory(page: Page, prefix: 'Triggers' | 'Actions'): Promise<{ title: string; entries: CreatorEntry[] }> {
	const section = await expandCategory(page, prefix);
	const title = (await section.getByTestId('node-creator-category-item').first().innerText()).trim();
	const rows = section.locator('[data-keyboard-nav-type="action"]');
	await rows.first().waitFor();
	// n8n renders a long category in parts as it scrolls into view: scroll to the last row shown
	// until no new row appears (a bounded number of times).
	const seen = new Map<string, CreatorEntry>();
	for (let pass = 0; pass < 20; pass++) {
		const shown = await rows.evaluateAll((elements) =>
			elements.map((element) => ({
				name: element.querySelector('[data-test-id="node-creator-item-name"]')?.textContent?.trim() ?? '',
				// e.g. n8n-nodes-simplymeet-airmeet.simplyMeetTrigger-<uuid>
				nodeType: (element.getAttribute('data-keyboard-nav-id') ?? '').replace(/-[0-9a-f]{8}-[0-9a-f-]{27}$/i, ''),
			})),
		);
		const before = seen.size;
		for (const entry of shown) seen.set(`${entry.nodeType}\0${entry.name}`, entry);
		if (pass > 0 && seen.size === before) break;
		await rows.last().scrollIntoViewIfNeeded();
		await page.waitForTimeout(200);
	}
	return { title, entries: [...seen.values()] };
}

/** Clicks an entry of the node details view, which adds that node and opens it. */
export async function addFromCreator(page: Page, entryName: string): Promise<void> {
	await nodeCreator(page).getByTestId('node-creator-item-name').getByText(entryName, { exact: true }).click();
	await ndv(page).waitFor();
}

// ---- node details view (NDV) ----------------------------------------------------------------

export function ndv(page: Page): Locator {
	return page.getByTestId('ndv');
}

/** A parameter's input in the open node, e.g. parameter('events'). */
export function parameter(page: Page, name: string): Locator {
	return page.getByTestId(`parameter-input-${name}`);
}

/** The names of the parameters the open node shows (by their n8n parameter names). */
export async function shownParameters(scope: Locator): Promise<string[]> {
	return await scope
		.locator('[data-test-id^="parameter-input-"]')
		.evaluateAll((elements) =>
			elements
				.filter((element) => (element as unknown as { offsetParent: unknown }).offsetParent !== null)
				.map((element) => (element.getAttribute('data-test-id') ?? '').replace(/^parameter-input-/, ''))
				.filter((name) => name !== '' && name !== 'field' && name !== 'item'),
		);
}

/** Opens a select field's dropdown and returns its list (element-plus: the input names it). */
async function openSelect(page: Page, field: Locator): Promise<Locator> {
	const input = field.locator('input[aria-controls]').first();
	await input.click();
	const listId = await input.getAttribute('aria-controls');
	if (!listId) throw new Error('the select field names no option list');
	const list = page.locator(`[id="${listId}"]`);
	await list.waitFor({ state: 'visible' });
	return list;
}

async function closeSelect(page: Page, list: Locator): Promise<void> {
	if (await list.isVisible()) {
		await page.keyboard.press('Escape');
		await list.waitFor({ state: 'hidden' });
	}
}

export interface SelectOption {
	name: string;
	description: string;
	selected: boolean;
}

/** The options a select field offers (its dropdown is opened and closed again). */
export async function selectOptions(page: Page, field: Locator): Promise<SelectOption[]> {
	const list = await openSelect(page, field);
	const options = await list.locator('li[role="option"]').evaluateAll((items) =>
		items.map((item) => ({
			name: item.querySelector('.option-headline')?.textContent?.trim() ?? item.textContent?.trim() ?? '',
			description: item.querySelector('.option-description')?.textContent?.trim() ?? '',
			selected: item.getAttribute('aria-selected') === 'true',
		})),
	);
	await closeSelect(page, list);
	return options;
}

/** Chooses an option of a select field by its exact name. */
export async function chooseOption(page: Page, field: Locator, name: string): Promise<void> {
	const list = await openSelect(page, field);
	const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	await list
		.locator('li[role="option"]')
		.filter({ has: page.locator('.option-headline', { hasText: new RegExp(`^\\s*${escaped}\\s*$`) }) })
		.click();
	await list.waitFor({ state: 'hidden' }).catch(() => undefined);
}

/** Ticks (or unticks) options of a multi-select field by their exact names, then closes it. */
export async function toggleOptions(page: Page, field: Locator, names: string[]): Promise<void> {
	const list = await openSelect(page, field);
	for (const name of names) {
		await list.locator('li[role="option"]').filter({ has: page.locator('.option-headline', { hasText: name }) }).click();
	}
	await closeSelect(page, list);
}

// ---- canvas ---------------------------------------------------------------------------------

export function canvasNode(page: Page, nodeType: string): Locator {
	return page.locator(`[data-test-id="canvas-node"][data-node-type="${nodeType}"]`);
}

/**
 * The subtitle a canvas node shows under its name, once it reads `expected` (n8n re-evaluates it
 * after a parameter changes). n8n 2.41 gives it no test id, only its CSS-module class.
 */
export async function waitForSubtitle(page: Page, nodeType: string, expected: string): Promise<string> {
	const subtitle = canvasNode(page, nodeType).locator('[class*="_subtitle_"]');
	return await waitFor(
		async () => {
			const text = (await subtitle.allInnerTexts()).join(' | ').trim();
			return text === expected ? text : undefined;
		},
		10_000,
		200,
		`the canvas subtitle "${expected}"`,
	).catch(async () => (await subtitle.allInnerTexts()).join(' | ').trim());
}

// ---- docs links -----------------------------------------------------------------------------

/** The href of the open node's "Docs" link (a tab of the node details view). */
export async function docsLinkHref(page: Page, repository: string): Promise<string> {
	const link = ndv(page).locator(`a[href^="${repository}"]`).first();
	await link.waitFor({ state: 'attached' });
	const href = await link.getAttribute('href');
	if (!href) throw new Error('the Docs link has no href');
	return href;
}

/**
 * Opens `url` in a new tab, served (without network) by a stand-in page that has an element with
 * the id of every given anchor, far apart; returns the fragment the page sees and the anchor
 * scrolled into view, if any.
 */
export async function landOnAnchor(
	context: BrowserContext,
	url: string,
	anchors: string[],
): Promise<{ hash: string; inView: string | undefined }> {
	const page = await context.newPage();
	try {
		const sections = anchors.map((anchor) => `<h2 id="${anchor}">${anchor}</h2><div style="height:3000px"></div>`).join('');
		const target = `${new URL(url).origin}${new URL(url).pathname}`;
		await page.route(`${target}*`, (route) =>
			route.fulfill({ contentType: 'text/html', body: `<html><body><div style="height:3000px"></div>${sections}</body></html>` }),
		);
		await page.goto(url);
		return await page.evaluate((ids) => {
			// Runs in the page; the test's TypeScript has no DOM types.
			const browser = globalThis as unknown as {
				document: { getElementById(id: string): { getBoundingClientRect(): { top: number } } | null };
				innerHeight: number;
				location: { hash: string };
			};
			const inView = ids.find((id) => {
				const top = browser.document.getElementById(id)?.getBoundingClientRect().top ?? Number.NaN;
				return top >= -1 && top < browser.innerHeight;
			});
			return { hash: browser.location.hash, inView };
		}, anchors);
	} finally {
		await page.close();
	}
}

/** A resource locator field (From list / By ID / By URL) by its parameter name. */
export function resourceLocator(page: Page, name: string): Locator {
	return page.getByTestId(`resource-locator-${name}`);
}

/** Opens a resource locator's list, optionally types a search, and returns the entries shown. */
export async function locatorEntries(page: Page, field: Locator, search?: string): Promise<string[]> {
	await field.getByTestId('rlc-input').click();
	const searchBox = page.getByTestId('rlc-search');
	await searchBox.waitFor();
	if (search !== undefined) await searchBox.fill(search);
	const items = page.getByTestId('rlc-item');
	// The list loads from the node's search method: wait until it has settled on something.
	let previous = '';
	await waitFor(
		async () => {
			const texts = (await items.allInnerTexts()).map((text) => text.trim());
			const joined = texts.join('\n');
			const settled = texts.length > 0 && joined === previous;
			previous = joined;
			return settled;
		},
		ACTION_TIMEOUT_MS,
		300,
		'the list to show entries',
	);
	return (await items.allInnerTexts()).map((text) => text.trim());
}

/** Closes an open resource locator list without choosing. */
export async function closeLocatorList(page: Page): Promise<void> {
	const searchBox = page.getByTestId('rlc-search');
	if (!(await searchBox.isVisible())) return;
	await page.keyboard.press('Escape');
	await searchBox.waitFor({ state: 'hidden' });
}

/** Clicks an entry of the open resource locator list. */
export async function chooseLocatorEntry(page: Page, field: Locator, startsWith: string): Promise<void> {
	await page.getByTestId('rlc-item').filter({ hasText: startsWith }).first().click();
	await waitFor(async () => (await field.getByTestId('rlc-input').inputValue()).startsWith(startsWith), 10_000, 100, `"${startsWith}" to be chosen`);
}

// ---- credentials ----------------------------------------------------------------------------

export function credentialModal(page: Page): Locator {
	return page.getByTestId('editCredential-modal');
}

/** From the open node: opens the modal that creates a new credential of the node's type. */
export async function openNewCredential(page: Page): Promise<Locator> {
	const empty = page.getByTestId('node-credentials-empty-state');
	const select = page.getByTestId('node-credentials-select');
	await empty.or(select).first().waitFor();
	if (await empty.isVisible()) {
		await empty.click();
	} else {
		await select.click();
		await page.getByTestId('node-credentials-select-item-new').click();
	}
	const modal = credentialModal(page);
	await modal.waitFor();
	return modal;
}

export async function fillCredentialField(modal: Locator, name: string, value: string): Promise<void> {
	const input = modal.getByTestId(`parameter-input-${name}`).locator('input').first();
	await input.fill(value);
}

export interface CredentialTestAnswer {
	status: string;
	message: string;
}

/** Presses Save in the credential modal; n8n then tests the credential: returns that test's answer. */
export async function saveCredential(page: Page): Promise<CredentialTestAnswer> {
	const tested = page.waitForResponse(
		(response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/rest/credentials/test',
		{ timeout: 60_000 },
	);
	await credentialModal(page).getByTestId('credential-save-button').click();
	const body = (await (await tested).json()) as { data?: CredentialTestAnswer };
	if (!body.data) throw new Error(`unexpected credential test answer: ${JSON.stringify(body)}`);
	return body.data;
}

/** Chooses one of the existing credentials in the open node's credential field. */
export async function chooseCredential(page: Page, name: string): Promise<void> {
	await page.getByTestId('node-credentials-select').click();
	await page.getByTestId(/^node-credentials-select-item-/).filter({ hasText: name }).first().click();
	await waitFor(async () => (await selectedCredential(page)) === name, 10_000, 100, `credential "${name}" to be chosen`);
}

/** The node's selected credential, as the credential field shows it. */
export async function selectedCredential(page: Page): Promise<string> {
	const select = page.getByTestId('node-credentials-select');
	await select.waitFor();
	return await select.locator('input').first().inputValue();
}

// ---- output panel ---------------------------------------------------------------------------

export function outputPanel(page: Page): Locator {
	return ndv(page).getByTestId('output-panel');
}

/**
 * Waits until the node has run and returns the output panel's item count ("1 item", "3 items").
 * When the node failed, throws with the error n8n shows instead.
 */
export async function outputItemCount(page: Page, timeoutMs = 60_000): Promise<number> {
	const panel = outputPanel(page);
	const count = panel.getByTestId('run-data-item-count').first();
	const error = panel.getByTestId('node-error-message').first();
	await count.or(error).first().waitFor({ timeout: timeoutMs });
	if (await error.isVisible()) {
		const description = await panel.getByTestId('node-error-description').first().innerText().catch(() => '');
		throw new Error(`the node failed: ${await error.innerText()}${description ? ` (${description})` : ''}`);
	}
	const text = await count.innerText();
	const match = /(\d+)\s+items?/.exec(text);
	if (!match) throw new Error(`unexpected item count "${text}"`);
	return Number(match[1]);
}

/**
 * Switches the output panel to its JSON view and returns the values it renders, by path
 * (`[0].event` → `"meetingScheduled"`, as shown). The view is virtual: only rows in sight.
 */
export async function outputJsonValues(page: Page): Promise<Record<string, string>> {
	const panel = outputPanel(page);
	await panel.getByTestId('radio-button-json').click();
	const values = panel.locator('.vjs-value [data-path]');
	await values.first().waitFor();
	const pairs = await values.evaluateAll((elements) =>
		elements.map((element) => [element.getAttribute('data-path') ?? '', element.textContent?.trim() ?? ''] as const),
	);
	return Object.fromEntries(pairs);
}

/** Switches the output panel to its table view and returns the table's text. */
export async function outputTableText(page: Page): Promise<string> {
	const panel = outputPanel(page);
	await panel.getByTestId('radio-button-table').click();
	const table = panel.locator('table').first();
	await table.waitFor();
	return await table.innerText();
}
