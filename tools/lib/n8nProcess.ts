/**
 * One n8n process of any role (`n8n start`, `n8n worker`, `n8n webhook`) from the runtime of
 * `npm start`'s install, in its own process group, with the environment the runtime's startN8n
 * uses (which only starts `n8n start`). Queue mode needs the other two roles.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';

import { cleanEnv, runtimePaths } from '../../scripts/n8n-runtime';

export type N8nRole = 'start' | 'worker' | 'webhook';

export interface N8nRoleOptions {
	role: N8nRole;
	userFolder: string;
	/** HTTP port: the editor/API (start), the webhook server (webhook), the health server (worker). */
	port: number;
	brokerPort: number;
	/** Where n8n registers webhooks, e.g. the webhook process's URL. */
	webhookUrl: string;
	logFile: string;
	env?: Record<string, string>;
	args?: string[];
}

export interface N8nRoleProcess {
	role: N8nRole;
	pid: number;
	url: string;
	port: number;
	logFile: string;
	userFolder: string;
	isRunning(): boolean;
	/** Polls /healthz/readiness on `port`; resolves with ms since spawn. */
	waitReady(timeoutMs?: number): Promise<number>;
	/** SIGTERM to the group, SIGKILL after `graceMs`. */
	stop(graceMs?: number): Promise<void>;
	logText(): string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function status(url: string, timeoutMs: number): Promise<number> {
	return new Promise((resolve) => {
		const request = http.get(url, { timeout: timeoutMs }, (response) => {
			response.resume();
			resolve(response.statusCode ?? 0);
		});
		request.on('timeout', () => request.destroy());
		request.on('error', () => resolve(0));
	});
}

/** The runtime's environment for n8n (as scripts/n8n-runtime.js builds it), for any role. */
export function n8nRoleEnv(options: Omit<N8nRoleOptions, 'role' | 'logFile' | 'args'>): Record<string, string> {
	const paths = runtimePaths();
	const inherited = cleanEnv();
	// NODE_ENV=test (jest) makes n8n refuse to load nodes; the caller's N8N_* must not leak in.
	for (const key of Object.keys(inherited)) {
		if (key === 'NODE_ENV' || key.startsWith('JEST_') || key === 'E2E_TESTS' || key.startsWith('N8N_') || key === 'WEBHOOK_URL') {
			delete inherited[key];
		}
		if (key.startsWith('DB_') || key.startsWith('QUEUE_') || key.startsWith('EXECUTIONS_')) delete inherited[key];
	}
	return {
		...inherited,
		PATH: `${paths.nodeBinDir}${path.delimiter}${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: options.userFolder,
		N8N_PORT: String(options.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_WEBHOOK_URL: options.webhookUrl,
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_PORT: String(options.brokerPort),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		...(options.env ?? {}),
	};
}

export function startN8nRole(options: N8nRoleOptions): N8nRoleProcess {
	const paths = runtimePaths();
	if (!fs.existsSync(paths.n8nBin)) throw new Error('the n8n runtime is not installed (node scripts/n8n-runtime.js install)');
	fs.mkdirSync(options.userFolder, { recursive: true });
	fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
	const out = fs.openSync(options.logFile, 'a');
	const env = n8nRoleEnv(options);
	if (options.role === 'start') env.N8N_EDITOR_BASE_URL = `http://127.0.0.1:${options.port}/`;
	const child = spawn(paths.nodeBin, [paths.n8nBin, options.role, ...(options.args ?? [])], {
		cwd: options.userFolder,
		env,
		stdio: ['ignore', out, out],
		detached: true, // own process group: stop() ends it and its task runner together
	});
	fs.closeSync(out);
	const spawnedAt = Date.now();
	let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
	const exited = new Promise<void>((resolve) => {
		child.once('exit', (code, signal) => {
			exit = { code, signal };
			resolve();
		});
		child.once('error', () => {
			exit = { code: null, signal: null };
			resolve();
		});
	});
	const pid = child.pid ?? -1;
	const url = `http://127.0.0.1:${options.port}`;
	const logText = (): string => {
		try {
			return fs.readFileSync(options.logFile, 'utf8');
		} catch {
			return '';
		}
	};
	const groupAlive = (): boolean => {
		try {
			process.kill(-pid, 0);
			return true;
		} catch {
			return false;
		}
	};
	let stopping: Promise<void> | undefined;
	return {
		role: options.role,
		pid,
		url,
		port: options.port,
		logFile: options.logFile,
		userFolder: options.userFolder,
		isRunning: () => exit === undefined,
		logText,
		async waitReady(timeoutMs = 180_000) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				if (exit) {
					throw new Error(
						`n8n ${options.role} exited (${exit.signal ?? `code ${exit.code}`}); last lines of ${options.logFile}:\n` +
							logText().split('\n').slice(-30).join('\n'),
					);
				}
				if ((await status(`${url}/healthz/readiness`, 2000)) === 200) return Date.now() - spawnedAt;
				if (Date.now() > deadline) throw new Error(`n8n ${options.role} not ready on ${url} after ${timeoutMs} ms; see ${options.logFile}`);
				await sleep(250);
			}
		},
		stop(graceMs = 30_000) {
			stopping ??= (async () => {
				const signal = (name: NodeJS.Signals): void => {
					try {
						process.kill(-pid, name);
					} catch {
						// already gone
					}
				};
				signal('SIGTERM');
				const deadline = Date.now() + graceMs;
				while (Date.now() < deadline && (groupAlive() || !exit)) await Promise.race([exited, sleep(250)]).then(() => sleep(50));
				if (groupAlive()) signal('SIGKILL');
				await Promise.race([exited, sleep(5000)]);
				const killDeadline = Date.now() + 5000;
				while (groupAlive() && Date.now() < killDeadline) await sleep(100);
			})();
			return stopping;
		},
	};
}
