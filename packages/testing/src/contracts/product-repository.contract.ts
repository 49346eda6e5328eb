import { describe, expect, it } from 'vitest';
import {
  InsufficientStockError,
  Money,
  NotFoundError,
  PageRequest,
  Product,
  ProductId,
  type ProductRepository,
  SkuTakenError,
} from '@stratum/domain';
import { ProductMother, type ProductOverrides } from '../mothers/product.mother';
import { RandomMother } from '../mothers/random.mother';
import { expectDomainError, useSubject, type ContractSubject } from './contract-helpers';

export interface ProductRepositoryContractSubject extends ContractSubject {
  readonly products: ProductRepository;
}

export function productRepositoryContract(
  name: string,
  makeSubject: () => Promise<ProductRepositoryContractSubject>,
): void {
  describe(`ProductRepository contract (${name})`, () => {
    const subject = useSubject(makeSubject);
    const page = PageRequest.of({ limit: 100 });

    async function saved(overrides: ProductOverrides = {}): Promise<Product> {
      const product = ProductMother.random(overrides);
      await subject().products.save(product);
      return product;
    }

    async function stockOf(product: Product): Promise<number | undefined> {
      return (await subject().products.findById(product.id))?.stock;
    }

    async function searchIds(query: string, request = page): Promise<string[]> {
      return (await subject().products.search(query, request)).map((hit) => hit.product.id.value);
    }

    describe('saving and finding', () => {
      it('finds a saved product with every field intact', async () => {
        const product = await saved({
          sku: 'SKU-ÉTÉ-42',
          name: 'Café crème ☕',
          description: 'Smooth, with "quotes" and \'apostrophes\'.',
          price: Money.of('12.30', 'EUR'),
          stock: 7,
        });

        const found = await subject().products.findById(product.id);

        expect(found).not.toBeNull();
        expect(found!.id.equals(product.id)).toBe(true);
        expect(found!.sku).toBe('SKU-ÉTÉ-42');
        expect(found!.name).toBe('Café crème ☕');
        expect(found!.description).toBe('Smooth, with "quotes" and \'apostrophes\'.');
        expect(found!.price.equals(Money.of('12.30', 'EUR'))).toBe(true);
        expect(found!.stock).toBe(7);
        expect(found!.createdAt.getTime()).toBe(product.createdAt.getTime());
        expect(found!.deletedAt).toBeNull();
      });

      it('keeps prices exact to the cent, from the smallest to the largest the column holds', async () => {
        for (const amount of ['0.00', '0.01', '0.10', '9999999999.99']) {
          const product = await saved({ price: Money.of(amount, 'USD') });
          expect((await subject().products.findById(product.id))?.price.toDecimalString()).toBe(amount);
        }
      });

      it('returns null for an id that was never saved', async () => {
        expect(await subject().products.findById(ProductId.random())).toBeNull();
      });

      it('updates name, description and price when saved again', async () => {
        const product = await saved();
        const changed = product
          .rename('Renamed')
          .changeDescription('New words')
          .changePrice(Money.of('3.33', 'USD'));

        await subject().products.save(changed);

        const found = await subject().products.findById(product.id);
        expect(found?.name).toBe('Renamed');
        expect(found?.description).toBe('New words');
        expect(found?.price.toDecimalString()).toBe('3.33');
      });

      it('never lets save overwrite stock that moved since the product was read', async () => {
        const product = await saved({ stock: 10 });
        const readEarlier = (await subject().products.findById(product.id))!;
        await subject().products.adjustStock(product.id, -3);

        await subject().products.save(readEarlier.rename('Renamed meanwhile'));

        const found = await subject().products.findById(product.id);
        expect(found?.name).toBe('Renamed meanwhile');
        expect(found?.stock).toBe(7);
      });

      it('refuses a second product with the SKU of a live one with SkuTakenError, storing nothing', async () => {
        const first = await saved();
        const second = ProductMother.random({ sku: first.sku });

        const error = await expectDomainError(subject().products.save(second), SkuTakenError, 'SKU_TAKEN');

        expect(error.sku).toBe(first.sku);
        expect(await subject().products.findById(second.id)).toBeNull();
        expect((await subject().products.findById(first.id))?.name).toBe(first.name);
      });

      it("refuses to change a product's SKU to one another product holds", async () => {
        const holder = await saved();
        const other = await saved();
        const renumbered = Product.reconstitute({ ...other.toProps(), sku: holder.sku });

        await expectDomainError(subject().products.save(renumbered), SkuTakenError, 'SKU_TAKEN');
        expect((await subject().products.findById(other.id))?.sku).toBe(other.sku);
      });

      it('lets a new product take the SKU of a deleted one', async () => {
        const gone = await saved();
        await subject().products.softDelete(gone.id);

        const successor = await saved({ sku: gone.sku });

        expect((await subject().products.findById(successor.id))?.sku).toBe(gone.sku);
      });
    });

    describe('soft deletion', () => {
      it('hides a deleted product', async () => {
        const product = await saved();
        await subject().products.softDelete(product.id);
        expect(await subject().products.findById(product.id)).toBeNull();
      });

      it('refuses to delete a product that does not exist, or twice', async () => {
        const product = await saved();
        await subject().products.softDelete(product.id);

        await expectDomainError(subject().products.softDelete(product.id), NotFoundError, 'NOT_FOUND');
        const error = await expectDomainError(
          subject().products.softDelete(ProductId.random()),
          NotFoundError,
          'NOT_FOUND',
        );
        expect(error.entity).toBe('Product');
      });

      it('refuses to save over a deleted product, leaving it deleted', async () => {
        const product = await saved();
        await subject().products.softDelete(product.id);

        await expectDomainError(subject().products.save(product.rename('Back')), NotFoundError, 'NOT_FOUND');
        expect(await subject().products.findById(product.id)).toBeNull();
      });
    });

    describe('adjusting stock', () => {
      it('adds and takes stock, returning the new level', async () => {
        const product = await saved({ stock: 5 });

        expect(await subject().products.adjustStock(product.id, 10)).toBe(15);
        expect(await subject().products.adjustStock(product.id, -4)).toBe(11);
        expect(await stockOf(product)).toBe(11);
      });

      it('takes stock down to exactly zero', async () => {
        const product = await saved({ stock: 3 });
        expect(await subject().products.adjustStock(product.id, -3)).toBe(0);
      });

      it('refuses to take more than is in stock, naming the product and changing nothing', async () => {
        const product = await saved({ stock: 2 });

        const error = await expectDomainError(
          subject().products.adjustStock(product.id, -3),
          InsufficientStockError,
          'INSUFFICIENT_STOCK',
        );

        expect(error.productId).toBe(product.id.value);
        expect(await stockOf(product)).toBe(2);
      });

      it('refuses to adjust the stock of a missing or deleted product', async () => {
        const product = await saved();
        await subject().products.softDelete(product.id);

        for (const id of [product.id, ProductId.random()]) {
          const error = await expectDomainError(
            subject().products.adjustStock(id, 1),
            NotFoundError,
            'NOT_FOUND',
          );
          expect(error).toMatchObject({ entity: 'Product', id: id.value });
        }
      });

      it('neither loses nor oversells units under concurrent decrements', async () => {
        const product = await saved({ stock: 5 });

        const results = await Promise.allSettled(
          Array.from({ length: 10 }, () => subject().products.adjustStock(product.id, -1)),
        );

        const fulfilled = results.filter((result) => result.status === 'fulfilled');
        const rejected = results.filter((result) => result.status === 'rejected');
        expect(fulfilled).toHaveLength(5);
        for (const result of rejected) expect(result.reason).toBeInstanceOf(InsufficientStockError);
        expect(await stockOf(product)).toBe(0);
      });
    });

    describe('searching', () => {
      it('finds a product by a distinctive word of its name', async () => {
        const word = RandomMother.word();
        const product = await saved({ name: `Deluxe ${word} kettle` });

        const hits = await subject().products.search(word, page);

        expect(hits.map((hit) => hit.product.id.value)).toEqual([product.id.value]);
        expect(Number.isFinite(hits[0]!.rank)).toBe(true);
        expect(hits[0]!.rank).toBeGreaterThan(0);
      });

      it('finds a product by a distinctive word of its description', async () => {
        const word = RandomMother.word();
        const product = await saved({ description: `Pairs well with a ${word} on cold days.` });

        expect(await searchIds(word)).toEqual([product.id.value]);
      });

      it('ignores the case of the query and stray punctuation around words', async () => {
        const word = RandomMother.word();
        const product = await saved({ name: `Deluxe ${word} kettle` });

        expect(await searchIds(`  ${word.toUpperCase()}!? `)).toEqual([product.id.value]);
      });

      it('requires every word of the query to match', async () => {
        const first = RandomMother.word();
        const second = RandomMother.word();
        const both = await saved({ name: `${first} ${second}` });
        await saved({ name: `${first} alone` });

        expect(await searchIds(`${first} ${second}`)).toEqual([both.id.value]);
      });

      it('leaves out deleted and out-of-stock products', async () => {
        const word = RandomMother.word();
        const inStock = await saved({ name: `${word} one`, stock: 1 });
        await saved({ name: `${word} two`, stock: 0 });
        const deleted = await saved({ name: `${word} three` });
        await subject().products.softDelete(deleted.id);
        const soldOut = await saved({ name: `${word} four`, stock: 2 });
        await subject().products.adjustStock(soldOut.id, -2);

        expect(await searchIds(word)).toEqual([inStock.id.value]);
      });

      it('lists hits best first', async () => {
        const word = RandomMother.word();
        await saved({ name: `${word}`, description: `${word} ${word}` });
        await saved({ name: 'Plain', description: `mentions ${word} once` });
        await saved({ name: `${word} again`, description: 'nothing more' });

        const ranks = (await subject().products.search(word, page)).map((hit) => hit.rank);

        expect(ranks).toHaveLength(3);
        expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
      });

      it('returns at most the page size and pages on by offset', async () => {
        const word = RandomMother.word();
        for (let i = 0; i < 3; i++) await saved({ name: `${word} number ${i}` });

        const first = await searchIds(word, PageRequest.of({ limit: 2 }));
        const rest = await searchIds(word, PageRequest.of({ limit: 2, offset: 2 }));

        expect(first).toHaveLength(2);
        expect(rest).toHaveLength(1);
        expect(new Set([...first, ...rest]).size).toBe(3);
      });

      it('returns nothing for a blank query', async () => {
        await saved({ name: 'Anything at all' });
        for (const blank of ['', '   ', '\n\t '])
          expect(await subject().products.search(blank, page)).toEqual([]);
      });

      it('takes hostile, malformed or huge queries as plain text without failing', async () => {
        const word = RandomMother.word();
        await saved({ name: `Sturdy ${word}` });
        const queries = [
          "'",
          '"',
          "'; DROP TABLE products; --",
          `${word} & | ! <-> :* ( )`,
          '!!!',
          '(((',
          'a:*B & !c | (d <2> e)',
          '\\',
          '%_%',
          '\u0000',
          'NULL',
          'ünïcödé 🚀 日本語',
          `"${word}`,
          'x'.repeat(10_000),
          `${word} `.repeat(1_000),
        ];

        for (const query of queries) {
          const hits = await subject().products.search(query, page);
          expect(Array.isArray(hits), query.slice(0, 40)).toBe(true);
        }
      });
    });
  });
}
