import type { Repositories } from '@stratum/domain';
import { CachedProductRepository } from './cached-product.repository';
import { CachedUserRepository } from './cached-user.repository';
import { ProductInvalidatingOrderRepository } from './product-invalidating-order.repository';
import type { RepositoryCache } from './repository-cache';

/** The same repositories with users and products cached, and orders invalidating the products they move. */
export function cacheRepositories(repositories: Repositories, cache: RepositoryCache): Repositories {
  return {
    ...repositories,
    users: new CachedUserRepository(repositories.users, cache),
    products: new CachedProductRepository(repositories.products, cache),
    orders: new ProductInvalidatingOrderRepository(repositories.orders, cache),
  };
}
