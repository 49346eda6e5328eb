import { defineProject } from 'vitest/config';

// Tests of the tooling itself: the root scripts, turbo's task graph, the .env loader.
export default defineProject({
  test: {
    name: 'scripts',
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
