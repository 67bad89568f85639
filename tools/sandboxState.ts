/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * What a running sandbox (tools/sandbox.ts) tells other processes, in .n8n-local/sandbox.json:
 * where its n8n and its fake services answer. `npm run simulate` reads it to reach the fakes'
 * control routes; a second `npm run sandbox` reads it to refuse starting twice.
 */
import * as fs from 'fs';
import * as path from 'path';

import { runtimePaths } from '../scripts/n8n-runtime';

export const STATE_FILE = path.join(runtimePaths().localDir, 'sandbox.json');

export interface FakeEndpoint {
	/** The fake API, as the credentials point at it. */
	apiUrl: string;
	/** Its control routes (deliver, hooks). */
	controlUrl: string;
}

export interface SandboxState {
	pid: number;
	startedAt: string;
	/** false while starting: the fakes may answer, the workflows may not be published yet. */
	ready: boolean;
	n8nUrl: string;
	simplyMeet: FakeEndpoint;
	airmeet: FakeEndpoint;
}

export function writeState(state: SandboxState): void {
	fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
	fs.writeFileSync(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
}

export function removeState(pid: number): void {
	// Only our own: a sandbox that refused to start must not remove the running one's file.
	if (readState()?.pid === pid) fs.rmSync(STATE_FILE, { force: true });
}

export function readState(): SandboxState | undefined {
	try {
		const parsed: unknown = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
		if (typeof parsed !== 'object' || parsed === null) return undefined;
		const state = parsed as Partial<SandboxState>;
		if (typeof state.pid !== 'number' || typeof state.n8nUrl !== 'string' || !state.simplyMeet || !state.airmeet) return undefined;
		return state as SandboxState;
	} catch {
		return undefined;
	}
}

export function processAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** The state of a sandbox that is running now, or undefined (a file left by a killed one is ignored). */
export function runningSandbox(): SandboxState | undefined {
	const state = readState();
	return state && processAlive(state.pid) ? state : undefined;
}
