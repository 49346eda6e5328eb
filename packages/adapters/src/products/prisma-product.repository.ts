import {
  InsufficientStockError,
  MAX_STOCK,
  NotFoundError,
  SkuTakenError,
  ValidationError,
  type PageRequest,
  type Product,
  type ProductId,
  type ProductRepository,
  type ProductSearchHit,
} from '@stratum/domain';
import { isUniqueViolation } from '../shared/database-error';
import type { PrismaDb } from '../shared/prisma-db';
import { softDeleteRow } from '../shared/soft-delete';
import { SameTickBatch } from '../shared/same-tick-batch';
import type { SqlPath } from '../sql/sql-path';
import { sqlPathOf } from '../sql/sql-path-of';
import { toDomainProduct, type ProductRecord } from './product.mapper';
import { toSearchText } from './product-search-text';
import {
  adjustStockSql,
  DEFAULT_SEARCH_CANDIDATES,
  productsByIdsSql,
  searchProductsSql,
  upsertProductSql,
} from './product.sql';

const SKU_INDEX = 'products_sku_active_key';

export interface ProductSearchOptions {
  /**
   * Matches a search ranks at most (DEFAULT_SEARCH_CANDIDATES by default); a query matching more
   * is ranked among the first that many the index finds. Higher is closer to exact and slower on
   * common words; see searchProductsSql.
   */
  candidates?: number;
}

export class PrismaProductRepository implements ProductRepository {
  /**
   * @param db the primary (or a unit of work's transaction): every write, and reads that decide a write
   * @param reads where pure reads go: a replica-routing client, or the primary by default
   */
  constructor(
    private readonly db: PrismaDb,
    reads: PrismaDb = db,
    search: ProductSearchOptions = {},
  ) {
    this.searchCandidates = search.candidates ?? DEFAULT_SEARCH_CANDIDATES;
    if (!Number.isSafeInteger(this.searchCandidates) || this.searchCandidates < 1)
      throw new RangeError(
        `search candidates must be a whole number of at least 1, not ${this.searchCandidates}`,
      );
    this.sql = sqlPathOf(db);
    this.readSql = sqlPathOf(reads);
    // Product pages and carts look up many products at once: one statement per tick serves them.
    this.byId = new SameTickBatch(
      (ids) => this.readSql.rows<ProductRecord>(productsByIdsSql(ids)),
      (record) => record.id,
      toDomainProduct,
    );
  }

  private readonly searchCandidates: number;
  private readonly sql: SqlPath;
  private readonly readSql: SqlPath;
  private readonly byId: SameTickBatch<ProductRecord, Product>;

  findById(id: ProductId): Promise<Product | null> {
    return this.byId.load(id.value);
  }

  async save(product: Product): Promise<void> {
    let affected: number;
    try {
      affected = await this.sql.affected(upsertProductSql(product));
    } catch (error) {
      if (isUniqueViolation(error, SKU_INDEX)) throw new SkuTakenError(product.sku);
      throw error;
    }
    if (affected === 0) throw new NotFoundError('Product', product.id.value);
  }

  softDelete(id: ProductId): Promise<void> {
    return softDeleteRow(this.db.product, 'Product', id.value);
  }

  async adjustStock(id: ProductId, delta: number): Promise<number> {
    if (!Number.isSafeInteger(delta)) throw new ValidationError('delta', 'must be a whole number');
    const [row] = await this.sql.rows<{ stock: number }>(adjustStockSql(id.value, delta, new Date()));
    if (row) return row.stock;
    // The guarded UPDATE has already decided; this read only tells the caller why it refused.
    const current = await this.db.product.findFirst({
      where: { id: id.value, deletedAt: null },
      select: { stock: true },
    });
    if (!current) throw new NotFoundError('Product', id.value);
    if (delta >= 0) throw new ValidationError('delta', `would take the stock above ${MAX_STOCK}`);
    // The stock may have moved since the refusal: report it only when it still explains it.
    const available = current.stock + delta < 0 ? current.stock : undefined;
    throw new InsufficientStockError(id.value, -delta, available);
  }

  async search(query: string, page: PageRequest): Promise<ProductSearchHit[]> {
    const text = toSearchText(query);
    if (text === null) return [];
    const rows = await this.readSql.rows<ProductRecord & { rank: number }>(
      searchProductsSql(text, page, this.searchCandidates),
    );
    // The row itself, rank and all: fromStored reads only its own fields, and a rest copy of
    // every row cost more than the mapping.
    return rows.map((row) => ({ product: toDomainProduct(row), rank: row.rank }));
  }
}
