import { ValidationError } from '../shared/common.errors';
import { Money, maxMinorForPrecision } from '../shared/money';
import { requireDate, requireText } from '../shared/text';
import { InsufficientStockError } from './product.errors';
import { ProductId } from './product-id';

export const MAX_SKU_LENGTH = 64;
export const MAX_PRODUCT_NAME_LENGTH = 200;
export const MAX_PRODUCT_DESCRIPTION_LENGTH = 10_000;
/** The stock column is a PostgreSQL INTEGER. */
export const MAX_STOCK = 2_147_483_647;
/** Prices live in NUMERIC(12,2). */
const MAX_PRICE_MINOR = maxMinorForPrecision(12);

export interface ProductProps {
  readonly id: ProductId;
  readonly sku: string;
  readonly name: string;
  readonly description: string;
  readonly price: Money;
  readonly stock: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly deletedAt: Date | null;
}

/** A products row as our statements read it (the model's field names, the price as NUMERIC text). */
export interface StoredProduct {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly description: string;
  readonly price: string;
  readonly currency: string;
  readonly stock: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly deletedAt: Date | null;
}

export interface CreateProductInput {
  readonly sku: string;
  readonly name: string;
  readonly description?: string;
  readonly price: Money;
  readonly stock?: number;
  readonly now?: Date;
}

function parseStock(value: unknown, field = 'stock'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_STOCK) {
    throw new ValidationError(field, `must be a whole number from 0 to ${MAX_STOCK}`);
  }
  return value;
}

function parsePrice(price: Money): Money {
  if (price.isNegative()) throw new ValidationError('price', 'must not be negative');
  if (price.amountMinor > MAX_PRICE_MINOR) throw new ValidationError('price', 'is too large');
  return price;
}

/** Immutable, like User. Stock changes go through `adjustStock` so they can never go below zero. */
export class Product {
  readonly id: ProductId;
  readonly sku: string;
  readonly name: string;
  readonly description: string;
  readonly price: Money;
  readonly stock: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly deletedAt: Date | null;

  /** Takes fields already checked: by `validated` for input, or by the schema for a stored row. */
  private constructor(fields: ProductProps) {
    this.id = fields.id;
    this.sku = fields.sku;
    this.name = fields.name;
    this.description = fields.description;
    this.price = fields.price;
    this.stock = fields.stock;
    this.createdAt = fields.createdAt;
    this.updatedAt = fields.updatedAt;
    this.deletedAt = fields.deletedAt;
    Object.freeze(this);
  }

  private static validated(props: ProductProps): Product {
    return new Product({
      id: props.id,
      sku: requireText(props.sku, 'sku', { max: MAX_SKU_LENGTH }),
      name: requireText(props.name, 'name', { max: MAX_PRODUCT_NAME_LENGTH }),
      description: requireText(props.description, 'description', {
        min: 0,
        max: MAX_PRODUCT_DESCRIPTION_LENGTH,
      }),
      price: parsePrice(props.price),
      stock: parseStock(props.stock),
      createdAt: requireDate(props.createdAt, 'createdAt'),
      updatedAt: requireDate(props.updatedAt, 'updatedAt'),
      deletedAt: props.deletedAt === null ? null : requireDate(props.deletedAt, 'deletedAt'),
    });
  }

  static create(input: CreateProductInput): Product {
    const now = input.now ?? new Date();
    return Product.validated({
      id: ProductId.random(),
      sku: input.sku,
      name: input.name,
      description: input.description ?? '',
      price: input.price,
      stock: input.stock ?? 0,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    });
  }

  /** Rebuilds a product from props of unknown origin (a cache entry, a fake's store): validates every field. */
  static reconstitute(props: ProductProps): Product {
    return Product.validated(props);
  }

  /**
   * Rebuilds a product from a row our own database returned: written from a validated Product,
   * and held by its columns (uuid, VARCHAR lengths, INTEGER stock, NUMERIC(12,2) price) and
   * CHECKs (stock and price >= 0). Counting the characters of every description again was the
   * domain's largest cost of a search page.
   */
  static fromStored(row: StoredProduct): Product {
    return new Product({
      id: ProductId.fromStored(row.id),
      sku: row.sku,
      name: row.name,
      description: row.description,
      price: Money.fromStored(row.price, row.currency),
      stock: row.stock,
      // Fresh Date objects from the driver, owned by nobody else: no copy needed.
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      deletedAt: row.deletedAt,
    });
  }

  get isDeleted(): boolean {
    return this.deletedAt !== null;
  }

  get inStock(): boolean {
    return this.stock > 0;
  }

  rename(name: string, now: Date = new Date()): Product {
    return this.with({ name }, now);
  }

  changeDescription(description: string, now: Date = new Date()): Product {
    return this.with({ description }, now);
  }

  changePrice(price: Money, now: Date = new Date()): Product {
    return this.with({ price }, now);
  }

  /** @throws InsufficientStockError when the result would be negative. */
  adjustStock(delta: number, now: Date = new Date()): Product {
    if (!Number.isSafeInteger(delta)) throw new ValidationError('delta', 'must be a whole number');
    const stock = this.stock + delta;
    if (stock < 0) throw new InsufficientStockError(this.id.value, -delta, this.stock);
    return this.with({ stock: parseStock(stock, 'delta') }, now);
  }

  toProps(): ProductProps {
    return {
      id: this.id,
      sku: this.sku,
      name: this.name,
      description: this.description,
      price: this.price,
      stock: this.stock,
      createdAt: this.createdAt,
      updatedAt: this.updatedAt,
      deletedAt: this.deletedAt,
    };
  }

  private with(changes: Partial<ProductProps>, now: Date): Product {
    return Product.validated({ ...this.toProps(), ...changes, updatedAt: now });
  }
}
