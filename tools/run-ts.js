#!/usr/bin/env node
// Runs a TypeScript tool (sandbox, simulate, bench, queue mode) straight from its source: each
// .ts file is transpiled to CommonJS as it is required, like ts-jest does for the tests. Type
// checking is `npm run typecheck`'s job. Usage: node tools/run-ts.js tools/sandbox.ts [args...]
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
	const source = fs.readFileSync(filename, 'utf8');
	const { outputText } = ts.transpileModule(source, {
		fileName: filename,
		compilerOptions: {
			module: ts.ModuleKind.CommonJS,
			target: ts.ScriptTarget.ES2022,
			esModuleInterop: true,
			sourceMap: false,
		},
	});
	module._compile(outputText, filename);
};

const [, , entry, ...args] = process.argv;
if (!entry) {
	console.error('usage: node tools/run-ts.js <file.ts> [args...]');
	process.exit(2);
}
process.argv = [process.argv[0], path.resolve(entry), ...args];
require(path.resolve(entry));
