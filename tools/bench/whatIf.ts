/**
 * A copy of the built package with one change, to measure a node-side fix before making it in
 * nodes/: the triggers also declare a later typeVersion (`version: [1, <v>]`, defaulting to it),
 * which n8n 2.41 spares an expression evaluation per delivery (see webhook-helpers'
 * parseRequestBody: only typeVersion 1 evaluates `$parameter["options"]["binaryData"]`).
 */
import * as fs from 'fs';
import * as path from 'path';

const TRIGGERS = ['dist/nodes/SimplyMeet/SimplyMeetTrigger.node.js', 'dist/nodes/Airmeet/AirmeetTrigger.node.js'];

export function packageWithTriggerVersion(root: string, outDir: string, version: number): string {
	fs.rmSync(outDir, { recursive: true, force: true });
	fs.mkdirSync(outDir, { recursive: true });
	fs.copyFileSync(path.join(root, 'package.json'), path.join(outDir, 'package.json'));
	fs.cpSync(path.join(root, 'dist'), path.join(outDir, 'dist'), { recursive: true });
	for (const file of TRIGGERS) {
		const target = path.join(outDir, file);
		const source = fs.readFileSync(target, 'utf8');
		const patched = source.replace(/(\n\s+)version: 1,/, `$1version: [1, ${version}],$1defaultVersion: ${version},`);
		if (patched === source) throw new Error(`${file}: no "version: 1," to patch`);
		fs.writeFileSync(target, patched);
	}
	return outDir;
}
