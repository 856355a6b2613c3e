/**
 * Tests are arranged by what they need: unit (nothing), integration (real Temporal, MongoDB-wire, SMTP), browser (the
 * same, plus Chromium), faults (the same, plus servers of their own that they take down).
 */
const transform = { '^.+\\.ts$': ['@swc/jest'] };

/** @type {import('jest').Config} */
module.exports = {
  // Integration tests wait on real servers for seconds; this is a hang guard, not a timing goal.
  testTimeout: 60_000,
  projects: [
    {
      displayName: 'unit',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      testEnvironment: 'node',
      transform,
    },
    {
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      testEnvironment: 'node',
      transform,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      // The web UI in Debian's Chromium (playwright-core) against the real app on a loopback port and the same servers.
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
      testEnvironment: 'node',
      transform,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      // Real outages of real servers (worker killed, Temporal restarted, database and SMTP stopped). `npm test` runs
      // them small (FAULTS_SIZE=small, the default); `npm run faults` at the sizes. Same servers as above:
      // jest runs a global setup shared by several projects once.
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.test.ts'],
      testEnvironment: 'node',
      transform,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
