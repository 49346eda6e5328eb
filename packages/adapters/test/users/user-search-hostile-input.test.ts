import { PageRequest, type User, type UserSearchCriteria } from '@stratum/domain';
import { RandomMother, UserMother } from '@stratum/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { PrismaRoleRepository } from '../../src/roles/prisma-role.repository';
import { PrismaUserRepository } from '../../src/users/prisma-user.repository';
import { useTestDatabase } from '../support/test-database';

// Search text comes straight from the public API. Whatever it holds must be data: never SQL,
// never a LIKE wildcard, never an error.
const HOSTILE = [
  "'",
  '"',
  '%',
  '_',
  '\\',
  '\\%',
  "'; DROP TABLE users; --",
  "%' OR '1'='1",
  '$1',
  'a\u0000b',
  "'".repeat(10_240),
  'x'.repeat(10_240),
];

const handle = useTestDatabase();
let users: PrismaUserRepository;
let ours: User[];
const page = PageRequest.of({ limit: 100 });

beforeAll(async () => {
  users = new PrismaUserRepository(handle.database.prisma);
  const token = RandomMother.word();
  ours = [
    UserMother.random({ name: `${token} O'Brien`, email: `o'brien.${token}@example.test` }),
    UserMother.random({ name: `${token} 100% "Quoted"`, email: `100%.${token}@example.test` }),
    UserMother.random({ name: `${token} back\\slash`, email: `under_score.${token}@example.test` }),
    UserMother.random({ name: `${token} plain` }),
  ];
  for (const user of ours) await users.save(user);
  await new PrismaRoleRepository(handle.database.prisma).assign(ours[0]!.id, 'user');
});

async function searchIds(criteria: UserSearchCriteria): Promise<string[]> {
  return (await users.search(criteria, page)).map((user) => user.id.value).sort();
}

function idsWhere(matches: (user: User) => boolean): string[] {
  return ours
    .filter(matches)
    .map((user) => user.id.value)
    .sort();
}

describe('PrismaUserRepository search with hostile input', () => {
  it.each(HOSTILE)('finds exactly the names that contain %j as plain text', async (term) => {
    const expected = idsWhere((user) => user.name.toLowerCase().includes(term.toLowerCase()));

    expect(await searchIds({ nameContains: term })).toEqual(expected);
  });

  it.each(HOSTILE)('finds exactly the emails that contain %j as plain text', async (term) => {
    const expected = idsWhere((user) => user.email.value.includes(term.toLowerCase()));

    expect(await searchIds({ emailContains: term })).toEqual(expected);
  });

  it.each(HOSTILE)('finds nobody holding a role named %j', async (term) => {
    expect(await searchIds({ role: term })).toEqual([]);
    expect(await users.findByRole(term, page)).toEqual([]);
  });

  it('still has every user and role after all of that', async () => {
    for (const user of ours) expect((await users.findById(user.id))?.name).toBe(user.name);
    expect(await searchIds({ role: 'user' })).toEqual([ours[0]!.id.value]);
  });
});
