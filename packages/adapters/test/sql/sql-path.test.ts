import { UserMother } from '@stratum/testing';
import { Prisma, createDatabase, directSqlOf, readDatabaseConfig, type DirectQuery } from '@stratum/prisma';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  isTransientFailure,
  isUnavailable,
  isUniqueViolation,
  sqlStateOf,
} from '../../src/shared/database-error';
import { sqlPathOf } from '../../src/sql/sql-path-of';
import { prismaSubject, useTestDatabase } from '../support/test-database';

type QueryEvents = { $on(event: 'query', listener: (event: Prisma.QueryEvent) => void): void };

describe('where a repository sends its statements', () => {
  const handle = useTestDatabase({ emitQueryEvents: true });
  const direct: DirectQuery[] = [];
  const throughPrisma: string[] = [];
  beforeAll(() => {
    directSqlOf(handle.database.prisma)?.observers.add((query) => direct.push(query));
    (handle.database.prisma as unknown as QueryEvents).$on('query', (event) =>
      throughPrisma.push(event.query),
    );
  });
  const reset = () => {
    direct.length = 0;
    throughPrisma.length = 0;
  };

  it('sends a read outside a unit of work straight to the pool, not through Prisma', async () => {
    const { users } = prismaSubject(handle);
    const user = UserMother.random();
    await users.save(user);
    reset();

    const found = await users.findByEmail(user.email);

    expect(found?.id.value).toBe(user.id.value);
    expect(direct.map((query) => query.sql)).toEqual([
      expect.stringContaining('FROM users WHERE email = $1 AND deleted_at IS NULL'),
    ]);
    expect(throughPrisma).toEqual([]);
  });

  it("runs a unit of work's statements in its transaction, so a rollback takes back its writes", async () => {
    const { unitOfWork, users } = prismaSubject(handle);
    const user = UserMother.random();
    reset();

    const seenInside = await unitOfWork
      .run(async (work) => {
        await work.users.save(user);
        const inside = await work.users.findByEmail(user.email);
        throw Object.assign(new Error('roll back'), { inside });
      })
      .catch((error: { inside?: unknown }) => error.inside);

    expect(seenInside).not.toBeNull();
    expect(direct).toEqual([]);
    expect(throughPrisma.some((sql) => sql.includes('FROM users WHERE email = $1 AND deleted_at IS NULL'))).toBe(true);
    expect(throughPrisma.at(-1)).toBe('ROLLBACK');
    expect(await users.findByEmail(user.email)).toBeNull();
  });

  it("reads pg's own errors as it reads Prisma's: SQLSTATE, constraint, transient failures", async () => {
    const path = sqlPathOf(handle.database.prisma);
    const { users } = prismaSubject(handle);
    const user = UserMother.random();
    await users.save(user);

    const duplicate = await path
      .rows(
        Prisma.sql`INSERT INTO users (id, email, name, password_hash, status, preferences)
                   VALUES (gen_random_uuid(), ${user.email.value}, 'x', 'x', 'ACTIVE', '{}')`,
      )
      .catch((error: unknown) => error);
    expect(isUniqueViolation(duplicate, 'users_email_active_key')).toBe(true);

    const conflict = await path
      .rows(Prisma.sql`DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40001'; END $$`)
      .catch((error: unknown) => error);
    expect(sqlStateOf(conflict)).toBe('40001');
    expect(isTransientFailure(conflict)).toBe(true);
    expect(isUnavailable(conflict)).toBe(false);
  });

  it('reports a server that cannot be reached as unavailable', async () => {
    // Port 9 (discard) has no PostgreSQL: the connection is refused at once.
    const config = readDatabaseConfig({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:9/none_test' });
    const unreachable = createDatabase({ config, onPoolError: () => {} });
    try {
      const error = await sqlPathOf(unreachable.prisma)
        .rows(Prisma.sql`SELECT 1`)
        .catch((caught: unknown) => caught);
      expect(isUnavailable(error)).toBe(true);
    } finally {
      await unreachable.close();
    }
  });
});
