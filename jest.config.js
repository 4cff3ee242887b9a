// Two projects so that pure unit specs run without starting anything:
// - unit: specs next to their code (*.spec.ts), no services.
// - integration: suites under test/ (*.int.ts, *.e2e.ts) against a real Temporal dev server and a
//   real PostgreSQL, started once in globalSetup (or taken from TEMPORAL_ADDRESS / DATABASE_URL).
const transform = { '^.+\\.ts$': ['@swc/jest'] };
const ignore = ['/node_modules/', '/dist/', '/apps/web/'];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/workflows'],
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns: ignore,
      transform,
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.int.ts', '**/*.e2e.ts'],
      testPathIgnorePatterns: ignore,
      transform,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      slowTestThreshold: 30,
    },
  ],
  testTimeout: 60_000,
};
