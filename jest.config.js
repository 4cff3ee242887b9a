// Two projects so that pure unit specs run without starting anything:
// - unit: specs next to their code (*.spec.ts), no services.
// - integration: suites under test/ (*.int.ts, *.e2e.ts) against a real Temporal dev server and a
//   real PostgreSQL, started once in globalSetup (or taken from TEMPORAL_ADDRESS / DATABASE_URL).
// pdf.js (pdfjs-dist) is ESM only, which jest's module sandbox does not import without
// --experimental-vm-modules: its two modules are compiled to CommonJS like our own code (swc turns
// `import.meta.url` into the file's URL). Built code imports them natively.
const pdfjs = ['@swc/jest', { swcrc: false, jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }];
// The OpenID Connect client (openid-client and its oauth4webapi and jose) and the test provider
// (oidc-provider) are ESM only as well, and compiled the same way here.
const esmOnly = ['openid-client', 'oauth4webapi', 'jose', 'oidc-provider'];
const transform = {
  '^.+\\.ts$': ['@swc/jest'],
  '/node_modules/pdfjs-dist/legacy/build/pdf(\\.worker)?\\.mjs$': pdfjs,
  [`/node_modules/(${esmOnly.join('|')})/.+\\.js$`]: pdfjs,
};
const transformIgnorePatterns = [`/node_modules/(?!pdfjs-dist/|${esmOnly.map((name) => `${name}/`).join('|')})`];
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
      transformIgnorePatterns,
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.int.ts', '**/*.e2e.ts'],
      testPathIgnorePatterns: ignore,
      transform,
      transformIgnorePatterns,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      slowTestThreshold: 30,
    },
  ],
  testTimeout: 60_000,
};
