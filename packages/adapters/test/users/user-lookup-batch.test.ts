import { Email, UserId } from '@stratum/domain';
import { UserMother } from '@stratum/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureQueries, type QueryCapture } from '../support/query-capture';
import { prismaSubject, useTestDatabase } from '../support/test-database';

describe('users looked up by id at the same time', () => {
  const handle = useTestDatabase({ emitQueryEvents: true });
  let capture: QueryCapture;
  beforeAll(() => {
    capture = captureQueries(handle.database.prisma);
  });

  it('are read in one query, each caller getting its own user, or null', async () => {
    const { users } = prismaSubject(handle);
    const saved = [UserMother.random(), UserMother.random(), UserMother.random()];
    for (const user of saved) await users.save(user);
    await users.softDelete(saved[2]!.id);
    const unknown = UserId.random();
    capture.take();

    const found = await Promise.all([
      users.findById(saved[0]!.id),
      users.findById(saved[1]!.id),
      users.findById(saved[0]!.id),
      users.findById(saved[2]!.id),
      users.findById(unknown),
    ]);

    expect(found.map((user) => user?.id.value ?? null)).toEqual([
      saved[0]!.id.value,
      saved[1]!.id.value,
      saved[0]!.id.value,
      null,
      null,
    ]);
    expect(capture.take()).toHaveLength(1);
  });
});

describe('users looked up by email at the same time', () => {
  const handle = useTestDatabase({ emitQueryEvents: true });
  let capture: QueryCapture;
  beforeAll(() => {
    capture = captureQueries(handle.database.prisma);
  });

  it('are read in one query, whatever the case of the email, each caller getting its own user, or null', async () => {
    const { users } = prismaSubject(handle);
    const saved = [UserMother.random(), UserMother.random(), UserMother.random()];
    for (const user of saved) await users.save(user);
    await users.softDelete(saved[2]!.id);
    capture.take();

    const found = await Promise.all([
      users.findByEmail(saved[0]!.email),
      users.findByEmail(Email.of(saved[1]!.email.value.toUpperCase())),
      users.findByEmail(saved[0]!.email),
      users.findByEmail(saved[2]!.email),
      users.findByEmail(Email.of(`nobody-${saved[0]!.id.value}@example.test`)),
    ]);

    expect(found.map((user) => user?.id.value ?? null)).toEqual([
      saved[0]!.id.value,
      saved[1]!.id.value,
      saved[0]!.id.value,
      null,
      null,
    ]);
    expect(capture.take()).toHaveLength(1);
  });
});
