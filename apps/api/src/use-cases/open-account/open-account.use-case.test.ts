import { ForbiddenError } from '@stratum/domain';
import { describe, expect, it } from 'vitest';
import { callerWith, inMemoryWorld } from '../../../test/support/in-memory-world';
import { OpenAccountUseCase } from './open-account.use-case';

describe('OpenAccountUseCase', () => {
  it("opens an empty account of the caller's own in the currency asked for", async () => {
    const { repositories } = inMemoryWorld();
    const caller = await callerWith(repositories, ['user']);

    const account = await new OpenAccountUseCase(repositories.accounts).execute(caller, { currency: 'EUR' });

    expect(account.ownerId.equals(caller.userId)).toBe(true);
    expect(account.balance.toDecimalString()).toBe('0.00');
    expect(account.currency).toBe('EUR');
    expect(await repositories.accounts.findById(account.id)).not.toBeNull();
  });

  it('refuses a caller whose roles grant no accounts:write', async () => {
    const { repositories } = inMemoryWorld();
    const moderator = await callerWith(repositories, ['moderator']);

    await expect(
      new OpenAccountUseCase(repositories.accounts).execute(moderator, { currency: 'EUR' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
