// Lint is also where the architecture's dependency rules live (see ../shared/docs/ARCHITECTURE.md):
// each block below forbids the imports one layer must not make.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ours = (...names) => names.flatMap((n) => [`**/${n}`, `**/${n}/**`]);
const restrict = (message, ...groups) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups.flat(), message }] }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', '.tools/', 'apps/web/dist/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', module: 'writable', require: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['libs/domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: restrict(
      'libs/domain is pure: it imports nothing else of ours and no framework or I/O.',
      ours('apps', 'workflows', 'persistence', 'temporal', 'config', 'test', 'pdf-reading'),
      // pdf.js loads modules and, given a URL, reads files: the domain gets its text through a reader (libs/pdf-reading).
      ['@nestjs/*', 'typeorm', 'pg', '@temporalio/*', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'http', 'node:http', 'child_process', 'node:child_process', 'pdfjs-dist', 'pdfjs-dist/**'],
    ),
  },
  {
    files: ['workflows/**/*.ts'],
    ignores: ['**/*.spec.ts', 'workflows/activities/**'],
    rules: {
      ...restrict(
        'Workflow code imports only libs/domain, workflows/ and @temporalio/workflow (activities by `import type`).',
        ours('apps', 'persistence', 'temporal', 'config', 'test'),
        ['@nestjs/*', 'typeorm', 'pg', '@temporalio/client', '@temporalio/worker', '@temporalio/activity', 'fs', 'node:*'],
      ),
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    files: ['libs/persistence/**/*.ts'],
    rules: restrict('libs/persistence imports only libs/domain: it knows no workflow, API or worker.', ours('apps', 'workflows', 'temporal', 'test')),
  },
  {
    // SQL has one home: the repositories of libs/persistence. (Tests and benchmarks read the
    // database to check what the product wrote; they are not the product.)
    files: ['apps/**/*.ts', 'apps/**/*.tsx', 'workflows/**/*.ts', 'libs/**/*.ts'],
    ignores: ['libs/persistence/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^(query|createQueryBuilder)$/]",
          message: 'SQL lives in libs/persistence: call a repository (one per aggregate) instead of .query() or a query builder.',
        },
      ],
    },
  },
  {
    files: ['apps/api/**/*.ts'],
    rules: restrict(
      'The API talks to Temporal through the client and workflows/contracts only.',
      ['**/worker', '**/worker/**', '**/workflows/*', '!**/workflows/contracts', '!**/workflows/contracts/**', '@temporalio/worker', '@temporalio/workflow'],
    ),
  },
);
