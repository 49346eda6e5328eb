import type { PageRequest } from '../shared/pagination';
import type { Product } from './product';
import type { ProductId } from './product-id';

export interface ProductSearchHit {
  readonly product: Product;
  /** Relevance, higher is better; only comparable within one result list. */
  readonly rank: number;
}

/** Products, soft-deleted ones excepted: no method finds or returns a product whose deletedAt is set. */
export interface ProductRepository {
  findById(id: ProductId): Promise<Product | null>;
  /**
   * Inserts or updates in one statement. `stock` is written on insert only: afterwards it moves
   * solely through `adjustStock` and orders, so saving a product read a moment ago can never undo
   * a concurrent reservation.
   * @throws NotFoundError when the id belongs to a soft-deleted product.
   * @throws SkuTakenError when another live product has the SKU (nothing changes).
   */
  save(product: Product): Promise<void>;
  /** @throws NotFoundError when the product does not exist or is already deleted. */
  softDelete(id: ProductId): Promise<void>;
  /**
   * Atomically adds `delta` (negative to take stock) and returns the new stock.
   * @throws InsufficientStockError when the stock would go below zero (nothing changes).
   * @throws NotFoundError when the product does not exist or is deleted.
   */
  adjustStock(id: ProductId, delta: number): Promise<number>;
  /**
   * Full-text search over name and description, best first, excluding deleted and out-of-stock
   * products. A blank query gives []. Any string is safe to pass: it is never parsed as query
   * syntax and never throws because of its content. An adapter may bound the matches it ranks
   * (the PostgreSQL one ranks the first 1,000 its index finds, configurable): a query matching
   * more then lists the best of those, still best first, and every hit still matches.
   */
  search(query: string, page: PageRequest): Promise<ProductSearchHit[]>;
}
