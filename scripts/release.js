'use strict';
/**
 * `npm run release -- <patch|minor|major|x.y.z>`: bumps the version in package.json and
 * package-lock.json, turns CHANGELOG.md's Unreleased section into this version's (dated today,
 * compare links updated), commits, and makes the tag vX.Y.Z. Pushing that tag
 * (`git push origin main vX.Y.Z`) starts .github/workflows/publish.yml, which tests and publishes.
 * Nothing is pushed from here, so the release commit can be looked at first.
 *
 * Plain CommonJS, Node built-ins only.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const UNRELEASED = '## [Unreleased]';

/** CHANGELOG.md's text with the Unreleased entries moved under `## [version] - date`. */
function releaseChangelog(text, version, date) {
	const start = text.indexOf(`${UNRELEASED}\n`);
	if (start === -1) throw new Error(`CHANGELOG.md has no "${UNRELEASED}" heading`);
	const bodyStart = start + UNRELEASED.length + 1;
	const next = text.indexOf('\n## [', bodyStart);
	const body = text.slice(bodyStart, next === -1 ? undefined : next);
	if (!/^- /m.test(body)) throw new Error('CHANGELOG.md: the Unreleased section lists no change to release');
	let released = `${text.slice(0, bodyStart)}\n## [${version}] - ${date}\n${text.slice(bodyStart)}`;
	// [Unreleased]: <base>/compare/vPREVIOUS...HEAD -> compare from this version, and a link for it.
	const link = /^\[Unreleased\]: (.+)\/compare\/(v[^.\s]+\.[^.\s]+\.[^.\s]+)\.\.\.HEAD$/m.exec(released);
	if (link) {
		const [line, base, previous] = link;
		released = released.replace(
			line,
			`[Unreleased]: ${base}/compare/v${version}...HEAD\n[${version}]: ${base}/compare/${previous}...v${version}`,
		);
	}
	return released;
}

function git(args, cwd) {
	return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

function release(bump, cwd, date = new Date().toISOString().slice(0, 10)) {
	if (!bump) throw new Error('usage: npm run release -- <patch|minor|major|x.y.z>');
	if (git(['status', '--porcelain'], cwd)) throw new Error('the working tree has uncommitted changes: commit or stash them first');
	const changelogFile = path.join(cwd, 'CHANGELOG.md');
	const changelog = fs.readFileSync(changelogFile, 'utf8');
	// Checked before anything changes: a release without changelog entries stops here.
	releaseChangelog(changelog, '0.0.0', date);
	execFileSync('npm', ['version', bump, '--no-git-tag-version'], { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
	const { version } = JSON.parse(fs.readFileSync(path.join(cwd, 'package.json'), 'utf8'));
	const tag = `v${version}`;
	if (git(['tag', '--list', tag], cwd)) throw new Error(`tag ${tag} exists already`);
	fs.writeFileSync(changelogFile, releaseChangelog(changelog, version, date));
	const files = ['package.json', 'CHANGELOG.md', ...(fs.existsSync(path.join(cwd, 'package-lock.json')) ? ['package-lock.json'] : [])];
	git(['add', ...files], cwd);
	git(['commit', '-m', `Release ${version}`], cwd);
	git(['tag', '-a', tag, '-m', `Release ${version}`], cwd);
	return { version, tag };
}

module.exports = { releaseChangelog, release };

if (require.main === module) {
	try {
		const { tag } = release(process.argv[2], path.resolve(__dirname, '..'));
		process.stdout.write(`Committed and tagged ${tag}. Publish it with: git push origin main ${tag}\n`);
	} catch (error) {
		process.stderr.write(`${error.message}\n`);
		process.exit(1);
	}
}
