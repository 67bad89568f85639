/** CPU time of a process tree from /proc (Linux), to measure what a phase cost n8n itself. */
import * as fs from 'fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function readStat(pid: number): { ppid: number; cpuMs: number } | undefined {
	try {
		const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name is in parentheses and may contain spaces: split after the last ')'.
		const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
		const ppid = Number(fields[1]);
		const utime = Number(fields[11]);
		const stime = Number(fields[12]);
		return { ppid, cpuMs: ((utime + stime) * 1000) / TICKS_PER_SECOND };
	} catch {
		return undefined;
	}
}

/** Pids of `root` and all its descendants. */
export function processTree(root: number): number[] {
	const children = new Map<number, number[]>();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const stat = readStat(Number(entry));
		if (!stat) continue;
		const list = children.get(stat.ppid) ?? [];
		list.push(Number(entry));
		children.set(stat.ppid, list);
	}
	const result: number[] = [];
	const queue = [root];
	while (queue.length > 0) {
		const pid = queue.shift() as number;
		result.push(pid);
		queue.push(...(children.get(pid) ?? []));
	}
	return result;
}

/** CPU milliseconds (user + system) used so far by `pid` alone. */
export function cpuMs(pid: number): number {
	return readStat(pid)?.cpuMs ?? Number.NaN;
}

/** CPU milliseconds used so far by `pid` and its live descendants (n8n and its task runner). */
export function treeCpuMs(pid: number): number {
	return processTree(pid).reduce((total, child) => total + (readStat(child)?.cpuMs ?? 0), 0);
}

/**
 * The pid of the n8n main process started with this user folder (the e2e driver does not expose
 * it): the process whose environment has N8N_USER_FOLDER=<userFolder> and whose command line is
 * `n8n <command>`.
 */
export function findN8nPid(userFolder: string, command = 'start'): number | undefined {
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
			if (!args.some((arg) => arg.endsWith('/n8n/bin/n8n')) || !args.includes(command)) continue;
			const env = fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
			if (env.includes(`N8N_USER_FOLDER=${userFolder}`)) return Number(entry);
		} catch {
			// gone, or not ours to read
		}
	}
	return undefined;
}
