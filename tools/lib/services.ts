/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/require-node-api-error -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * PostgreSQL and Redis for queue mode, each on loopback, a free port and its own data folder,
 * started by this process and stopped by it. Installs Debian's packages when they are missing and
 * this runs as root; otherwise says what to install.
 */
import { spawn, spawnSync } from 'child_process';
import type { ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';

import { cleanEnv } from '../../scripts/n8n-runtime';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

/** The newest PostgreSQL server binaries Debian installed (/usr/lib/postgresql/<version>/bin). */
export function findPostgresBin(): string | undefined {
	const base = '/usr/lib/postgresql';
	if (fs.existsSync(base)) {
		const versions = fs
			.readdirSync(base)
			.filter((name) => /^\d+(\.\d+)?$/.test(name) && fs.existsSync(path.join(base, name, 'bin', 'initdb')))
			.sort((a, b) => Number(b) - Number(a));
		if (versions.length > 0) return path.join(base, versions[0], 'bin');
	}
	// Elsewhere (not Debian): initdb and pg_ctl on the PATH.
	const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
	return which.status === 0 && which.stdout.trim() ? path.dirname(fs.realpathSync(which.stdout.trim())) : undefined;
}

export function findRedisServer(): string | undefined {
	const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
	return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : undefined;
}

function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): { status: number; output: string } {
	const result = spawnSync(command, args, { encoding: 'utf8', env: options.env ?? process.env, cwd: options.cwd });
	return { status: result.status ?? 1, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
}

export interface Prerequisites {
	postgresBin: string;
	redisServer: string;
	/** Packages this call installed (empty when all were there). */
	installed: string[];
}

/**
 * Makes sure PostgreSQL and Redis are installed: installs `postgresql` and `redis-server` with
 * apt-get when missing and running as root (without letting their install start the system-wide
 * services); otherwise throws with the command to run.
 */
export function ensurePrerequisites(log: (message: string) => void): Prerequisites {
	let postgresBin = findPostgresBin();
	let redisServer = findRedisServer();
	const missing = [...(postgresBin ? [] : ['postgresql']), ...(redisServer ? [] : ['redis-server'])];
	if (missing.length === 0) return { postgresBin: postgresBin as string, redisServer: redisServer as string, installed: [] };
	const command = `apt-get install -y ${missing.join(' ')}`;
	if (!isRoot() || !fs.existsSync('/usr/bin/apt-get')) {
		throw new Error(`queue mode needs ${missing.join(' and ')}: install ${missing.length > 1 ? 'them' : 'it'} with \`sudo ${command}\` and run again`);
	}
	// Debian starts a package's service on install unless policy-rc.d says no: we start our own.
	const policy = '/usr/sbin/policy-rc.d';
	const ownPolicy = !fs.existsSync(policy);
	if (ownPolicy) fs.writeFileSync(policy, '#!/bin/sh\n# written by tools/queue-mode.ts while installing; removed after\nexit 101\n', { mode: 0o755 });
	try {
		const env = { ...cleanEnv(), DEBIAN_FRONTEND: 'noninteractive' };
		log(`installing ${missing.join(' and ')} (apt-get; root) ...`);
		const update = run('apt-get', ['update'], { env });
		if (update.status !== 0) throw new Error(`apt-get update failed:\n${update.output.slice(-2000)}`);
		const install = run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
		if (install.status !== 0) throw new Error(`${command} failed:\n${install.output.slice(-2000)}`);
	} finally {
		if (ownPolicy) fs.rmSync(policy, { force: true });
	}
	postgresBin = findPostgresBin();
	redisServer = findRedisServer();
	if (!postgresBin || !redisServer) throw new Error(`${command} ran, but initdb or redis-server is still missing`);
	return { postgresBin, redisServer, installed: missing };
}

/** Waits until something accepts TCP connections on 127.0.0.1:port. */
export async function waitForPort(port: number, timeoutMs: number, what: string, alive?: () => boolean): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const open = await new Promise<boolean>((resolve) => {
			const socket = net.connect({ host: '127.0.0.1', port });
			socket.once('connect', () => {
				socket.destroy();
				resolve(true);
			});
			socket.once('error', () => resolve(false));
		});
		if (open) return;
		if (alive && !alive()) throw new Error(`${what} exited before listening on port ${port}`);
		if (Date.now() > deadline) throw new Error(`${what} is not listening on port ${port} after ${timeoutMs} ms`);
		await sleep(100);
	}
}

export interface Postgres {
	port: number;
	database: string;
	user: string;
	password: string;
	dataDir: string;
	logFile: string;
	stop(): Promise<void>;
}

