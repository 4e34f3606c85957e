// Lint rules for the whole workspace; core and optimizer stay free of I/O.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ioModules = [
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'net',
  'node:net',
  'http',
  'node:http',
  'https',
  'node:https',
  'child_process',
  'node:child_process',
  'dgram',
  'node:dgram',
  'worker_threads',
  'node:worker_threads',
  'os',
  'node:os',
  'path',
  'node:path',
  'pg',
  'pg-boss',
  '@electric-sql/pglite',
  'kysely',
  'fastify',
  'exceljs',
  'pdfkit',
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'test-output/**', 'corridor-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        performance: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['packages/core/src/**/*.ts', 'packages/optimizer/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test-support/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ioModules.map((name) => ({
            name,
            message: 'core and optimizer are pure: no I/O modules.',
          })),
          patterns: [
            {
              group: ['@corridor/storage', '@corridor/server', '@corridor/cli'],
              message: 'core and optimizer do not depend on interfaces or storage.',
            },
          ],
        },
      ],
    },
  },
  {
    // The interfaces reach the data through commands (packages/commands): from storage they take
    // types and the store's lifecycle only (open it, find it, hold its lock), never a query.
    files: ['packages/cli/src/**/*.ts', 'packages/server/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test-support/**', 'packages/cli/src/command-fixtures/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@corridor/storage',
              allowTypeImports: true,
              allowImportNames: ['openStore', 'resolveConfig', 'noteServing', 'withStartupLock'],
              message:
                'the CLI and the server reach storage through a command (packages/commands); from storage they import types and the store lifecycle only.',
            },
          ],
          patterns: [
            {
              group: ['**/storage/src/**', '**/commands/src/**'],
              message: 'import the package (@corridor/storage, @corridor/commands), not its files.',
            },
          ],
        },
      ],
    },
  },
  {
    // The web talks to the server over HTTP: from the packages it takes types only, and bundles
    // by path only core's pure, zod-free modules (zod's compiled validators break the page's CSP).
    files: ['packages/web/src/**/*.ts', 'packages/web/src/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@corridor/*'],
              allowTypeImports: true,
              message: 'the web imports only types from the packages; data comes over HTTP.',
            },
            {
              group: [
                '**/storage/src/**',
                '**/server/src/**',
                '**/commands/src/**',
                '**/optimizer/src/**',
                '**/cli/src/**',
              ],
              allowTypeImports: true,
              message: 'the web reaches storage, server and commands only over HTTP.',
            },
            {
              group: [
                '**/core/src/**',
                '!**/core/src/workflow.js',
                '!**/core/src/situation.js',
                '!**/core/src/move-check.js',
                '!**/core/src/currencies.js',
                '!**/core/src/checkin-status.js',
                '!**/core/src/grievance.js',
                '!**/core/src/after-arrival.js',
                '!**/core/src/retention.js',
                '!**/core/src/slip-code.js',
                '!**/core/src/checkin-canonical.js',
                '!**/core/src/travel-together.js',
                '!**/core/src/locale.js',
              ],
              allowTypeImports: true,
              message: 'the web bundles only core modules that are pure and zod-free.',
            },
          ],
        },
      ],
    },
  },
);
