import { EmailTakenError, NotFoundError, type User } from '@stratum/domain';
import { UserMother } from '@stratum/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { PrismaUserRepository } from '../../src/users/prisma-user.repository';
import { useTestDatabase } from '../support/test-database';
import { captureQueries, onlyQueryOf, type QueryCapture } from '../support/query-capture';

// What the contract cannot see from outside: how many statements a write takes, what the row
// holds afterwards, and how concurrent writers are decided by the database.
const handle = useTestDatabase({ emitQueryEvents: true });
let capture: QueryCapture;
let users: PrismaUserRepository;

beforeAll(() => {
  capture = captureQueries(handle.database.prisma);
  users = new PrismaUserRepository(handle.database.prisma);
});

async function storedRow(user: User) {
  const [row] = await handle.database.prisma.$queryRaw<
    { name: string; updatedAt: Date; deletedAt: Date | null }[]
  >`SELECT name, updated_at AS "updatedAt", deleted_at AS "deletedAt" FROM users WHERE id = ${user.id.value}::uuid`;
  return row;
}

describe('PrismaUserRepository', () => {
  it('inserts a new user with one upsert statement and no read before it', async () => {
    const query = await onlyQueryOf(capture, () => users.save(UserMother.random()));

    expect(query.sql).toMatch(/^\s*INSERT INTO users\b[\s\S]*ON CONFLICT \(id\) DO UPDATE/);
  });

  it('updates an existing user with the same single statement', async () => {
    const user = UserMother.random();
    await users.save(user);

    const query = await onlyQueryOf(capture, () => users.save(user.rename('Someone Else')));

    expect(query.sql).toMatch(/^\s*INSERT INTO users\b/);
    expect((await storedRow(user))?.name).toBe('Someone Else');
  });

  it('leaves a soft-deleted row exactly as it was when a save targets it', async () => {
    const user = UserMother.random();
    await users.save(user);
    await users.softDelete(user.id);
    const before = await storedRow(user);

    await expect(users.save(user.rename('Back Again', new Date()))).rejects.toBeInstanceOf(NotFoundError);

    expect(await storedRow(user)).toEqual(before);
    expect(before?.deletedAt).not.toBeNull();
  });

  it('stamps deleted_at and updated_at with one statement when soft-deleting', async () => {
    const user = UserMother.random();
    await users.save(user);

    const query = await onlyQueryOf(capture, () => users.softDelete(user.id));

    expect(query.sql).toMatch(/^UPDATE "public"\."users"/);
    const row = await storedRow(user);
    expect(row?.deletedAt).not.toBeNull();
    expect(row?.updatedAt).toEqual(row?.deletedAt);
  });

  it('lets exactly one of two concurrent registrations of the same email win', async () => {
    const email = UserMother.email();
    const rivals = [UserMother.random({ email }), UserMother.random({ email })];

    const outcomes = await Promise.allSettled(rivals.map((user) => users.save(user)));

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const [lost] = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(lost?.reason).toBeInstanceOf(EmailTakenError);
  });

  it('writes through the transaction client it is given, so the save commits with the transaction', async () => {
    const user = UserMother.random();
    const prisma = handle.database.prisma;

    await prisma.$transaction(async (tx) => {
      await new PrismaUserRepository(tx).save(user);
      expect(await new PrismaUserRepository(tx).findById(user.id)).not.toBeNull();
      expect(await users.findById(user.id)).toBeNull();
    });

    expect(await users.findById(user.id)).not.toBeNull();
  });
});
