/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

import { release } from '../scripts/release';

const ROOT = path.resolve(__dirname, '..');
// release() commits with git's own identity settings: give this test run one.
Object.assign(process.env, {
	GIT_AUTHOR_NAME: 'Release Test',
	GIT_COMMITTER_NAME: 'Release Test',
	GIT_AUTHOR_EMAIL: 'release@test.invalid',
	GIT_COMMITTER_EMAIL: 'release@test.invalid',
});

function git(cwd: string, ...args: string[]): string {
	return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

/** A git checkout holding this project's package.json and CHANGELOG.md, all committed. */
function checkout(changelog = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8')): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-test-'));
	fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
	fs.writeFileSync(path.join(dir, 'CHANGELOG.md'), changelog);
	git(dir, 'init', '-q');
	git(dir, 'add', '.');
	git(dir, 'commit', '-q', '-m', 'start');
	return dir;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

test('release bumps the version, dates the Unreleased section, commits and tags', () => {
	const dir = checkout();
	dirs.push(dir);
	const before = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version as string;
	const [major, minor] = before.split('.').map(Number);
	const expected = `${major}.${minor + 1}.0`;

	expect(release('minor', dir, '2026-12-02')).toEqual({ version: expected, tag: `v${expected}` });

	expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version).toBe(expected);
	const changelog = fs.readFileSync(path.join(dir, 'CHANGELOG.md'), 'utf8');
	expect(changelog).toContain(`## [Unreleased]\n\n## [${expected}] - 2026-12-02\n`);
	expect(changelog).toMatch(new RegExp(`^\\[Unreleased\\]: .+/compare/v${expected.replace(/\./g, '\\.')}\\.\\.\\.HEAD$`, 'm'));
	expect(changelog).toMatch(new RegExp(`^\\[${expected.replace(/\./g, '\\.')}\\]: .+/compare/v${before.replace(/\./g, '\\.')}\\.\\.\\.v`, 'm'));
	expect(git(dir, 'tag', '--list')).toBe(`v${expected}`);
	expect(git(dir, 'log', '-1', '--format=%s')).toBe(`Release ${expected}`);
	expect(git(dir, 'status', '--porcelain')).toBe('');
});

test('release refuses an empty Unreleased section and a dirty tree, changing nothing', () => {
	const empty = checkout('# Changelog\n\n## [Unreleased]\n\n## [0.1.0] - 2026-11-23\n\n- first\n');
	dirs.push(empty);
	expect(() => release('patch', empty)).toThrow('lists no change to release');
	expect(git(empty, 'status', '--porcelain')).toBe('');
	expect(git(empty, 'tag', '--list')).toBe('');

	const dirty = checkout();
	dirs.push(dirty);
	fs.appendFileSync(path.join(dirty, 'CHANGELOG.md'), '\n');
	expect(() => release('patch', dirty)).toThrow('uncommitted changes');
	expect(git(dirty, 'tag', '--list')).toBe('');
});
