import { describe, expect, it } from 'vitest';
import {
  type Account,
  AccountId,
  type AccountRepository,
  ConflictError,
  CurrencyMismatchError,
  CursorPageRequest,
  IdempotencyKeyReusedError,
  InsufficientFundsError,
  Money,
  NotFoundError,
  type Transfer,
  type TransferCommand,
  UserId,
  type UserRepository,
  ValidationError,
} from '@stratum/domain';
import { RandomMother } from '../mothers/random.mother';
import { UserMother } from '../mothers/user.mother';
import {
  expectDomainError,
  expectNewestFirst,
  expectNoDuplicates,
  idsOf,
  useSubject,
  walkCursorPages,
  type ContractSubject,
} from './contract-helpers';

export interface AccountRepositoryContractSubject extends ContractSubject {
  readonly accounts: AccountRepository;
  /** Used to create account owners. */
  readonly users: UserRepository;
}

export function accountRepositoryContract(
  name: string,
  makeSubject: () => Promise<AccountRepositoryContractSubject>,
): void {
  describe(`AccountRepository contract (${name})`, () => {
    const subject = useSubject(makeSubject);

    async function account(balance = '0.00', currency = 'USD'): Promise<Account> {
      const owner = UserMother.random();
      await subject().users.save(owner);
      return subject().accounts.open({
        ownerId: owner.id,
        currency,
        initialBalance: Money.of(balance, currency),
      });
    }

    async function balanceOf(target: Account): Promise<string | undefined> {
      return (await subject().accounts.findById(target.id))?.balance.toDecimalString();
    }

    function command(
      from: Account,
      to: Account,
      amount: string,
      idempotencyKey = RandomMother.token(),
    ): TransferCommand {
      return { from: from.id, to: to.id, amount: Money.of(amount, from.currency), idempotencyKey };
    }

    async function historyOf(target: Account): Promise<Transfer[]> {
      return (await subject().accounts.history(target.id, CursorPageRequest.of({ limit: 100 }))).items;
    }

    describe('opening accounts', () => {
      it('opens an account with a zero balance unless told otherwise', async () => {
        const owner = UserMother.random();
        await subject().users.save(owner);

        const opened = await subject().accounts.open({ ownerId: owner.id, currency: 'EUR' });

        const found = await subject().accounts.findById(opened.id);
        expect(found?.ownerId.equals(owner.id)).toBe(true);
        expect(found?.currency).toBe('EUR');
        expect(found?.balance.equals(Money.zero('EUR'))).toBe(true);
        expect(found?.createdAt.getTime()).toBe(opened.createdAt.getTime());
      });

      it('opens an account with an initial balance, exact to the cent', async () => {
        const opened = await account('1234567890.99');
        expect(await balanceOf(opened)).toBe('1234567890.99');
      });

      it('refuses to open an account for an owner who does not exist or was deleted', async () => {
        const gone = UserMother.random();
        await subject().users.save(gone);
        await subject().users.softDelete(gone.id);

        for (const ownerId of [UserId.random(), gone.id]) {
          const error = await expectDomainError(
            subject().accounts.open({ ownerId, currency: 'USD' }),
            NotFoundError,
            'NOT_FOUND',
          );
          expect(error).toMatchObject({ entity: 'User', id: ownerId.value });
        }
      });

      it('refuses an initial balance in another currency', async () => {
        const owner = UserMother.random();
        await subject().users.save(owner);
        await expectDomainError(
          subject().accounts.open({
            ownerId: owner.id,
            currency: 'USD',
            initialBalance: Money.of('1.00', 'EUR'),
          }),
          CurrencyMismatchError,
          'CURRENCY_MISMATCH',
        );
      });

      it('returns null for an account that does not exist', async () => {
        expect(await subject().accounts.findById(AccountId.random())).toBeNull();
      });
    });

    describe('transferring', () => {
      it('moves money between accounts and records the transfer', async () => {
        const from = await account('100.00');
        const to = await account('5.00');

        const transfer = await subject().accounts.transfer(command(from, to, '30.25', 'order-42-payment'));

        expect(transfer.fromAccountId.equals(from.id)).toBe(true);
        expect(transfer.toAccountId.equals(to.id)).toBe(true);
        expect(transfer.amount.equals(Money.of('30.25', 'USD'))).toBe(true);
        expect(transfer.idempotencyKey).toBe('order-42-payment');
        expect(await balanceOf(from)).toBe('69.75');
        expect(await balanceOf(to)).toBe('35.25');
      });

      it('conserves the total across a series of transfers, down to exactly zero', async () => {
        const a = await account('10.00');
        const b = await account('0.00');

        await subject().accounts.transfer(command(a, b, '3.33'));
        await subject().accounts.transfer(command(b, a, '1.11'));
        await subject().accounts.transfer(command(a, b, '7.78'));

        expect(await balanceOf(a)).toBe('0.00');
        expect(await balanceOf(b)).toBe('10.00');
      });

      it('refuses a transfer from an account to itself', async () => {
        const a = await account('10.00');
        const error = await expectDomainError(
          subject().accounts.transfer(command(a, a, '1.00')),
          ValidationError,
          'VALIDATION_FAILED',
        );
        expect(error.field).toBe('to');
      });

      it('refuses a zero or negative amount', async () => {
        const a = await account('10.00');
        const b = await account();
        for (const amount of ['0.00', '-1.00']) {
          const error = await expectDomainError(
            subject().accounts.transfer(command(a, b, amount)),
            ValidationError,
            'VALIDATION_FAILED',
          );
          expect(error.field).toBe('amount');
        }
        expect(await balanceOf(a)).toBe('10.00');
      });

      it('refuses an empty or over-long idempotency key', async () => {
        const a = await account('10.00');
        const b = await account();
        for (const key of ['', 'k'.repeat(201)]) {
          const error = await expectDomainError(
            subject().accounts.transfer(command(a, b, '1.00', key)),
            ValidationError,
            'VALIDATION_FAILED',
          );
          expect(error.field).toBe('idempotencyKey');
        }
      });

      it('refuses an amount in a currency the accounts do not hold', async () => {
        const a = await account('10.00', 'USD');
        const b = await account('0.00', 'USD');

        await expectDomainError(
          subject().accounts.transfer({ ...command(a, b, '1.00'), amount: Money.of('1.00', 'EUR') }),
          CurrencyMismatchError,
          'CURRENCY_MISMATCH',
        );
        expect(await balanceOf(a)).toBe('10.00');
      });

      it('refuses a transfer between accounts of different currencies', async () => {
        const dollars = await account('10.00', 'USD');
        const euros = await account('0.00', 'EUR');

        await expectDomainError(
          subject().accounts.transfer(command(dollars, euros, '1.00')),
          CurrencyMismatchError,
          'CURRENCY_MISMATCH',
        );
        expect(await balanceOf(dollars)).toBe('10.00');
        expect(await balanceOf(euros)).toBe('0.00');
      });

      it('refuses a transfer from or to an account that does not exist', async () => {
        const real = await account('10.00');
        const missing = AccountId.random();
        const attempts = [
          { from: real.id, to: missing },
          { from: missing, to: real.id },
        ];
        for (const { from, to } of attempts) {
          const error = await expectDomainError(
            subject().accounts.transfer({
              from,
              to,
              amount: Money.of('1.00', 'USD'),
              idempotencyKey: RandomMother.token(),
            }),
            NotFoundError,
            'NOT_FOUND',
          );
          expect(error).toMatchObject({ entity: 'Account', id: missing.value });
        }
        expect(await balanceOf(real)).toBe('10.00');
      });

      it('refuses a transfer beyond the balance, changing nothing', async () => {
        const from = await account('10.00');
        const to = await account('1.00');

        const error = await expectDomainError(
          subject().accounts.transfer(command(from, to, '10.01')),
          InsufficientFundsError,
          'INSUFFICIENT_FUNDS',
        );

        expect(error.accountId).toBe(from.id.value);
        expect(await balanceOf(from)).toBe('10.00');
        expect(await balanceOf(to)).toBe('1.00');
        expect(await historyOf(from)).toEqual([]);
      });
    });

    describe('idempotency', () => {
      it('returns the first transfer when a request is retried with its key, moving the money once', async () => {
        const from = await account('100.00');
        const to = await account();
        const request = command(from, to, '40.00');

        const first = await subject().accounts.transfer(request);
        const retry = await subject().accounts.transfer(request);

        expect(retry.id.value).toBe(first.id.value);
        expect(retry.createdAt.getTime()).toBe(first.createdAt.getTime());
        expect(await balanceOf(from)).toBe('60.00');
        expect(await balanceOf(to)).toBe('40.00');
        expect(await historyOf(from)).toHaveLength(1);
      });

      it('still answers a retry with the first transfer after the balance has run out', async () => {
        const from = await account('10.00');
        const to = await account();
        const request = command(from, to, '10.00');
        const first = await subject().accounts.transfer(request);

        const retry = await subject().accounts.transfer(request);

        expect(retry.id.value).toBe(first.id.value);
        expect(await balanceOf(from)).toBe('0.00');
      });

      it('refuses a different transfer under a key already used', async () => {
        const from = await account('100.00');
        const to = await account();
        const other = await account();
        const key = RandomMother.token();
        await subject().accounts.transfer(command(from, to, '10.00', key));

        for (const different of [command(from, to, '10.01', key), command(from, other, '10.00', key)]) {
          const error = await expectDomainError(
            subject().accounts.transfer(different),
            IdempotencyKeyReusedError,
            'DUPLICATE_IDEMPOTENCY_KEY',
          );
          expect(error.idempotencyKey).toBe(key);
        }
        expect(await balanceOf(from)).toBe('90.00');
        expect(await balanceOf(other)).toBe('0.00');
      });

      it('moves the money once when the same request arrives several times at once', async () => {
        const from = await account('100.00');
        const to = await account();
        const request = command(from, to, '25.00');

        const transfers = await Promise.all(
          Array.from({ length: 5 }, () => subject().accounts.transfer(request)),
        );

        expect(new Set(transfers.map((transfer) => transfer.id.value)).size).toBe(1);
        expect(await balanceOf(from)).toBe('75.00');
        expect(await balanceOf(to)).toBe('25.00');
      });
    });

    it('keeps the total when transfers run both ways at once', async () => {
      const a = await account('100.00');
      const b = await account('100.00');
      const requests = Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0 ? command(a, b, '3.00') : command(b, a, '1.00'),
      );

      const results = await Promise.allSettled(
        requests.map((request) => subject().accounts.transfer(request)),
      );

      let netToB = 0n;
      results.forEach((result, i) => {
        if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(ConflictError);
        else netToB += i % 2 === 0 ? 300n : -100n;
      });
      const balanceA = (await subject().accounts.findById(a.id))!.balance;
      const balanceB = (await subject().accounts.findById(b.id))!.balance;
      expect(balanceA.add(balanceB).toDecimalString()).toBe('200.00');
      expect(balanceB.amountMinor).toBe(10_000n + netToB);
    });

    describe('history', () => {
      it('lists transfers in and out of an account, newest first, and only those', async () => {
        const a = await account('100.00');
        const b = await account('100.00');
        const c = await account('100.00');
        const out = await subject().accounts.transfer(command(a, b, '1.00'));
        const incoming = await subject().accounts.transfer(command(b, a, '2.00'));
        const fromC = await subject().accounts.transfer(command(c, a, '3.00'));
        const unrelated = await subject().accounts.transfer(command(b, c, '4.00'));

        const ofA = await historyOf(a);
        const ofB = await historyOf(b);

        expect(idsOf(ofA).sort()).toEqual(idsOf([out, incoming, fromC]).sort());
        expect(idsOf(ofB).sort()).toEqual(idsOf([out, incoming, unrelated]).sort());
        expectNewestFirst(ofA);
        expectNewestFirst(ofB);
      });

      it('walks the history with cursor pages, each transfer exactly once', async () => {
        const a = await account('100.00');
        const b = await account('100.00');
        const made: Transfer[] = [];
        for (let i = 0; i < 5; i++) {
          made.push(
            await subject().accounts.transfer(i % 2 === 0 ? command(a, b, '1.00') : command(b, a, '1.00')),
          );
        }

        const { items, pages } = await walkCursorPages((page) => subject().accounts.history(a.id, page), 2);

        expect(pages).toBe(3);
        expectNoDuplicates(idsOf(items));
        expect(idsOf(items).sort()).toEqual(idsOf(made).sort());
        expectNewestFirst(items);
      });

      it('refuses the history of an account that does not exist', async () => {
        const id = AccountId.random();
        const error = await expectDomainError(
          subject().accounts.history(id, CursorPageRequest.first()),
          NotFoundError,
          'NOT_FOUND',
        );
        expect(error).toMatchObject({ entity: 'Account', id: id.value });
      });
    });
  });
}
