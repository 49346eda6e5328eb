import type { PageRequest, Product, ProductId, ProductRepository, ProductSearchHit } from '@stratum/domain';
import type { Invalidation } from '../store/cache.port';
import type { RepositoryCache } from '../read-through/repository-cache';
import { writeThenInvalidate } from './write-then-invalidate';

/**
 * Products by id and search result pages through the cache. Any change to a product (including
 * its stock, which decides whether it appears in search) renews the search generation, which
 * retires every cached page at once without listing them.
 */
export class CachedProductRepository implements ProductRepository {
  /**
   * @param loader what cache misses load from. It must read the primary: a fill from a lagging
   * replica just after an invalidation would be cached until the TTL. Defaults to `inner`.
   */
  constructor(
    private readonly inner: ProductRepository,
    private readonly cache: RepositoryCache,
    private readonly loader: ProductRepository = inner,
  ) {}

  findById(id: ProductId): Promise<Product | null> {
    return this.cache.read(this.cache.keys.product(id.value), () => this.loader.findById(id));
  }

  search(query: string, page: PageRequest): Promise<ProductSearchHit[]> {
    return this.cache.read(this.cache.keys.productSearch(query, page), () => this.loader.search(query, page));
  }

  save(product: Product): Promise<void> {
    return this.changing(product.id, () => this.inner.save(product));
  }

  softDelete(id: ProductId): Promise<void> {
    return this.changing(id, () => this.inner.softDelete(id));
  }

  adjustStock(id: ProductId, delta: number): Promise<number> {
    return this.changing(id, () => this.inner.adjustStock(id, delta));
  }

  private changing<T>(id: ProductId, write: () => Promise<T>): Promise<T> {
    return writeThenInvalidate(this.cache, () => productsChanged(this.cache, [id]), write);
  }
}

/** What a change to these products makes stale: their entries and every search page. */
export function productsChanged(cache: RepositoryCache, ids: readonly ProductId[]): Invalidation {
  return {
    keys: ids.map((id) => cache.keys.product(id.value).key),
    namespaces: [cache.keys.productSearchNamespace],
  };
}
