import type { Repositories } from '@stratum/domain';
import { InMemoryAccountRepository } from './in-memory-account.repository';
import { InMemoryOrderRepository } from './in-memory-order.repository';
import { InMemoryProductRepository } from './in-memory-product.repository';
import type { InMemoryRepositoryOptions } from './in-memory-repository.base';
import { InMemoryRoleRepository } from './in-memory-role.repository';
import { InMemoryStore } from './in-memory-store';
import { InMemoryUserRepository } from './in-memory-user.repository';

/** Every in-memory repository over one store, so they see each other's writes like tables of one database. */
export function createInMemoryRepositories(
  store: InMemoryStore = new InMemoryStore(),
  options?: InMemoryRepositoryOptions,
): Repositories {
  return {
    users: new InMemoryUserRepository(store, options),
    roles: new InMemoryRoleRepository(store, options),
    products: new InMemoryProductRepository(store, options),
    orders: new InMemoryOrderRepository(store, options),
    accounts: new InMemoryAccountRepository(store, options),
  };
}
