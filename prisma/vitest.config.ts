import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'prisma',
    include: ['src/**/*.test.ts', 'schema-engine/**/*.test.ts', 'test/**/*.test.ts'],
    // These tests run the Prisma CLI and the wasm schema engine: seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
