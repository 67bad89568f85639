#!/usr/bin/env node
/**
 * n8n's package scanner, run offline on this package (`npm run scan`, part of `npm test`).
 *
 * `npx @n8n/scan-community-package <name>` downloads a published version and the source its npm
 * provenance points at, then lints both with the scanner's own ESLint settings: the source's
 * package.json, nodes/ and credentials/, and the tarball's compiled .js and package.json, with
 * inline `eslint-disable` comments ignored. Here the same two passes run on this checkout and on
 * the tarball `npm pack` makes from the current dist/ (so build first), using the pinned scanner's
 * exported config, patterns and ESLint options. Unlike the scanner, which shows details only when
 * it fails, every finding is printed; any error fails the run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import glob from 'fast-glob';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCANNER = '@n8n/scan-community-package';
// The scanner's own pattern for the tarball pass (scanner.mjs, analyzePackageByName).
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

function run(command, args, cwd) {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
	if (result.error) throw result.error;
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
	return result.stdout;
}

/** Unpacks `npm pack` of the checkout into `workDir`; returns the package folder. */
function packAndUnpack(workDir) {
	const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', workDir], ROOT));
	const packageDir = path.join(workDir, 'package');
	fs.mkdirSync(packageDir);
	run('tar', ['-xzf', path.join(workDir, packed.filename), '-C', packageDir, '--strip-components=1'], ROOT);
	return { packageDir, fileCount: packed.files.length, tarball: packed.filename };
}

/** Lints `patterns` under `dir` exactly as the scanner's analyzePackage() does. */
async function scanPass(scanner, dir, patterns) {
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await scanner.buildScanConfig(),
	});
	const files = glob.sync(patterns, { cwd: dir, absolute: true, ignore: ['node_modules/**', '**/package-lock.json'] });
	if (files.length === 0) throw new Error(`no files match ${patterns.join(', ')} in ${dir}`);
	const results = await eslint.lintFiles(files);
	const formatter = await eslint.loadFormatter('stylish');
	const relative = results.map((result) => ({ ...result, filePath: path.relative(dir, result.filePath) }));
	const count = (key) => results.reduce((sum, result) => sum + result[key], 0);
	return { files: files.length, errors: count('errorCount'), warnings: count('warningCount'), report: await formatter.format(relative) };
}

async function main() {
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-scan-'));
	// The scanner makes a download folder when it is loaded: keep it inside ours, removed below.
	process.env.TMPDIR = workDir;
	try {
		const scanner = await import(`${SCANNER}/scanner/scanner.mjs`);
		const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', SCANNER, 'package.json'), 'utf8'));
		const { packageDir, fileCount, tarball } = packAndUnpack(workDir);
		const passes = [
			{ name: `source (${scanner.SOURCE_FILE_PATTERNS.join(', ')})`, ...(await scanPass(scanner, ROOT, scanner.SOURCE_FILE_PATTERNS)) },
			{ name: `tarball ${tarball}, ${fileCount} files (${TARBALL_FILE_PATTERNS.join(', ')})`, ...(await scanPass(scanner, packageDir, TARBALL_FILE_PATTERNS)) },
		];
		console.log(`${SCANNER} ${version}, its rules and settings, inline eslint-disable comments ignored:`);
		for (const pass of passes) {
			console.log(`- ${pass.name}: ${pass.files} files linted, ${pass.errors} errors, ${pass.warnings} warnings`);
			if (pass.report) console.log(pass.report.replace(/^\n/, '').trimEnd());
		}
		const errors = passes.reduce((sum, pass) => sum + pass.errors, 0);
		console.log(errors === 0 ? 'scan passed: 0 errors' : `scan failed: ${errors} errors`);
		return errors === 0 ? 0 : 1;
	} finally {
		fs.rmSync(workDir, { recursive: true, force: true });
	}
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
