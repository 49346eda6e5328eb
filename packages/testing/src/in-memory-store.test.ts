import { describe, expect, it } from 'vitest';
import { Money } from '@stratum/domain';
import { createInMemoryRepositories } from './in-memory-repositories';
import { rankProduct, searchWords } from './in-memory-product-search';
import { InMemoryStore } from './in-memory-store';
import { InMemoryUnitOfWork } from './in-memory-unit-of-work';
import { ProductMother } from './mothers/product.mother';
import { UserMother } from './mothers/user.mother';

describe('InMemoryStore', () => {
  it('starts with the default roles, like a migrated database', () => {
    expect([...new InMemoryStore().roles.values()].map((role) => role.name).sort()).toEqual([
      'admin',
      'moderator',
      'user',
    ]);
    expect(new InMemoryStore({ seedDefaultRoles: false }).roles.size).toBe(0);
  });

  it('fails fast instead of deadlocking when a unit of work uses outside repositories', async () => {
    const store = new InMemoryStore();
    const outside = createInMemoryRepositories(store);
    const unitOfWork = new InMemoryUnitOfWork(store);

    await expect(unitOfWork.run(() => outside.users.save(UserMother.random()))).rejects.toThrow(
      /unit of work/,
    );
    await expect(unitOfWork.run(() => unitOfWork.run(async () => 1))).rejects.toThrow(/do not nest/);
  });
});

describe('in-memory product search approximation', () => {
  it('splits text into lower-case words of letters and digits', () => {
    expect(searchWords("Café-crème, 2 Cups! 'x'")).toEqual(['café', 'crème', '2', 'cups', 'x']);
  });

  it('matches query words as prefixes and ranks name matches above description matches', () => {
    const inName = ProductMother.random({ name: 'Copper kettle', description: 'shiny' });
    const inDescription = ProductMother.random({
      name: 'Pot',
      description: 'like a kettle',
      price: Money.of('1', 'USD'),
    });

    expect(rankProduct(inName, ['kett'])).toBeGreaterThan(rankProduct(inDescription, ['kett'])!);
    expect(rankProduct(inName, ['kettle', 'teapot'])).toBeNull();
    expect(rankProduct(inName, [])).toBeNull();
  });
});
