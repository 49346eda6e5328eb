import { describe, expect, it } from 'vitest';
import {
  CursorPageRequest,
  Email,
  EmailTakenError,
  NotFoundError,
  PageRequest,
  type RoleRepository,
  type User,
  UserId,
  type UserRepository,
} from '@stratum/domain';
import { RandomMother } from '../mothers/random.mother';
import { UserMother, type UserOverrides } from '../mothers/user.mother';
import {
  distinctInstants,
  expectDomainError,
  expectNewestFirst,
  expectNoDuplicates,
  idsOf,
  orderAmong,
  useSubject,
  walkCursorPages,
  walkOffsetPages,
  type ContractSubject,
} from './contract-helpers';

export interface UserRepositoryContractSubject extends ContractSubject {
  readonly users: UserRepository;
  /** Used to give users roles for the role-based queries. */
  readonly roles: RoleRepository;
}

export function userRepositoryContract(
  name: string,
  makeSubject: () => Promise<UserRepositoryContractSubject>,
): void {
  describe(`UserRepository contract (${name})`, () => {
    const subject = useSubject(makeSubject);

    async function saved(overrides: UserOverrides = {}): Promise<User> {
      const user = UserMother.random(overrides);
      await subject().users.save(user);
      return user;
    }

    async function deleted(overrides: UserOverrides = {}): Promise<User> {
      const user = await saved(overrides);
      await subject().users.softDelete(user.id);
      return user;
    }

    describe('saving and finding', () => {
      it('finds a saved user by id with every field intact', async () => {
        const user = UserMother.random({
          name: 'Zoë Ångström 🚀',
          preferences: { theme: 'dark', notifications: { email: true, sms: false }, pageSize: 50 },
        });
        await subject().users.save(user);

        const found = await subject().users.findById(user.id);

        expect(found).not.toBeNull();
        expect(found!.id.equals(user.id)).toBe(true);
        expect(found!.email.value).toBe(user.email.value);
        expect(found!.name).toBe('Zoë Ångström 🚀');
        expect(found!.passwordHash).toBe(user.passwordHash);
        expect(found!.status).toBe('ACTIVE');
        expect(found!.preferences).toEqual({
          theme: 'dark',
          notifications: { email: true, sms: false },
          pageSize: 50,
        });
        expect(found!.createdAt.getTime()).toBe(user.createdAt.getTime());
        expect(found!.updatedAt.getTime()).toBe(user.updatedAt.getTime());
        expect(found!.deletedAt).toBeNull();
      });

      it('returns null for an id that was never saved', async () => {
        expect(await subject().users.findById(UserId.random())).toBeNull();
      });

      it('finds a user by email whatever the case it is typed in', async () => {
        const token = RandomMother.token();
        const user = await saved({ email: `Mixed.Case-${token}@Example.TEST` });

        const found = await subject().users.findByEmail(Email.of(`MIXED.case-${token}@example.test`));

        expect(found?.id.value).toBe(user.id.value);
        expect(found?.email.value).toBe(`mixed.case-${token}@example.test`);
      });

      it('returns null for an email nobody registered', async () => {
        expect(await subject().users.findByEmail(Email.of(UserMother.email()))).toBeNull();
      });

      it('updates an existing user when it is saved again, keeping its creation time', async () => {
        const user = await saved();
        const later = new Date(user.createdAt.getTime() + 5_000);
        const changed = user
          .rename('Renamed Person', later)
          .changeStatus('SUSPENDED', later)
          .updatePreferences({ locale: 'fr-FR' }, later);

        await subject().users.save(changed);

        const found = await subject().users.findById(user.id);
        expect(found?.name).toBe('Renamed Person');
        expect(found?.status).toBe('SUSPENDED');
        expect(found?.preferences).toEqual({ locale: 'fr-FR' });
        expect(found?.createdAt.getTime()).toBe(user.createdAt.getTime());
        expect(found?.updatedAt.getTime()).toBe(later.getTime());
      });

      it('refuses a second user with an email already taken, whatever its case, with EmailTakenError', async () => {
        const first = await saved();
        const second = UserMother.random({ email: first.email.value.toUpperCase() });

        const error = await expectDomainError(subject().users.save(second), EmailTakenError, 'EMAIL_TAKEN');

        expect(error.email).toBe(first.email.value);
        expect(await subject().users.findById(second.id)).toBeNull();
      });

      it("refuses to change a user's email to one another user holds", async () => {
        const holder = await saved();
        const other = await saved();

        await expectDomainError(
          subject().users.save(other.changeEmail(holder.email)),
          EmailTakenError,
          'EMAIL_TAKEN',
        );
        expect((await subject().users.findById(other.id))?.email.value).toBe(other.email.value);
      });
    });

    describe('soft deletion', () => {
      it('hides a deleted user from findById and findByEmail', async () => {
        const user = await deleted();

        expect(await subject().users.findById(user.id)).toBeNull();
        expect(await subject().users.findByEmail(user.email)).toBeNull();
      });

      it('hides a deleted user from every listing and search', async () => {
        const token = RandomMother.word();
        const user = await deleted({ name: `Gone ${token}` });
        const live = await saved({ name: `Here ${token}` });
        await subject().roles.assign(live.id, 'moderator');
        const stillThere = await saved({ name: `Role ${token}` });
        await subject().roles.assign(stillThere.id, 'moderator');
        await subject().users.softDelete(stillThere.id);

        const byOffset = await walkOffsetPages((page) => subject().users.findActivePage(page), 50);
        const byCursor = await walkCursorPages((page) => subject().users.findActiveAfter(page), 50);
        const searched = await subject().users.search(
          { nameContains: token },
          PageRequest.of({ limit: 100 }),
        );
        const moderators = await walkOffsetPages((page) => subject().users.findByRole('moderator', page), 50);

        for (const listing of [byOffset, byCursor.items, searched, moderators]) {
          expect(idsOf(listing)).not.toContain(user.id.value);
          expect(idsOf(listing)).not.toContain(stillThere.id.value);
        }
        expect(idsOf(searched)).toEqual([live.id.value]);
        expect(idsOf(moderators)).toContain(live.id.value);
      });

      it('lets a new user register with the email of a deleted user', async () => {
        const gone = await deleted();
        const newcomer = UserMother.random({ email: gone.email.value });

        await subject().users.save(newcomer);

        expect((await subject().users.findByEmail(gone.email))?.id.value).toBe(newcomer.id.value);
      });

      it('refuses to delete a user that does not exist with NotFoundError', async () => {
        const id = UserId.random();
        const error = await expectDomainError(subject().users.softDelete(id), NotFoundError, 'NOT_FOUND');
        expect(error).toMatchObject({ entity: 'User', id: id.value });
      });

      it('refuses to delete the same user twice', async () => {
        const user = await deleted();
        await expectDomainError(subject().users.softDelete(user.id), NotFoundError, 'NOT_FOUND');
      });

      it('refuses to save over a deleted user with NotFoundError, leaving it deleted', async () => {
        const user = await deleted();

        await expectDomainError(subject().users.save(user.rename('Back Again')), NotFoundError, 'NOT_FOUND');
        expect(await subject().users.findById(user.id)).toBeNull();
      });
    });

    describe('listing active users', () => {
      it('lists only active users, newest first, across offset pages', async () => {
        const [t1, t2, t3, t4, t5] = distinctInstants(5);
        const oldest = await saved({ createdAt: t1 });
        const inactive = await saved({ createdAt: t2, status: 'INACTIVE' });
        const middle = await saved({ createdAt: t3 });
        const suspended = await saved({ createdAt: t4, status: 'SUSPENDED' });
        const newest = await saved({ createdAt: t5 });

        const listed = await walkOffsetPages((page) => subject().users.findActivePage(page), 2);

        expectNoDuplicates(idsOf(listed));
        expectNewestFirst(listed);
        expect(listed.every((user) => user.status === 'ACTIVE')).toBe(true);
        const ours = [oldest, inactive, middle, suspended, newest].map((user) => user.id.value);
        expect(orderAmong(listed, ours)).toEqual([newest.id.value, middle.id.value, oldest.id.value]);
      });

      it('returns at most limit users and skips offset of them', async () => {
        for (let i = 0; i < 4; i++) await saved();

        const firstThree = await subject().users.findActivePage(PageRequest.of({ limit: 3 }));
        const second = await subject().users.findActivePage(PageRequest.of({ limit: 1, offset: 1 }));

        expect(firstThree).toHaveLength(3);
        expect(idsOf(second)).toEqual([firstThree[1]!.id.value]);
      });

      it('walks every active user with cursor pages exactly once, newest first', async () => {
        const instants = distinctInstants(6);
        const active: User[] = [];
        for (const [i, createdAt] of instants.entries()) {
          const user = await saved({ createdAt, status: i === 2 ? 'INACTIVE' : 'ACTIVE' });
          if (i !== 2) active.push(user);
        }

        const { items, pages } = await walkCursorPages((page) => subject().users.findActiveAfter(page), 2);

        expect(pages).toBeGreaterThanOrEqual(3);
        expectNoDuplicates(idsOf(items));
        expectNewestFirst(items);
        expect(items.every((user) => user.status === 'ACTIVE')).toBe(true);
        const ours = active.map((user) => user.id.value);
        expect(orderAmong(items, ours)).toEqual([...ours].reverse());
      });

      it('keeps users created in the same millisecond apart by id, so no cursor page skips or repeats one', async () => {
        const [sameInstant] = distinctInstants(1);
        const twins: User[] = [];
        for (let i = 0; i < 5; i++) twins.push(await saved({ createdAt: sameInstant }));

        const { items } = await walkCursorPages((page) => subject().users.findActiveAfter(page), 2);

        expectNoDuplicates(idsOf(items));
        const ids = twins.map((user) => user.id.value);
        expect(orderAmong(items, ids)).toEqual([...ids].sort().reverse());
      });

      it('gives a next cursor exactly when more users follow the page', async () => {
        await saved();
        await saved();
        const { items } = await walkCursorPages((page) => subject().users.findActiveAfter(page), 2);
        const total = Math.min(items.length, 100);

        const whole = await subject().users.findActiveAfter(CursorPageRequest.of({ limit: total }));
        const allButOne = await subject().users.findActiveAfter(CursorPageRequest.of({ limit: total - 1 }));

        expect(whole.items).toHaveLength(total);
        expect(whole.nextCursor === null).toBe(items.length <= 100);
        expect(allButOne.items).toHaveLength(total - 1);
        expect(allButOne.nextCursor).not.toBeNull();
      });
    });

    describe('searching', () => {
      const page = PageRequest.of({ limit: 100 });

      it('matches part of an email, case-insensitively', async () => {
        const token = RandomMother.word();
        const match = await saved({ email: `${token}.smith@example.test` });
        await saved();

        const found = await subject().users.search({ emailContains: token.toUpperCase() }, page);

        expect(idsOf(found)).toEqual([match.id.value]);
      });

      it('matches part of a name, case-insensitively', async () => {
        const token = RandomMother.word();
        const match = await saved({ name: `Ada ${token} Lovelace` });
        await saved({ name: `Ada Lovelace` });

        const found = await subject().users.search({ nameContains: `A ${token.toUpperCase()} LOVE` }, page);

        expect(idsOf(found)).toEqual([match.id.value]);
      });

      it('filters by status', async () => {
        const token = RandomMother.word();
        const suspended = await saved({ name: `S ${token}`, status: 'SUSPENDED' });
        await saved({ name: `A ${token}` });

        const found = await subject().users.search({ nameContains: token, status: 'SUSPENDED' }, page);

        expect(idsOf(found)).toEqual([suspended.id.value]);
      });

      it('filters by role name', async () => {
        const token = RandomMother.word();
        const admin = await saved({ name: `Admin ${token}` });
        const plain = await saved({ name: `Plain ${token}` });
        await subject().roles.assign(admin.id, 'admin');
        await subject().roles.assign(plain.id, 'user');

        const found = await subject().users.search({ nameContains: token, role: 'admin' }, page);

        expect(idsOf(found)).toEqual([admin.id.value]);
      });

      it('requires every given criterion to match', async () => {
        const token = RandomMother.word();
        const match = await saved({
          name: `Both ${token}`,
          email: `${token}@example.test`,
          status: 'INACTIVE',
        });
        await saved({ name: `Name only ${token}`, status: 'INACTIVE' });
        await saved({
          name: `Both ${token} but no role`,
          email: `${token}.2@example.test`,
          status: 'INACTIVE',
        });
        await saved({ name: `Other ${token}`, email: `x${token}@example.test` });
        await subject().roles.assign(match.id, 'user');

        const found = await subject().users.search(
          { nameContains: 'both', emailContains: token, status: 'INACTIVE', role: 'user' },
          page,
        );

        expect(idsOf(found)).toEqual([match.id.value]);
      });

      it('takes % and _ in search text literally rather than as wildcards', async () => {
        const token = RandomMother.word();
        const percent = await saved({ name: `${token} 50% off` });
        await saved({ name: `${token} 50 pct off` });
        const underscore = await saved({ name: `${token} a_b` });
        await saved({ name: `${token} axb` });

        expect(idsOf(await subject().users.search({ nameContains: `${token} 50%` }, page))).toEqual([
          percent.id.value,
        ]);
        expect(idsOf(await subject().users.search({ nameContains: `${token} a_b` }, page))).toEqual([
          underscore.id.value,
        ]);
      });

      it('lists matches newest first and honours the page', async () => {
        const token = RandomMother.word();
        const [t1, t2, t3] = distinctInstants(3);
        const oldest = await saved({ name: `${token} one`, createdAt: t1 });
        const middle = await saved({ name: `${token} two`, createdAt: t2, status: 'INACTIVE' });
        const newest = await saved({ name: `${token} three`, createdAt: t3 });

        const all = await subject().users.search({ nameContains: token }, page);
        const second = await subject().users.search(
          { nameContains: token },
          PageRequest.of({ limit: 1, offset: 1 }),
        );

        expect(idsOf(all)).toEqual([newest.id.value, middle.id.value, oldest.id.value]);
        expect(idsOf(second)).toEqual([middle.id.value]);
      });

      it('finds the holders of a role newest first, and nobody for an unknown role', async () => {
        const [t1, t2] = distinctInstants(2);
        const older = await saved({ createdAt: t1, status: 'SUSPENDED' });
        const newer = await saved({ createdAt: t2 });
        const without = await saved();
        await subject().roles.assign(older.id, 'moderator');
        await subject().roles.assign(newer.id, 'moderator');

        const moderators = await walkOffsetPages((p) => subject().users.findByRole('moderator', p), 1);
        const ours = [older, newer, without].map((user) => user.id.value);

        expect(orderAmong(moderators, ours)).toEqual([newer.id.value, older.id.value]);
        expectNewestFirst(moderators);
        expect(await subject().users.findByRole(`no-such-role-${RandomMother.word()}`, page)).toEqual([]);
      });
    });
  });
}
