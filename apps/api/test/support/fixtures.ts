import { Money, Product, type Account, type UserId } from '@stratum/domain';
import type { TestApp } from './test-app';

/** A unique letters-only word: full-text search tokenises it as one word that matches nothing else. */
export function uniqueWord(): string {
  return `zq${crypto
    .randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 10)}`;
}

/** A create-product request body with a unique SKU and name. */
export function productBody(overrides: Record<string, unknown> = {}) {
  return {
    sku: `SKU-${crypto.randomUUID().slice(0, 12)}`,
    name: `Keyboard ${uniqueWord()}`,
    description: 'Tactile switches and an aluminium case',
    price: '129.90',
    currency: 'USD',
    stock: 10,
    ...overrides,
  };
}

/** A product saved straight through the repository, for tests about something else. */
export async function savedProduct(t: TestApp, price = '10.00', stock = 10): Promise<Product> {
  const product = Product.create({
    sku: `SKU-${crypto.randomUUID().slice(0, 12)}`,
    name: `Widget ${uniqueWord()}`,
    price: Money.of(price, 'USD'),
    stock,
  });
  await t.repositories.products.save(product);
  return product;
}

/** An account with money in it: over HTTP accounts open empty, so tests fund them here. */
export function fundedAccount(
  t: TestApp,
  ownerId: UserId,
  balance = '100.00',
  currency = 'USD',
): Promise<Account> {
  return t.repositories.accounts.open({ ownerId, currency, initialBalance: Money.of(balance, currency) });
}
