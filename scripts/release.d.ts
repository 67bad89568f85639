/** Types for scripts/release.js, for its test (test/release.test.ts). */

/** CHANGELOG.md's text with the Unreleased entries moved under `## [version] - date`. */
export declare function releaseChangelog(text: string, version: string, date: string): string;

/** Bumps, dates the changelog, commits and tags in the git checkout `cwd`. */
export declare function release(bump: string, cwd: string, date?: string): { version: string; tag: string };
