/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * One n8n process of any role (`n8n start`, `n8n worker`, `n8n webhook`) from the runtime of
 * `npm start`'s install, in its own process group, with the environment the runtime's startN8n
 * uses (which only starts `n8n start`). Queue mode needs the other two roles.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';

import { n8nEnv, runtimePaths } from '../../scripts/n8n-runtime';

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

export function startN8nRole(options: N8nRoleOptions): N8nRoleProcess {
	const paths = runtimePaths();
	if (!fs.existsSync(paths.n8nBin)) throw new Error('the n8n runtime is not installed (node scripts/n8n-runtime.js install)');
	fs.mkdirSync(options.userFolder, { recursive: true });
	fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
	const out = fs.openSync(options.logFile, 'a');
	const env = n8nEnv(options);
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
