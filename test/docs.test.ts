/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * The documents: every relative link and anchor resolves, the README stays a document for the
 * people who install the nodes, and its operation lists match the nodes. (test/editor.test.ts
 * checks the codex files' docs links and the README's trigger table.)
 */
import * as fs from 'fs';
import * as path from 'path';

import { Airmeet } from '../nodes/Airmeet/Airmeet.node';
import { SimplyMeet } from '../nodes/SimplyMeet/SimplyMeet.node';
import { replaceBlock } from '../tools/lib/docsBlocks';
import { operationsBlockName, operationsMarkdown } from '../tools/lib/operationsTable';

const ROOT = path.resolve(__dirname, '..');
const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), 'utf8');
const manifest = JSON.parse(read('package.json')) as { scripts: Record<string, string>; repository: { url: string } };
/** The GitHub page of this repository: links to it with an anchor are checked against the local files. */
const REPOSITORY = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

const DOCUMENTS = [
	'README.md',
	'CONTRIBUTING.md',
	'CHANGELOG.md',
	...fs
		.readdirSync(path.join(ROOT, 'docs'))
		.filter((name) => name.endsWith('.md'))
		.map((name) => `docs/${name}`),
];

/** Markdown without fenced code blocks and inline code, where nothing is a link. */
function prose(markdown: string): string {
	return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Every link and image target of a document: `[text](target)`, `![alt](target)`, `<img src>`. */
function linkTargets(markdown: string): string[] {
	const text = prose(markdown);
	const inline = [...text.matchAll(/!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]);
	const images = [...text.matchAll(/<img\s[^>]*src="([^"]+)"/g)].map((match) => match[1]);
	return [...inline, ...images];
}

/** The anchors GitHub gives a document's headings (github-slugger's rule, duplicates numbered). */
function headingAnchors(markdown: string): Set<string> {
	const anchors = new Set<string>();
	const seen = new Map<string, number>();
	const withoutCode = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
	for (const [, heading] of withoutCode.matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
		const text = heading
			.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/<[^>]+>/g, '')
			.replace(/[`*_~]/g, (mark) => (mark === '_' ? '_' : ''));
		const base = text
			.trim()
			.toLowerCase()
			.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
			.replace(/ /g, '-');
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		anchors.add(count === 0 ? base : `${base}-${count}`);
	}
	return anchors;
}

interface Problem {
	document: string;
	target: string;
	problem: string;
}

/** What is wrong with one link of `document` (undefined when it resolves). */
function checkLink(document: string, target: string): string | undefined {
	let local = target;
	if (local.startsWith(REPOSITORY)) {
		// Links to this repository's own pages: the README at its root, or a file under blob/<branch>/.
		const rest = local.slice(REPOSITORY.length);
		const blob = /^\/blob\/[^/]+\/(.*)$/.exec(rest);
		if (rest.startsWith('#') || rest === '') local = `/README.md${rest}`;
		else if (blob) local = `/${blob[1]}`;
		else return undefined;
	} else if (/^[a-z][a-z0-9+.-]*:/i.test(local)) {
		return undefined; // another site, or mailto:
	}
	const hashAt = local.indexOf('#');
	const filePart = hashAt < 0 ? local : local.slice(0, hashAt);
	// n8n's editor appends a query to the docs link; a `:~:` ends the anchor in browsers (see the codex files).
	const anchor = hashAt < 0 ? undefined : decodeURIComponent(local.slice(hashAt + 1).split(':~:')[0]);
	const file = filePart === '' ? document : filePart.startsWith('/') ? filePart.slice(1) : path.join(path.dirname(document), filePart);
	if (!fs.existsSync(path.join(ROOT, file))) return `${file} does not exist`;
	if (anchor === undefined) return undefined;
	if (!file.endsWith('.md')) return `#${anchor} points into ${file}, which has no headings`;
	return headingAnchors(read(file)).has(anchor) ? undefined : `${file} has no heading with the anchor #${anchor}`;
}

describe('links and anchors', () => {
	test('the anchor rule is GitHub\'s', () => {
		expect([...headingAnchors('# Try it in a real n8n: `npm start`\n## A changed n8n address\n## Scaling: queue mode\n## Scaling: queue mode')]).toEqual([
			'try-it-in-a-real-n8n-npm-start',
			'a-changed-n8n-address',
			'scaling-queue-mode',
			'scaling-queue-mode-1',
		]);
		expect([...headingAnchors('## Node.js 1.x (n8n) — "tested"\n```\n# not a heading\n```')]).toEqual(['nodejs-1x-n8n--tested']);
	});

	test.each(DOCUMENTS)('every relative link and anchor of %s resolves', (document) => {
		const targets = linkTargets(read(document));
		const problems: Problem[] = targets.flatMap((target) => {
			const problem = checkLink(document, target);
			return problem ? [{ document, target, problem }] : [];
		});
		expect(problems).toEqual([]);
	});

	test('a broken link or anchor is caught', () => {
		expect(checkLink('README.md', 'docs/no-such-file.md')).toBe('docs/no-such-file.md does not exist');
		expect(checkLink('README.md', '#no-such-heading')).toBe('README.md has no heading with the anchor #no-such-heading');
		expect(checkLink('docs/performance.md', '../CONTRIBUTING.md#no-such-heading')).toBe('CONTRIBUTING.md has no heading with the anchor #no-such-heading');
		expect(checkLink('README.md', `${REPOSITORY}#nowhere:~:`)).toBe('README.md has no heading with the anchor #nowhere');
		expect(linkTargets('[a](b.md) `[c](d.md)` ![e](f.png)\n```\n[g](h.md)\n```\n<img src="i.png">')).toEqual(['b.md', 'f.png', 'i.png']);
	});

	test('every picture under docs/ is shown by a document', () => {
		const shown = new Set(
			DOCUMENTS.flatMap((document) =>
				linkTargets(read(document)).map((target) => path.join(path.dirname(document), target.split('#')[0])),
			),
		);
		const pictures = fs
			.readdirSync(path.join(ROOT, 'docs'))
			.filter((name) => name.endsWith('.png'))
			.map((name) => `docs/${name}`);
		expect(pictures.filter((picture) => !shown.has(picture))).toEqual([]);
	});
});

/**
 * The README is the page npm and n8n's Community Nodes dialog show: it is for people who install
 * the nodes. The checkable rule: it names none of this repository's development commands (every
 * script in package.json, `npm test`, `npm start`) except `npm run test:live`, which anyone with a
 * real account can run to settle the open API facts; none of the folders that are not published
 * (test/, tools/, scripts/, n8n-runtime/, .n8n-local/); and none of the development words
 * (fake services, sandbox, benchmark, harness). It links to the maintainer docs exactly once, and
 * that one line alone names the two commands a clone needs (`npm install`, `npm test`): the test
 * command CI runs is the README's.
 */
const USER_COMMANDS = new Set(['test:live']);

/** The maintainer-only material a text names, by the rule above. */
function maintainerMaterial(text: string): string[] {
	const commands = Object.keys(manifest.scripts)
		.filter((script) => !USER_COMMANDS.has(script))
		.flatMap((script) => [`npm run ${script}`, ...(script === 'test' || script === 'start' ? [`npm ${script}`] : [])]);
	return [
		...commands.filter((command) => new RegExp(`${command.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w:-])`).test(text)),
		...['test/', 'tools/', 'scripts/', 'n8n-runtime/', '.n8n-local'].filter((folder) => text.includes(folder)),
		...(text.match(/\b(fakes?|sandbox|benchmark|harness)\b/gi) ?? []),
	];
}

describe('the README is for users', () => {
	const readme = read('README.md');

	const maintainerLine = readme.split('\n').find((line) => line.includes('](CONTRIBUTING.md'));

	test('it names no development command, unpublished folder or development word', () => {
		expect(maintainerMaterial(readme.replace(maintainerLine ?? '', ''))).toEqual([]);
	});

	test('its maintainer line names the test command .ci/run runs', () => {
		expect(maintainerLine).toContain('`npm test`');
		expect(read('.ci/run')).toMatch(/^npm test$/m);
	});

	test('the rule catches maintainer material and lets the live check through', () => {
		expect(maintainerMaterial('Run `npm test`, then npm run bench -- --only=footprint against the fakes in tools/.')).toEqual([
			'npm run bench',
			'npm test',
			'tools/',
			'fakes',
		]);
		expect(maintainerMaterial('With real accounts, `npm run test:live` settles them.')).toEqual([]);
	});

	test('it links to CONTRIBUTING.md once', () => {
		expect(linkTargets(readme).filter((target) => target.split('#')[0] === 'CONTRIBUTING.md')).toHaveLength(1);
	});

	test.each([
		['SimplyMeet', new SimplyMeet().description],
		['Airmeet', new Airmeet().description],
	])('the %s operation list is the node\'s (npm run docs:operations rewrites it)', (_name, description) => {
		expect(replaceBlock(readme, operationsBlockName(description.name), operationsMarkdown(description))).toBe(readme);
	});
});
