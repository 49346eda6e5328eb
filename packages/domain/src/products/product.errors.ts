import { DomainError } from '../shared/domain-error';

export class InsufficientStockError extends DomainError {
  readonly code = 'INSUFFICIENT_STOCK' as const;

  constructor(
    readonly productId: string,
    /** Units that were asked for. */
    readonly requested: number,
    /** Units on hand when the request failed, when the adapter knows it cheaply. */
    readonly available?: number,
  ) {
    super(
      `product ${productId} has ${available === undefined ? 'too few' : available} units in stock, ${requested} requested`,
    );
  }
}

/** Another live product has this SKU: SKUs are unique among products not deleted. */
export class SkuTakenError extends DomainError {
  readonly code = 'SKU_TAKEN' as const;

  constructor(readonly sku: string) {
    super(`the SKU ${sku} is already used by another product`);
  }
}
