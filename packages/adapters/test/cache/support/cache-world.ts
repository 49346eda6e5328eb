import type { Repositories } from '@stratum/domain';
import { createInMemoryRepositories, InMemoryStore, InMemoryUnitOfWork } from '@stratum/testing';
import { CacheKeys } from '../../../src/cache/read-through/cache-keys';
import { CachedProductRepository } from '../../../src/cache/repositories/cached-product.repository';
import { CachedUserRepository } from '../../../src/cache/repositories/cached-user.repository';
import { CachingUnitOfWork } from '../../../src/cache/repositories/caching-unit-of-work';
import { ProductInvalidatingOrderRepository } from '../../../src/cache/repositories/product-invalidating-order.repository';
import {
  ReadThroughCache,
  type ReadThroughOptions,
} from '../../../src/cache/read-through/read-through.cache';
import { TEST_NEAR_MAX_ENTRIES, type IsolatedCache } from './cache-backends';
import { ControlledProductRepository, ControlledUserRepository } from './controlled-repositories';
import { ReadControl } from './read-control';

/** Cached repositories over in-memory fakes whose reads the test controls. */
export interface CacheWorld {
  readonly store: InMemoryStore;
  /** The fakes themselves, bypassing the cache: the "database". */
  readonly database: Repositories;
  readonly control: ReadControl;
  readonly cache: ReadThroughCache;
  readonly users: CachedUserRepository;
  readonly products: CachedProductRepository;
  readonly orders: ProductInvalidatingOrderRepository;
  readonly unitOfWork: CachingUnitOfWork;
}

export function cacheWorld(isolated: IsolatedCache, options: Partial<ReadThroughOptions> = {}): CacheWorld {
  const store = new InMemoryStore();
  const database = createInMemoryRepositories(store);
  const control = new ReadControl();
  const cache = readThrough(isolated, options);
  return {
    store,
    database,
    control,
    cache,
    users: new CachedUserRepository(new ControlledUserRepository(database.users, control), cache),
    products: new CachedProductRepository(new ControlledProductRepository(database.products, control), cache),
    orders: new ProductInvalidatingOrderRepository(database.orders, cache),
    unitOfWork: new CachingUnitOfWork(new InMemoryUnitOfWork(store), cache),
  };
}

/** Another process's view of the same database and the same shared cache. */
export function siblingWorld(
  of: CacheWorld,
  isolated: IsolatedCache,
  options: Partial<ReadThroughOptions> = {},
): CacheWorld {
  const control = new ReadControl();
  const cache = readThrough(isolated, options);
  return {
    ...of,
    control,
    cache,
    users: new CachedUserRepository(new ControlledUserRepository(of.database.users, control), cache),
    products: new CachedProductRepository(
      new ControlledProductRepository(of.database.products, control),
      cache,
    ),
    orders: new ProductInvalidatingOrderRepository(of.database.orders, cache),
    unitOfWork: new CachingUnitOfWork(new InMemoryUnitOfWork(of.store), cache),
  };
}

function readThrough(isolated: IsolatedCache, options: Partial<ReadThroughOptions>): ReadThroughCache {
  return new ReadThroughCache(isolated.cache, new CacheKeys(isolated.prefix), {
    ...(isolated.near ? { nearMaxEntries: TEST_NEAR_MAX_ENTRIES } : {}),
    ...options,
  });
}
