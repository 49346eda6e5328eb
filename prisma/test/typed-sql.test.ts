// TypedSQL through the wasm schema engine stand-in: `prisma generate --sql` describes each file in
// sql/ on a real database, and the generated functions run through $queryRawTyped. Generated into
// a scratch folder (inside the package, so that it resolves @prisma/client) to leave the shared
// client alone while other tests use it.
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatabaseConfig } from '../src/database-config';
import { packageDir } from '../src/paths';
import { createDatabase, type Database } from '../src/prisma-client';
import { createTestDatabase, runPrisma, runPrismaRaw, type TestDatabase } from '../src/testing';

// Only for this test: an outer join, an enum and a nullable column, the cases where the
// description must get nullability and names right.
const USERS_WITH_ROLES = `-- @description Every role of a user, or one row with no role.
-- @param {String} $1:email the user's email
SELECT u.email, u.status, u.deleted_at, r.name AS role
FROM users u
LEFT JOIN user_roles ur ON ur.user_id = u.id
LEFT JOIN roles r ON r.id = ur.role_id
WHERE u.email = $1
ORDER BY r.name
`;

describe('TypedSQL with the wasm schema engine', () => {
  let db: TestDatabase;
  let database: Database;
  let scratch: string;

  const generated = (file: string) => readFileSync(join(scratch, 'generated/client/sql', file), 'utf8');

  beforeAll(async () => {
    db = await createTestDatabase();
    database = createDatabase({ config: readDatabaseConfig({ DATABASE_URL: db.url }) });
    scratch = mkdtempSync(join(packageDir, '.typed-sql-test-'));
    mkdirSync(join(scratch, 'sql'));
    copyFileSync(join(packageDir, 'schema.prisma'), join(scratch, 'schema.prisma'));
    for (const file of readdirSync(join(packageDir, 'sql'))) {
      copyFileSync(join(packageDir, 'sql', file), join(scratch, 'sql', file));
    }
    writeFileSync(join(scratch, 'sql', 'usersWithRoles.sql'), USERS_WITH_ROLES);
    await runPrisma(['generate', '--sql', '--schema', join(scratch, 'schema.prisma')], {
      DATABASE_URL: db.url,
    });
  });

  afterAll(async () => {
    await database?.close();
    await db?.drop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('types parameters and columns from the database, nullable where an outer join or the column allows', () => {
    const source = generated('usersWithRoles.ts');
    expect(source).toContain('(email: string) =>');
    expect(source).toMatch(/email: string\n/);
    expect(source).toContain('status: $DbEnums["user_status"]');
    expect(source).toContain('deleted_at: Date | null');
    expect(source).toContain('role: string | null');
    expect(source).toContain("@param email the user's email");
  });

  it('generates the repository’s own typed SQL files', () => {
    const source = generated('userRoleNames.ts');
    expect(source).toContain('(userId: string) =>');
    expect(source).toMatch(/name: string\n/);
    expect(source).toMatch(/assigned_at: Date\n/);
  });

  it('runs the generated queries through $queryRawTyped', async () => {
    const { prisma } = database;
    const { usersWithRoles } = await import(join(scratch, 'generated/client/sql/usersWithRoles.ts'));
    const { userRoleNames } = await import(join(scratch, 'generated/client/sql/userRoleNames.ts'));
    const admin = await prisma.role.findUniqueOrThrow({ where: { name: 'admin' } });
    const ada = await prisma.user.create({
      data: {
        email: 'ada@example.com',
        name: 'Ada',
        passwordHash: 'x',
        roles: { create: { roleId: admin.id } },
      },
    });
    await prisma.user.create({ data: { email: 'bob@example.com', name: 'Bob', passwordHash: 'x' } });

    const roles = await prisma.$queryRawTyped(userRoleNames(ada.id));
    expect(roles).toEqual([{ name: 'admin', assigned_at: expect.any(Date) }]);
    expect(await prisma.$queryRawTyped(usersWithRoles('bob@example.com'))).toEqual([
      { email: 'bob@example.com', status: 'ACTIVE', deleted_at: null, role: null },
    ]);
  });

  it('reports a statement PostgreSQL cannot prepare, naming the file', async () => {
    writeFileSync(join(scratch, 'sql', 'broken.sql'), 'SELECT no_such_column FROM users\n');
    try {
      const run = await runPrismaRaw(['generate', '--sql', '--schema', join(scratch, 'schema.prisma')], {
        DATABASE_URL: db.url,
      });
      expect(run.exitCode).not.toBe(0);
      expect(run.stdout + run.stderr).toMatch(/broken\.sql[\s\S]*no_such_column/);
    } finally {
      rmSync(join(scratch, 'sql', 'broken.sql'));
    }
  });
});
