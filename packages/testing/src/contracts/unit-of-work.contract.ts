import { describe, expect, it } from 'vitest';
import {
  CursorPageRequest,
  InsufficientFundsError,
  Money,
  type Repositories,
  type UnitOfWork,
} from '@stratum/domain';
import { ProductMother } from '../mothers/product.mother';
import { UserMother } from '../mothers/user.mother';
import { rejectionOf, useSubject, type ContractSubject } from './contract-helpers';

export interface UnitOfWorkContractSubject extends ContractSubject {
  readonly unitOfWork: UnitOfWork;
  /** Repositories outside any unit of work, over the same storage: used to check what was committed. */
  readonly repositories: Repositories;
}

class DeliberateFailure extends Error {}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function unitOfWorkContract(
  name: string,
  makeSubject: () => Promise<UnitOfWorkContractSubject>,
): void {
  describe(`UnitOfWork contract (${name})`, () => {
    const subject = useSubject(makeSubject);

    it('commits everything a successful unit of work did, and returns its result', async () => {
      const user = UserMother.random();
      const product = ProductMother.random();

      const result = await subject().unitOfWork.run(async ({ users, products }) => {
        await users.save(user);
        await products.save(product);
        return 'done';
      });

      expect(result).toBe('done');
      expect(await subject().repositories.users.findById(user.id)).not.toBeNull();
      expect(await subject().repositories.products.findById(product.id)).not.toBeNull();
    });

    it('sees its own writes before it commits', async () => {
      const user = UserMother.random();

      const seen = await subject().unitOfWork.run(async ({ users }) => {
        await users.save(user);
        return users.findById(user.id);
      });

      expect(seen?.id.value).toBe(user.id.value);
    });

    it('a failed unit of work leaves no trace, and its error reaches the caller unchanged', async () => {
      const user = UserMother.random();
      const product = ProductMother.random();
      const failure = new DeliberateFailure('boom');

      const error = await rejectionOf(
        subject().unitOfWork.run(async ({ users, products }) => {
          await users.save(user);
          await products.save(product);
          throw failure;
        }),
      );

      expect(error).toBe(failure);
      expect(await subject().repositories.users.findById(user.id)).toBeNull();
      expect(await subject().repositories.users.findByEmail(user.email)).toBeNull();
      expect(await subject().repositories.products.findById(product.id)).toBeNull();
    });

    it('rolls back earlier steps when a repository refuses a later one', async () => {
      const owner = UserMother.random();

      const error = await rejectionOf(
        subject().unitOfWork.run(async ({ users, accounts }) => {
          await users.save(owner);
          const poor = await accounts.open({ ownerId: owner.id, currency: 'USD' });
          const other = await accounts.open({ ownerId: owner.id, currency: 'USD' });
          await accounts.transfer({
            from: poor.id,
            to: other.id,
            amount: Money.of('1.00', 'USD'),
            idempotencyKey: `uow-${owner.id.value}`,
          });
        }),
      );

      expect(error).toBeInstanceOf(InsufficientFundsError);
      expect(await subject().repositories.users.findById(owner.id)).toBeNull();
    });

    it('gives back the stock reserved by orders when the unit fails afterwards', async () => {
      const customer = UserMother.random();
      const product = ProductMother.random({ stock: 5 });
      await subject().repositories.users.save(customer);
      await subject().repositories.products.save(product);

      await rejectionOf(
        subject().unitOfWork.run(async ({ orders }) => {
          await orders.placeOrder({
            customerId: customer.id,
            lines: [{ productId: product.id, quantity: 2 }],
          });
          await orders.placeOrder({
            customerId: customer.id,
            lines: [{ productId: product.id, quantity: 3 }],
          });
          throw new DeliberateFailure('changed my mind');
        }),
      );

      expect((await subject().repositories.products.findById(product.id))?.stock).toBe(5);
      const page = await subject().repositories.orders.findByCustomer(customer.id, {
        page: CursorPageRequest.first(),
      });
      expect(page.items).toEqual([]);
    });

    it('keeps what others committed while a failing unit of work was in progress', async () => {
      const inside = UserMother.random();
      const outside = UserMother.random();
      const otherUnit = UserMother.random();

      const failing = rejectionOf(
        subject().unitOfWork.run(async ({ users }) => {
          await users.save(inside);
          await pause(30);
          throw new DeliberateFailure('late failure');
        }),
      );
      await pause(5);
      const committing = subject().unitOfWork.run(({ users }) => users.save(otherUnit));
      const direct = subject().repositories.users.save(outside);
      await Promise.all([failing, committing, direct]);

      expect(await subject().repositories.users.findById(inside.id)).toBeNull();
      expect(await subject().repositories.users.findById(outside.id)).not.toBeNull();
      expect(await subject().repositories.users.findById(otherUnit.id)).not.toBeNull();
    });
  });
}