/**
 * A throwaway PostgreSQL cluster in `dir` (initdb), on 127.0.0.1:port only, trusting local
 * connections, with durability off (fsync, synchronous commit): a test database, fast to write.
 * PostgreSQL refuses to run as root: as root it runs as the `postgres` user the Debian package
 * creates, through runuser.
 */
export async function startPostgres(bin: string, dir: string, port: number, log: (message: string) => void): Promise<Postgres> {
	const dataDir = path.join(dir, 'data');
	const socketDir = path.join(dir, 'socket');
	const logFile = path.join(dir, 'postgres.log');
	fs.mkdirSync(socketDir, { recursive: true });
	const asRoot = isRoot();
	let runAs: string[] = [];
	if (asRoot) {
		const user = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
		if (user.status !== 0) throw new Error('running as root, but there is no `postgres` user to run PostgreSQL as (install the postgresql package)');
		runAs = ['runuser', '-u', 'postgres', '--'];
		// Only PostgreSQL's own folder changes hands; the one above must let it through.
		spawnSync('chown', ['-R', 'postgres:postgres', dir]);
		fs.chmodSync(path.dirname(dir), 0o755);
	}
	const exec = (tool: string, args: string[]): { status: number; output: string } => {
		const [command, ...prefix] = runAs.length > 0 ? runAs : [path.join(bin, tool)];
		const full = runAs.length > 0 ? [...prefix, path.join(bin, tool), ...args] : args;
		return run(command, full, { env: { ...cleanEnv(), LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' }, cwd: dir });
	};
	const user = 'n8n';
	const password = 'n8n-queue-mode-test';
	const init = exec('initdb', ['-D', dataDir, '-U', user, '--auth=trust', '--encoding=UTF8', '--no-sync', '--no-instructions']);
	if (init.status !== 0) throw new Error(`initdb failed:\n${init.output.slice(-2000)}`);
	const options = [
		`-p ${port}`,
		"-c listen_addresses='127.0.0.1'",
		`-c unix_socket_directories='${socketDir}'`,
		'-c fsync=off',
		'-c synchronous_commit=off',
		'-c full_page_writes=off',
		'-c max_connections=100',
	].join(' ');
	const started = exec('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', options, '-w', '-t', '60', 'start']);
	if (started.status !== 0) {
		const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : '';
		throw new Error(`pg_ctl start failed:\n${started.output.slice(-2000)}\n${tail}`);
	}
	const stop = async (): Promise<void> => {
		const stopped = exec('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', '-t', '30', 'stop']);
		if (stopped.status === 0) return;
		// pg_ctl could not: end the postmaster (its pid heads postmaster.pid), then its children go too.
		try {
			const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
			if (pid > 0) process.kill(pid, 'SIGQUIT');
		} catch {
			// not running
		}
		await sleep(1000);
	};
	try {
		const database = 'n8n';
		const created = exec('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', user, database]);
		if (created.status !== 0) throw new Error(`createdb failed:\n${created.output.slice(-2000)}`);
		log(`PostgreSQL on 127.0.0.1:${port}, data in ${dataDir}${asRoot ? ' (as user postgres)' : ''}`);
		return { port, database, user, password, dataDir, logFile, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

export interface Redis {
	port: number;
	logFile: string;
	stop(): Promise<void>;
}

/** redis-server on 127.0.0.1:port, no persistence, its folder `dir`. */
export async function startRedis(binary: string, dir: string, port: number, log: (message: string) => void): Promise<Redis> {
	fs.mkdirSync(dir, { recursive: true });
	const logFile = path.join(dir, 'redis.log');
	const out = fs.openSync(logFile, 'a');
	const child: ChildProcess = spawn(
		binary,
		['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--protected-mode', 'yes'],
		{ cwd: dir, stdio: ['ignore', out, out], detached: true, env: cleanEnv() },
	);
	fs.closeSync(out);
	let exited = false;
	const gone = new Promise<void>((resolve) => child.once('exit', () => {
		exited = true;
		resolve();
	}));
	const stop = async (): Promise<void> => {
		if (exited) return;
		child.kill('SIGTERM');
		await Promise.race([gone, sleep(10_000)]);
		if (!exited) {
			child.kill('SIGKILL');
			await gone;
		}
	};
	try {
		await waitForPort(port, 15_000, 'redis-server', () => !exited);
	} catch (error) {
		await stop();
		throw new Error(`${(error as Error).message}\n${fs.readFileSync(logFile, 'utf8').slice(-1500)}`);
	}
	log(`Redis on 127.0.0.1:${port} (pid ${child.pid}), folder ${dir}`);
	return { port, logFile, stop };
}
