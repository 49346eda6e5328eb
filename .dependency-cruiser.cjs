// The layers' promises as a graph, checked in lint (`npm run lint:deps`, part of `npm test`), so that
// nobody has to remember them: dependencies point inward (apps -> adapters -> domain), use cases
// know nothing of HTTP, apps reach Prisma only where they are wired, and no file imports itself
// back through a loop. ESLint's no-restricted-imports guards single imports; this sees the graph.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle hides which module is the lower layer; break it with a port file.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-the-model',
      severity: 'error',
      comment: 'The domain imports nothing but Node built-ins: no storage, no adapters, no apps.',
      from: { path: '^packages/domain/' },
      to: {
        path: [
          '^packages/(adapters|testing|postgres-toolkit)/',
          '^prisma/',
          '^apps/',
          'node_modules/(@prisma|prisma|pg|pg-[a-z-]+|ioredis)/',
        ],
      },
    },
    {
      name: 'testing-speaks-domain-only',
      severity: 'error',
      comment: 'Fakes and contract suites are written against the ports, never against an adapter.',
      from: { path: '^packages/testing/' },
      to: { path: ['^packages/(adapters|postgres-toolkit)/', '^prisma/', '^apps/'] },
    },
    {
      name: 'adapters-point-inward',
      severity: 'error',
      comment: 'Adapters implement the domain; they never reach up into an app.',
      from: { path: '^packages/adapters/' },
      to: { path: '^apps/' },
    },
    {
      name: 'toolkit-stands-alone',
      severity: 'error',
      comment: 'The PostgreSQL toolkit serves tests, bench and launcher; it knows none of our packages.',
      from: { path: '^packages/postgres-toolkit/' },
      to: { path: ['^packages/(domain|adapters|testing)/', '^prisma/', '^apps/'] },
    },
    {
      name: 'use-cases-know-no-http',
      severity: 'error',
      comment: 'A use case takes ports and a caller; requests, routes and presenters are the edge.',
      from: { path: '^apps/api/src/use-cases/' },
      to: { path: '^apps/api/src/(http|routes|schemas|presenters|runtime|lifecycle|metrics)/' },
    },
    {
      name: 'api-wires-prisma-in-its-roots-only',
      severity: 'error',
      comment:
        'The API reaches storage through ports; only its composition roots (the runtime, the entry ' +
        'points main.ts and seed-admin.ts) and its infrastructure edge (health probes, settings) ' +
        'touch @stratum/prisma.',
      from: {
        path: '^apps/api/src/',
        // health/ probes the database and its migrations and config/ reads settings with the
        // prisma package's env schema helpers: both are the infrastructure edge, not the logic.
        pathNot: [
          '^apps/api/src/(runtime|health|config)/',
          '^apps/api/src/(main|seed-admin)\\.ts$',
        ],
      },
      to: { path: ['^prisma/', 'node_modules/(@prisma|prisma)/'] },
    },
  ],
  options: {
    // Tests may reach across packages for harnesses; the rules are about the shipped code.
    exclude: { path: ['node_modules', '(^|/)generated/', '(^|/)dist/', '\\.test\\.ts$', '(^|/)test/'] },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    // Workspace packages resolve through their package.json "exports" to the real source files,
    // so `@stratum/prisma` shows up as ^prisma/ and the rules above see through the symlinks.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.mts', '.d.mts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
