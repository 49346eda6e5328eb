import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'api',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file builds its own app on its own database and keeps no module state, so workers can
    // reuse the imported modules (Prisma's client, Fastify, zod) instead of loading them per file.
    isolate: false,
  },
});
