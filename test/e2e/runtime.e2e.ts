/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * The runtime installer on a real install (the 1.x line, the smaller tree): a damaged or
 * half-finished tree is found before n8n starts, and repairing it reinstalls exactly the
 * committed lockfile's tree, leaving the lockfile byte-identical.
 */
import * as fs from 'fs';
import * as path from 'path';

import { ensureRuntime, runtimePaths, verifyRuntime } from '../../scripts/n8n-runtime';

const LINE = '1.x';
const paths = runtimePaths(LINE);
const INSTALL_TIMEOUT_MS = 15 * 60_000;
const logged: string[] = [];

function committedLockfile(): Buffer {
	return fs.readFileSync(path.join(paths.sourceDir, 'package-lock.json'));
}

/** Moves a file out of the tree (next to it, in the runtime folder) while `check` runs, then puts it back. */
function withoutFile<T>(file: string, check: () => T): T {
	const aside = path.join(paths.runtimeDir, `moved-by-test-${path.basename(file)}`);
	fs.renameSync(file, aside);
	try {
		return check();
	} finally {
		fs.renameSync(aside, file);
	}
}

beforeAll(async () => {
	await ensureRuntime({ line: LINE, log: (message) => logged.push(message) });
}, INSTALL_TIMEOUT_MS);

test('an intact install verifies, and its lockfile is the committed one byte for byte', () => {
	expect(verifyRuntime(LINE)).toBeUndefined();
	expect(fs.readFileSync(path.join(paths.runtimeDir, 'package-lock.json')).equals(committedLockfile())).toBe(true);
});

test('a missing package.json, a missing file of n8n and a missing stamp are each reported in one line', () => {
	const n8nManifest = path.join(paths.n8nDir, 'package.json');
	expect(withoutFile(n8nManifest, () => verifyRuntime(LINE))).toBe('node_modules/n8n is missing');
	const startCommand = path.join(paths.n8nDir, 'dist', 'commands', 'start.js');
	expect(withoutFile(startCommand, () => verifyRuntime(LINE))).toMatch(
		/^node_modules\/n8n has (\d+) files \(\d+ bytes\), \d+ \(\d+ bytes\) after the install$/,
	);
	expect(withoutFile(paths.stampFile, () => verifyRuntime(LINE))).toBe('an earlier install did not finish');
	expect(verifyRuntime(LINE)).toBeUndefined();
});

test('a damaged install is repaired before use: the same tree again, the lockfile untouched', async () => {
	// sqlite3 is compiled here by each install, and its build output differs by a few bytes between
	// builds: every other package must come back file for file.
	const downloaded = (): Record<string, unknown> => {
		const { fingerprint } = JSON.parse(fs.readFileSync(paths.stampFile, 'utf8')) as { fingerprint: Record<string, unknown> };
		return Object.fromEntries(Object.entries(fingerprint).filter(([key]) => key !== 'node_modules/sqlite3'));
	};
	const before = downloaded();
	fs.rmSync(path.join(paths.n8nDir, 'dist', 'commands', 'start.js'));
	logged.length = 0;

	const result = await ensureRuntime({ line: LINE, log: (message) => logged.push(message) });

	expect(result.installed).toBe(true);
	expect(logged[0]).toMatch(/^the n8n 1\.x runtime needs a reinstall: node_modules\/n8n has \d+ files/);
	expect(logged.join('\n')).toMatch(/\d+ of \d+ packages \(\d+ %\)|done in/);
	expect(logged.join('\n')).not.toMatch(/commit|copy it over|maintainer/i);
	expect(verifyRuntime(LINE)).toBeUndefined();
	expect(fs.readFileSync(path.join(paths.runtimeDir, 'package-lock.json')).equals(committedLockfile())).toBe(true);
	expect(Object.keys(before).length).toBeGreaterThan(10);
	expect(downloaded()).toEqual(before);
}, INSTALL_TIMEOUT_MS);
