// tsc compiles only TypeScript; n8n reads the node icons (and codex files) from dist/ next to the
// compiled nodes, so they are copied over with their folder structure.
const { src, dest, task } = require('gulp');

task('build:icons', () =>
	src(['nodes/**/*.{svg,png}', 'credentials/**/*.{svg,png}', 'nodes/**/*.node.json'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist')),
);
