/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * Footprint: what `npm pack` would publish, and how long a fresh process takes to require every
 * node and credential module the package declares (with n8n-workflow already loaded, as it is in
 * n8n, and cold).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import { cleanEnv, runtimePaths } from '../../scripts/n8n-runtime';
import { median } from '../lib/stats';

export interface FootprintResult {
	tarball: { filename: string; size: number; unpackedSize: number; entryCount: number };
	/** Modules timed (package.json's n8n.nodes and n8n.credentials). */
	modules: string[];
	runs: number;
	node: string;
	/** Median ms to require every module, n8n-workflow preloaded (as inside n8n). */
	loadMs: number;
	/** Median ms including loading n8n-workflow itself. */
	coldLoadMs: number;
	/** Median ms per module (n8n-workflow preloaded), in load order. */
	perModuleMs: Record<string, number>;
	/** Every run's total, preloaded. */
	loadRunsMs: number[];
}

interface PackEntry {
	filename: string;
	size: number;
	unpackedSize: number;
	entryCount: number;
}

export function packedSize(root: string): FootprintResult['tarball'] {
	const result = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: root,
		encoding: 'utf8',
		env: cleanEnv({ npm_config_update_notifier: 'false' }),
	});
	if (result.status !== 0) throw new Error(`npm pack --dry-run failed:\n${result.stderr}`);
	const [entry] = JSON.parse(result.stdout) as PackEntry[];
	return { filename: entry.filename, size: entry.size, unpackedSize: entry.unpackedSize, entryCount: entry.entryCount };
}

/** The script each fresh process runs: require n8n-workflow (optionally), then each module, timed. */
const PROBE = `
const { performance } = require('perf_hooks');
const [preload, ...modules] = JSON.parse(process.argv[1]);
const t0 = performance.now();
if (preload) require(preload);
const t1 = performance.now();
const per = {};
for (const m of modules) { const s = performance.now(); require(m); per[m] = performance.now() - s; }
const t2 = performance.now();
process.stdout.write(JSON.stringify({ preloadMs: t1 - t0, modulesMs: t2 - t1, per }));
`;

export function measureLoadTime(root: string, runs: number): Omit<FootprintResult, 'tarball'> {
	const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[]; credentials: string[] };
	};
	const modules = [...manifest.n8n.credentials, ...manifest.n8n.nodes].map((file) => path.join(root, file));
	for (const file of modules) {
		if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
	}
	// n8n-workflow as the package's own code resolves it.
	const workflowEntry = require.resolve('n8n-workflow', { paths: [path.dirname(modules[0])] });
	// The Node.js n8n runs on (the runtime's), falling back to this one.
	const nodeBin = fs.existsSync(runtimePaths().nodeBin) ? runtimePaths().nodeBin : process.execPath;
	const probe = (preload: boolean) => {
		const result = spawnSync(nodeBin, ['-e', PROBE, JSON.stringify([preload ? workflowEntry : '', ...modules])], {
			encoding: 'utf8',
			env: cleanEnv(),
		});
		if (result.status !== 0) throw new Error(`loading the modules failed:\n${result.stderr}`);
		return JSON.parse(result.stdout) as { preloadMs: number; modulesMs: number; per: Record<string, number> };
	};
	probe(true); // warms the file system cache
	const warm = Array.from({ length: runs }, () => probe(true));
	const cold = Array.from({ length: runs }, () => probe(false));
	const perModuleMs: Record<string, number> = {};
	for (const file of modules) perModuleMs[path.relative(root, file)] = median(warm.map((run) => run.per[file]));
	return {
		modules: modules.map((file) => path.relative(root, file)),
		runs,
		node: spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim(),
		loadMs: median(warm.map((run) => run.modulesMs)),
		coldLoadMs: median(cold.map((run) => run.modulesMs)),
		perModuleMs,
		loadRunsMs: warm.map((run) => run.modulesMs),
	};
}

export function measureFootprint(root: string, runs: number): FootprintResult {
	return { tarball: packedSize(root), ...measureLoadTime(root, runs) };
}
