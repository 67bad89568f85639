/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/** CPU time of a process tree from /proc (Linux), to measure what a phase cost n8n itself. */
import * as fs from 'fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function readStat(pid: number | 'self'): { ppid: number; cpuMs: number; reapedChildrenMs: number } | undefined {
	try {
		const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name is in parentheses and may contain spaces: split after the last ')'.
		const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
		const ppid = Number(fields[1]);
		const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
		return { ppid, cpuMs: ((utime + stime) * 1000) / TICKS_PER_SECOND, reapedChildrenMs: ((cutime + cstime) * 1000) / TICKS_PER_SECOND };
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

/** CPU milliseconds the whole machine has been busy (all CPUs, /proc/stat). */
export function machineBusyMs(): number {
	const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
	// cpu user nice system idle iowait irq softirq steal ...
	const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
	return ((user + nice + system + irq + softirq + (steal || 0)) * 1000) / TICKS_PER_SECOND;
}

/**
 * Measures how busy the machine was with work other than this process and its descendants
 * (n8n, its task runner, npm, the load-time probes): this process's own CPU and that of its
 * children once they ended (the kernel adds them up when they are reaped), plus the children
 * still running at the end.
 */
export function foreignCpuSampler(): { stop: () => { ownMs: number; foreignMs: number; wallMs: number; foreignShare: number } } {
	const started = Date.now();
	const machineStart = machineBusyMs();
	const selfTotal = (): number => {
		const stat = readStat('self');
		return stat ? stat.cpuMs + stat.reapedChildrenMs : 0;
	};
	const selfStart = selfTotal();
	const liveAtStart = new Map(processTree(process.pid).slice(1).map((pid) => [pid, cpuMs(pid)]));
	return {
		stop: () => {
			const wallMs = Date.now() - started;
			let ownMs = selfTotal() - selfStart;
			for (const pid of processTree(process.pid).slice(1)) {
				const used = cpuMs(pid);
				if (Number.isFinite(used)) ownMs += used - (liveAtStart.get(pid) ?? 0);
			}
			const foreignMs = Math.max(0, machineBusyMs() - machineStart - ownMs);
			const cpus = fs.readFileSync('/proc/cpuinfo', 'utf8').split('\n').filter((row) => row.startsWith('processor')).length || 1;
			return { ownMs, foreignMs, wallMs, foreignShare: foreignMs / (wallMs * cpus) };
		},
	};
}
