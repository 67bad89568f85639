/**
 * Browser tests of n8n's editor (test/ui) in headless Chromium via playwright-core, against a
 * real n8n with this package and the fake services. One file at a time (--runInBand).
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/ui'],
	testMatch: ['**/*.ui.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
	},
	testTimeout: 180_000,
};
