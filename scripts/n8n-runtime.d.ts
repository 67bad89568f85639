/** Types for scripts/n8n-runtime.js, for the TypeScript end-to-end tests. */

export declare const PACKAGE_NAME: string;

/** A tested n8n line: its pins live in n8n-runtime/<line>/. */
export type RuntimeLine = '2.x' | '1.x';
export declare const LINES: RuntimeLine[];
export declare const DEFAULT_LINE: RuntimeLine;

export interface RuntimePaths {
	line: RuntimeLine;
	root: string;
	packageName: string;
	localDir: string;
	sourceDir: string;
	runtimeDir: string;
	nodeDir: string;
	nodeBinDir: string;
	nodeBin: string;
	n8nDir: string;
	n8nBin: string;
	stampFile: string;
	installLog: string;
	lockDir: string;
}

export interface EnsureRuntimeResult extends RuntimePaths {
	/** true when this call installed (or reinstalled) n8n, false when it reused the install. */
	installed: boolean;
	ms: number;
}

export interface StartN8nOptions {
	userFolder: string;
	/** Free ports when omitted. */
	port?: number;
	brokerPort?: number;
	/** Extra environment for n8n; the caller's N8N_*, NODE_ENV and JEST_* variables are not passed on. */
	env?: Record<string, string>;
	/** n8n's output; inherited stdio when omitted. */
	logFile?: string;
	/** The runtime line (default DEFAULT_LINE, or N8N_RUNTIME_LINE). */
	line?: RuntimeLine;
}

export interface ExitInfo {
	code: number | null;
	signal: NodeJS.Signals | null;
	error?: Error;
}

export interface N8nProcess {
	url: string;
	port: number;
	brokerPort: number;
	pid: number;
	userFolder: string;
	logFile?: string;
	exited: Promise<ExitInfo>;
	/** Polls /healthz/readiness; resolves with ms since spawn. */
	waitReady(timeoutMs?: number): Promise<number>;
	/** SIGTERM to the process group, SIGKILL after 30 s. */
	stop(): Promise<void>;
	isRunning(): boolean;
	/** Why n8n exited (with the log's last lines), or undefined while it runs. */
	exitDescription(): string | undefined;
}

export declare function ensureRuntime(options?: { log?: (message: string) => void; line?: RuntimeLine }): Promise<EnsureRuntimeResult>;
/** Undefined when the installed runtime matches its lockfile and stamp, else what is wrong (one line). */
export declare function verifyRuntime(line?: RuntimeLine): string | undefined;
export declare function runtimePaths(line?: RuntimeLine): RuntimePaths;
export declare function startN8n(options: StartN8nOptions): Promise<N8nProcess>;
/** Returns the path created under <userFolder>/.n8n/nodes/node_modules/. */
export declare function linkPackage(userFolder: string, packageDir?: string, options?: { mode?: 'symlink' | 'copy' }): string;
export declare function freePort(): Promise<number>;
export declare function freePorts(count: number): Promise<number[]>;
export declare function portInUse(port: number): Promise<boolean>;
export declare function cleanEnv(extra?: Record<string, string>): Record<string, string>;
export declare function n8nEnv(options: {
	userFolder: string;
	port: number;
	brokerPort: number;
	env?: Record<string, string>;
	webhookUrl?: string;
	line?: RuntimeLine;
}): Record<string, string>;
export declare function sourceHash(line?: RuntimeLine): string;
