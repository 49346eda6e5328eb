import type { Repositories } from '@stratum/domain';
import { CachedProductRepository } from './cached-product.repository';
import { CachedUserRepository } from './cached-user.repository';
import { ProductInvalidatingOrderRepository } from './product-invalidating-order.repository';
import type { RepositoryCache } from '../read-through/repository-cache';

/**
 * The same repositories with users and products cached, and orders invalidating the products they
 * move. When `repositories` read from replicas, pass `loadFrom`: repositories on the primary that
 * cache misses load from, so that no replica's older row is ever cached.
 */
export function cacheRepositories(
  repositories: Repositories,
  cache: RepositoryCache,
  options: { loadFrom?: Repositories } = {},
): Repositories {
  const loadFrom = options.loadFrom ?? repositories;
  return {
    ...repositories,
    users: new CachedUserRepository(repositories.users, cache, loadFrom.users),
    products: new CachedProductRepository(repositories.products, cache, loadFrom.products),
    orders: new ProductInvalidatingOrderRepository(repositories.orders, cache),
  };
}
