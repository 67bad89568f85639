/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- Node-side test and tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * `npm run docs:operations`: rewrites the README's operation lists from the built nodes (dist/,
 * as n8n loads them: every node package.json declares that has a Resource field).
 */
import * as fs from 'fs';
import * as path from 'path';

import type { INodeType } from 'n8n-workflow';

import { writeBlocks } from './lib/docsBlocks';
import { operationsBlockName, operationsMarkdown } from './lib/operationsTable';

const ROOT = path.resolve(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
async function main(): Promise<void> {
	const blocks: Record<string, string> = {};
	for (const file of manifest.n8n.nodes) {
		const modulePath = path.join(ROOT, file);
		if (!fs.existsSync(modulePath)) throw new Error(`${file} is missing: run \`npm run build\` first`);
		const exported = (await import(modulePath)) as Record<string, unknown>;
		for (const NodeClass of Object.values(exported)) {
			if (typeof NodeClass !== 'function') continue;
			const { description } = new (NodeClass as new () => INodeType)();
			if (!description.properties.some((property) => property.name === 'resource')) continue;
			blocks[operationsBlockName(description.name)] = operationsMarkdown(description);
		}
	}
	writeBlocks(path.join(ROOT, 'README.md'), blocks);
	process.stdout.write(`README.md: operation lists of ${Object.keys(blocks).join(', ')} rewritten\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`[docs:operations] failed: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = 1;
});
