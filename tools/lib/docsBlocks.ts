/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Node-side tool code, not node code: the rules for code running inside n8n do not apply */
/**
 * Measured figures in the docs are written by the tool that measured them, between a pair of
 * markers (`<!-- generated:NAME -->` ... `<!-- /generated:NAME -->`), each block with the command,
 * the date and the machine it ran on. Nothing outside the markers is touched.
 */
import * as fs from 'fs';
import * as os from 'os';

const open = (name: string): string => `<!-- generated:${name} -->`;
const close = (name: string): string => `<!-- /generated:${name} -->`;

/** The text of `document` with the block `name` replaced by `body`; throws when the markers are missing. */
export function replaceBlock(document: string, name: string, body: string): string {
	const start = document.indexOf(open(name));
	const end = document.indexOf(close(name));
	if (start < 0 || end < start) throw new Error(`no block ${open(name)} ... ${close(name)} to write into`);
	return `${document.slice(0, start + open(name).length)}\n${body.trim()}\n${document.slice(end)}`;
}

/** Rewrites the blocks of `file` named in `blocks`, leaving the rest of the file as it was. */
export function writeBlocks(file: string, blocks: Record<string, string>): void {
	let document = fs.readFileSync(file, 'utf8');
	for (const [name, body] of Object.entries(blocks)) document = replaceBlock(document, name, body);
	fs.writeFileSync(file, document);
}

/** "2 cores (Intel Xeon ...), 23.4 GiB memory, Linux x64": the machine a figure was measured on. */
export function machineDescription(): string {
	const cpus = os.cpus();
	const model = cpus[0]?.model.replace(/\s+/g, ' ').trim() || 'unknown CPU';
	const memory = (os.totalmem() / 1024 ** 3).toFixed(1);
	return `${cpus.length} cores (${model}), ${memory} GiB memory, ${os.type()} ${os.arch()}`;
}

/** The line that opens every generated block: which command wrote it, when and where. */
export function provenance(command: string, when: Date, details: string[]): string {
	return [`_Written by \`${command}\` on ${when.toISOString().slice(0, 16).replace('T', ' ')} UTC`, ...details].join('; ') + '._';
}
