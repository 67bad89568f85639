/**
 * End-to-end tests against a real n8n (test/e2e). One n8n per test file, files run one at a
 * time (--runInBand): two cores cannot host several n8n instances without flaky timings.
 * The first run installs n8n (minutes), hence the long timeouts.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
	},
	testTimeout: 120_000,
	slowTestThreshold: 60,
};
