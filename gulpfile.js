// tsc compiles only TypeScript; n8n reads node icons and codex files from dist/ next to the
// compiled nodes, and the package entry point lives there too.
const { src, dest, task, parallel } = require('gulp');

task('build:icons', () =>
	src(['nodes/**/*.{svg,png}', 'credentials/**/*.{svg,png}', 'nodes/**/*.node.json'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist')),
);

task('build:entry', () => src('index.js').pipe(dest('dist')));

task('build:assets', parallel('build:icons', 'build:entry'));
