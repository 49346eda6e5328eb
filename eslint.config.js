import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/generated/**', '.stratum/**', '**/coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The layer rule of the style guide, enforced: the domain (and its test support) knows nothing of
    // storage.
    files: ['packages/domain/**/*.ts', 'packages/testing/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@prisma/*',
                'prisma',
                'pg',
                'ioredis',
                '@stratum/prisma',
                '@stratum/adapters',
                '**/generated/**',
              ],
              message: 'The domain must not depend on storage.',
            },
          ],
        },
      ],
    },
  },
  {
    // Adapters implement the domain; they never reach up into apps.
    files: ['packages/adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@stratum/api', '**/apps/**'], message: 'Dependencies point inward.' }] },
      ],
    },
  },
  {
    // The PostgreSQL toolkit serves tests, the bench and the launcher: it depends on none of them.
    files: ['packages/postgres-toolkit/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@stratum/*', '**/apps/**'], message: 'The toolkit depends on no package of ours.' },
          ],
        },
      ],
    },
  },
  {
    // Apps go through repositories and units of work, never Prisma directly.
    files: ['apps/**/src/**/*.ts'],
    ignores: ['apps/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@prisma/*', '**/generated/**', '@stratum/prisma/client'],
              message: 'Apps use repositories, not Prisma.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^\\$(queryRawUnsafe|executeRawUnsafe)$/]',
          message: 'String-built SQL is forbidden.',
        },
      ],
    },
  },
  {
    // String-built SQL is forbidden everywhere outside tests.
    files: ['**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^\\$(queryRawUnsafe|executeRawUnsafe)$/]',
          message: 'Use $queryRaw tagged templates or TypedSQL.',
        },
      ],
    },
  },
);
