'use strict';
/**
 * `npm start`: builds this package, installs the pinned n8n on first use (.n8n-local/runtime),
 * loads the package into a persistent n8n (.n8n-local/user) as a community package, and runs it
 * on http://127.0.0.1:5678 until Ctrl-C. Set N8N_PORT to use another port.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const runtime = require('./n8n-runtime');

const paths = runtime.runtimePaths();
const USER_FOLDER = path.join(paths.localDir, 'user');
const LOG_FILE = path.join(paths.localDir, 'n8n.log');
const PID_FILE = path.join(paths.localDir, 'n8n.pid');

function log(message) {
	process.stdout.write(`[start] ${message}\n`);
}

function fail(message) {
	process.stderr.write(`[start] ${message}\n`);
	process.exit(1);
}

function groupAlive(pid) {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** n8n starts even when it cannot load the package: say so instead of leaving it in the log. */
function warnIfPackageFailed(offset) {
	let text = '';
	try {
		text = fs.readFileSync(LOG_FILE, 'utf8').slice(offset);
	} catch {
		return;
	}
	const lines = text.split('\n');
	const at = lines.findIndex((line) => line.includes(`Failed to load package "${runtime.PACKAGE_NAME}"`));
	if (at === -1) return;
	process.stderr.write(
		`[start] WARNING: n8n could not load ${runtime.PACKAGE_NAME}: ${lines[at + 1] || '(see the log)'}\n` +
			`[start] its nodes are missing from the editor; fix the build and restart (details in ${LOG_FILE})\n`,
	);
}

async function main() {
	const started = Date.now();
	const port = Number(process.env.N8N_PORT || 5678);
	if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`N8N_PORT=${process.env.N8N_PORT} is not a port`);

	if (fs.existsSync(PID_FILE)) {
		const pid = Number(fs.readFileSync(PID_FILE, 'utf8'));
		if (Number.isInteger(pid) && pid > 0 && groupAlive(pid)) {
			fail(`an n8n started by an earlier \`npm start\` is still running (process group ${pid}); stop it with: kill -- -${pid}`);
		}
		fs.rmSync(PID_FILE, { force: true });
	}
	if (await runtime.portInUse(port)) {
		fail(`port ${port} on 127.0.0.1 is in use; stop what uses it or run with N8N_PORT=<another port> npm start`);
	}

	log('building the package (npm run build)');
	const build = spawnSync('npm', ['run', 'build'], { cwd: paths.root, stdio: 'inherit' });
	if (build.status !== 0) fail('the build failed; fix the errors above and run `npm start` again');
	log(`built in ${Math.round((Date.now() - started) / 1000)} s`);

	try {
		await runtime.ensureRuntime({ log: (m) => log(m) });
	} catch {
		fail('could not install the n8n runtime (see above)');
	}

	// A copy of package.json and dist/, as an install from Community Nodes leaves it: our code then
	// uses n8n's own n8n-workflow, so n8n recognises its error classes exactly as for users.
	const link = runtime.linkPackage(USER_FOLDER, paths.root, { mode: 'copy' });
	log(`installed the package into ${path.relative(paths.root, link)}`);

	const brokerPort = await runtime.freePort();
	fs.appendFileSync(LOG_FILE, `\n===== npm start ${new Date().toISOString()} =====\n`);
	// Your own N8N_* settings (e.g. N8N_LOG_LEVEL=debug npm start) go on to n8n.
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (key.startsWith('N8N_') && key !== 'N8N_PORT' && value !== undefined) env[key] = value;
	}
	const logOffset = fs.statSync(LOG_FILE).size;
	const n8n = await runtime.startN8n({ userFolder: USER_FOLDER, port, brokerPort, logFile: LOG_FILE, env });
	const spawned = Date.now();
	fs.writeFileSync(PID_FILE, String(n8n.pid));
	log(`starting n8n (pid ${n8n.pid}, log in ${path.relative(process.cwd(), LOG_FILE) || LOG_FILE})`);

	let stopping = false;
	const shutdown = async (why) => {
		if (stopping) return;
		stopping = true;
		log(`${why}: stopping n8n ...`);
		await n8n.stop();
		fs.rmSync(PID_FILE, { force: true });
		log('n8n stopped');
		process.exit(0);
	};
	process.on('SIGINT', () => void shutdown('Ctrl-C'));
	process.on('SIGTERM', () => void shutdown('SIGTERM'));
	process.on('SIGHUP', () => void shutdown('SIGHUP'));

	try {
		await n8n.waitReady(180_000);
	} catch (error) {
		await n8n.stop();
		fs.rmSync(PID_FILE, { force: true });
		fail(error.message);
	}
	log(`n8n is ready ${Math.round((Date.now() - spawned) / 1000)} s after its start (${Math.round((Date.now() - started) / 1000)} s in all)`);
	warnIfPackageFailed(logOffset);
	log(`editor: ${n8n.url}/   (webhooks: ${n8n.url}/webhook/...)`);
	log(`user folder: ${path.relative(process.cwd(), USER_FOLDER) || USER_FOLDER} (kept between runs)`);
	log('press Ctrl-C to stop');

	const exit = await n8n.exited;
	if (!stopping) {
		fs.rmSync(PID_FILE, { force: true });
		fail(`n8n exited on its own (${exit.signal || `code ${exit.code}`}); see ${LOG_FILE}`);
	}
}

main().catch((error) => fail(error && error.stack ? error.stack : String(error)));
