import { AccountId, ForbiddenError, Money, NotFoundError, type Repositories } from '@stratum/domain';
import { describe, expect, it } from 'vitest';
import { callerWith, inMemoryWorld } from '../../../test/support/in-memory-world';
import type { Principal } from '../shared/principal';
import { TransferFundsUseCase } from './transfer-funds.use-case';

describe('TransferFundsUseCase', () => {
  async function setUp() {
    const { repositories } = inMemoryWorld();
    const ada = await callerWith(repositories, ['user']);
    const bob = await callerWith(repositories, ['user']);
    return { repositories, ada, bob, transfer: new TransferFundsUseCase(repositories.accounts) };
  }

  const funded = (repositories: Repositories, owner: Principal, balance = '100.00') =>
    repositories.accounts.open({
      ownerId: owner.userId,
      currency: 'USD',
      initialBalance: Money.of(balance, 'USD'),
    });
  const balanceOf = async (repositories: Repositories, id: AccountId) =>
    (await repositories.accounts.findById(id))!.balance.toDecimalString();

  it('moves money once per key: a retry returns the first transfer', async () => {
    const { repositories, ada, bob, transfer } = await setUp();
    const from = await funded(repositories, ada);
    const to = await funded(repositories, bob, '0.00');
    const input = {
      fromAccountId: from.id.value,
      toAccountId: to.id.value,
      amount: '30.00',
      currency: 'USD',
      idempotencyKey: 'rent-march',
    };

    const first = await transfer.execute(ada, input);
    const retry = await transfer.execute(ada, input);

    expect(retry.id.equals(first.id)).toBe(true);
    expect(await balanceOf(repositories, from.id)).toBe('70.00');
    expect(await balanceOf(repositories, to.id)).toBe('30.00');
  });

  it("scopes the key to the caller: another caller's same key is a transfer of its own", async () => {
    const { repositories, ada, bob, transfer } = await setUp();
    const adas = await funded(repositories, ada);
    const bobs = await funded(repositories, bob);
    const input = { amount: '5.00', currency: 'USD', idempotencyKey: 'same-key' };

    const fromAda = await transfer.execute(ada, {
      ...input,
      fromAccountId: adas.id.value,
      toAccountId: bobs.id.value,
    });
    const fromBob = await transfer.execute(bob, {
      ...input,
      fromAccountId: bobs.id.value,
      toAccountId: adas.id.value,
    });

    expect(fromBob.id.equals(fromAda.id)).toBe(false);
    expect(fromAda.idempotencyKey).toBe(`${ada.userId.value}:same-key`);
    expect(await balanceOf(repositories, adas.id)).toBe('100.00');
  });

  it("answers a transfer out of someone else's account as if the account did not exist, and moves nothing", async () => {
    const { repositories, ada, bob, transfer } = await setUp();
    const bobs = await funded(repositories, bob);
    const adas = await funded(repositories, ada, '0.00');

    await expect(
      transfer.execute(ada, {
        fromAccountId: bobs.id.value,
        toAccountId: adas.id.value,
        amount: '5.00',
        currency: 'USD',
        idempotencyKey: 'k',
      }),
    ).rejects.toThrow(new NotFoundError('Account', bobs.id.value));
    expect(await balanceOf(repositories, bobs.id)).toBe('100.00');
  });

  it("refuses with 403 an administrator who may read any account but not spend from someone else's", async () => {
    const { repositories, ada, transfer } = await setUp();
    const admin = await callerWith(repositories, ['admin']);
    const adas = await funded(repositories, ada);

    await expect(
      transfer.execute(admin, {
        fromAccountId: adas.id.value,
        toAccountId: adas.id.value,
        amount: '5.00',
        currency: 'USD',
        idempotencyKey: 'k',
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await balanceOf(repositories, adas.id)).toBe('100.00');
  });

  it('knows the caller by an id in upper case', async () => {
    const { repositories, ada, bob, transfer } = await setUp();
    const adas = await funded(repositories, ada);
    const bobs = await funded(repositories, bob, '0.00');

    await transfer.execute(ada, {
      fromAccountId: adas.id.value.toUpperCase(),
      toAccountId: bobs.id.value.toUpperCase(),
      amount: '5.00',
      currency: 'USD',
      idempotencyKey: 'upper',
    });
    expect(await balanceOf(repositories, bobs.id)).toBe('5.00');
  });

  it('answers NotFoundError for an account that does not exist', async () => {
    const { ada, transfer } = await setUp();
    const missing = AccountId.random().value;

    await expect(
      transfer.execute(ada, {
        fromAccountId: missing,
        toAccountId: AccountId.random().value,
        amount: '1.00',
        currency: 'USD',
        idempotencyKey: 'k',
      }),
    ).rejects.toThrow(new NotFoundError('Account', missing));
  });
});
