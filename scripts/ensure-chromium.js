'use strict';
/**
 * The browser for the editor tests (test/ui): Debian's `chromium` package, driven by the
 * playwright-core library. Playwright's own browser download does not work offline, so the
 * system package is used instead.
 *
 * ensureChromium() returns the path of the Chromium binary: $CHROMIUM_PATH when set, else
 * /usr/bin/chromium. When that is missing it installs Debian's package with apt-get if this
 * process runs as root, and otherwise fails with the command to run.
 *
 * Plain CommonJS, Node built-ins only. From a shell (CI): `node scripts/ensure-chromium.js`.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');

const DEFAULT_PATH = '/usr/bin/chromium';
const APT_GET = '/usr/bin/apt-get';

function defaultLog(message) {
	process.stderr.write(`[chromium] ${message}\n`);
}

function isExecutable(file) {
	try {
		fs.accessSync(file, fs.constants.X_OK);
		return fs.statSync(file).isFile();
	} catch {
		return false;
	}
}

/** The Chromium binary to use, or undefined when there is none yet. */
function findChromium() {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) {
		if (!isExecutable(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} is not an executable file`);
		return fromEnv;
	}
	return isExecutable(DEFAULT_PATH) ? DEFAULT_PATH : undefined;
}

function aptGet(args, log) {
	log(`apt-get ${args.join(' ')}`);
	const result = spawnSync(APT_GET, ['-o', 'DPkg::Lock::Timeout=300', ...args], {
		stdio: ['ignore', 'inherit', 'inherit'],
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
	});
	if (result.error) throw result.error;
	return result.status === 0;
}

/**
 * Returns the path of a Chromium binary, installing Debian's `chromium` package first when it is
 * missing and this process is root. Throws, saying what to do, when it cannot.
 */
function ensureChromium(options = {}) {
	const log = options.log || defaultLog;
	const found = findChromium();
	if (found) return found;

	const howTo =
		'The editor tests need Chromium at /usr/bin/chromium (Debian package `chromium`). ' +
		'Install it with `sudo apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium or Chrome binary.';
	if (process.platform !== 'linux' || !isExecutable(APT_GET)) {
		throw new Error(`Chromium is missing and apt-get is not available here. ${howTo}`);
	}
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
		throw new Error(`Chromium is missing and this process is not root, so it cannot install it. ${howTo}`);
	}

	log('Chromium is missing: installing the Debian package `chromium` (about a minute)');
	const started = Date.now();
	const install = ['install', '-y', 'chromium'];
	// A fresh machine may have no package lists yet: update them once when the first try fails.
	if (!aptGet(install, log) && !(aptGet(['update'], log) && aptGet(install, log))) {
		throw new Error(`apt-get could not install chromium (see its output above). ${howTo}`);
	}
	const installed = findChromium();
	if (!installed) throw new Error(`apt-get installed chromium, but ${DEFAULT_PATH} is still missing. ${howTo}`);
	log(`installed ${installed} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
	return installed;
}

/** `chromium --version`, e.g. "Chromium 156.0.8078.73 built on Debian ..." (for logs). */
function chromiumVersion(executablePath) {
	const result = spawnSync(executablePath, ['--version'], { encoding: 'utf8', timeout: 30_000 });
	return (result.stdout || '').trim() || 'unknown version';
}

module.exports = { ensureChromium, findChromium, chromiumVersion, DEFAULT_PATH };

if (require.main === module) {
	try {
		const file = ensureChromium();
		process.stdout.write(`${file}: ${chromiumVersion(file)}\n`);
	} catch (error) {
		process.stderr.write(`${error.message}\n`);
		process.exit(1);
	}
}
