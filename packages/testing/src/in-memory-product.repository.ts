import {
  compareNewestFirst,
  NotFoundError,
  type PageRequest,
  Product,
  SkuTakenError,
  type ProductId,
  type ProductRepository,
  type ProductSearchHit,
} from '@stratum/domain';
import { InMemoryRepository, byCreatedAtAndId, offsetPage } from './in-memory-repository.base';
import { rankProduct, searchWords } from './in-memory-product-search';

export class InMemoryProductRepository extends InMemoryRepository implements ProductRepository {
  findById(id: ProductId): Promise<Product | null> {
    return this.atomically(() => this.live(id.value));
  }

  save(product: Product): Promise<void> {
    return this.atomically(() => {
      const existing = this.store.products.get(product.id.value);
      if (existing?.isDeleted) throw new NotFoundError('Product', product.id.value);
      // Like the database's unique index on the SKU of live products.
      for (const other of this.store.products.values()) {
        if (!other.isDeleted && other.sku === product.sku && !other.id.equals(product.id)) {
          throw new SkuTakenError(product.sku);
        }
      }
      const stored = Product.reconstitute({
        ...product.toProps(),
        // Stock is the repository's to move once the product exists; see ProductRepository.save.
        stock: existing?.stock ?? product.stock,
        createdAt: existing?.createdAt ?? product.createdAt,
        deletedAt: null,
      });
      this.store.products.set(stored.id.value, stored);
    });
  }

  softDelete(id: ProductId): Promise<void> {
    return this.atomically(() => {
      const product = this.live(id.value);
      if (!product) throw new NotFoundError('Product', id.value);
      const now = new Date();
      this.store.products.set(
        id.value,
        Product.reconstitute({ ...product.toProps(), updatedAt: now, deletedAt: now }),
      );
    });
  }

  adjustStock(id: ProductId, delta: number): Promise<number> {
    return this.atomically(() => {
      const product = this.live(id.value);
      if (!product) throw new NotFoundError('Product', id.value);
      const adjusted = product.adjustStock(delta);
      this.store.products.set(id.value, adjusted);
      return adjusted.stock;
    });
  }

  search(query: string, page: PageRequest): Promise<ProductSearchHit[]> {
    return this.atomically(() => {
      const words = searchWords(query);
      const hits: ProductSearchHit[] = [];
      for (const product of this.store.products.values()) {
        if (product.isDeleted || !product.inStock) continue;
        const rank = rankProduct(product, words);
        if (rank !== null) hits.push({ product, rank });
      }
      hits.sort(
        (a, b) =>
          b.rank - a.rank || compareNewestFirst(byCreatedAtAndId(a.product), byCreatedAtAndId(b.product)),
      );
      return offsetPage(hits, page);
    });
  }

  private live(id: string): Product | null {
    const product = this.store.products.get(id);
    return product && !product.isDeleted ? product : null;
  }
}
