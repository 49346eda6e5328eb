import { defineConfig } from 'vitest/config';

// One run over every workspace package; each package's own vitest.config.ts names it and sets
// what differs (timeouts for the database-backed suites).
export default defineConfig({
  test: {
    projects: ['prisma', 'packages/*', 'apps/*', 'scripts'],
  },
});
