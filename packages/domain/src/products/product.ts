import { ValidationError } from '../shared/common.errors';
import { maxMinorForPrecision, type Money } from '../shared/money';
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

  private constructor(props: ProductProps) {
    this.id = props.id;
    this.sku = requireText(props.sku, 'sku', { max: MAX_SKU_LENGTH });
    this.name = requireText(props.name, 'name', { max: MAX_PRODUCT_NAME_LENGTH });
    this.description = requireText(props.description, 'description', {
      min: 0,
      max: MAX_PRODUCT_DESCRIPTION_LENGTH,
    });
    this.price = parsePrice(props.price);
    this.stock = parseStock(props.stock);
    this.createdAt = requireDate(props.createdAt, 'createdAt');
    this.updatedAt = requireDate(props.updatedAt, 'updatedAt');
    this.deletedAt = props.deletedAt === null ? null : requireDate(props.deletedAt, 'deletedAt');
    Object.freeze(this);
  }

  static create(input: CreateProductInput): Product {
    const now = input.now ?? new Date();
    return new Product({
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

  static reconstitute(props: ProductProps): Product {
    return new Product(props);
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
    return new Product({ ...this.toProps(), ...changes, updatedAt: now });
  }
}
