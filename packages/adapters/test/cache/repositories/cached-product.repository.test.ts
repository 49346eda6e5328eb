import { Money, PageRequest } from '@stratum/domain';
import { ProductMother, RandomMother, UserMother } from '@stratum/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { useBackends } from '../support/cache-backends';
import { cacheWorld, type CacheWorld } from '../support/cache-world';

const page = PageRequest.of({ limit: 10 });

for (const backend of useBackends('cached-product')) {
  describe.skipIf(backend.skip)(`CachedProductRepository on ${backend.name}`, () => {
    let world: CacheWorld;
    let word: string;
    beforeEach(async () => {
      world = cacheWorld(await backend.make());
      word = RandomMother.word(10); // a search term no other test's products contain
    });

    async function savedProduct(overrides: Parameters<typeof ProductMother.random>[0] = {}) {
      const product = ProductMother.random({ name: `Lamp ${word}`, ...overrides });
      await world.database.products.save(product);
      return product;
    }

    const searchIds = async (query: string) =>
      (await world.products.search(query, page)).map((hit) => hit.product.id.value);

    it('reads a product once, then from the cache, with its price exact', async () => {
      const product = await savedProduct({ price: Money.of('12.30', 'EUR'), stock: 7 });

      await world.products.findById(product.id);
      const cached = await world.products.findById(product.id);

      expect(world.control.count('products.findById')).toBe(1);
      expect(cached?.toProps()).toEqual(product.toProps());
      expect(cached?.price.toDecimalString()).toBe('12.30');
    });

    it('caches each search page on its own', async () => {
      await savedProduct();
      await world.products.search(word, page);
      await world.products.search(word, page);
      await world.products.search(word, PageRequest.of({ limit: 10, offset: 10 }));

      expect(world.control.count('products.search')).toBe(2);
    });

    it('rebuilds search hits with their rank', async () => {
      await savedProduct();
      const fresh = await world.products.search(word, page);
      const cached = await world.products.search(word, page);

      expect(cached.map((hit) => [hit.rank, hit.product.toProps()])).toEqual(
        fresh.map((hit) => [hit.rank, hit.product.toProps()]),
      );
    });

    it('renews search pages when a product is renamed', async () => {
      const product = await savedProduct();
      const other = RandomMother.word(10);
      expect(await searchIds(word)).toEqual([product.id.value]);
      expect(await searchIds(other)).toEqual([]);

      await world.products.save(product.rename(`Lamp ${other}`));

      expect(await searchIds(word)).toEqual([]);
      expect(await searchIds(other)).toEqual([product.id.value]);
      expect((await world.products.findById(product.id))?.name).toBe(`Lamp ${other}`);
    });

    it('renews search pages when a product is added, deleted or sold out', async () => {
      const first = await savedProduct({ stock: 1 });
      expect(await searchIds(word)).toEqual([first.id.value]);

      const second = ProductMother.random({ name: `Lamp ${word}` });
      await world.products.save(second);
      expect((await searchIds(word)).sort()).toEqual([first.id.value, second.id.value].sort());

      await world.products.adjustStock(first.id, -1);
      expect(await searchIds(word)).toEqual([second.id.value]);

      await world.products.softDelete(second.id);
      expect(await searchIds(word)).toEqual([]);
      expect(await world.products.findById(second.id)).toBeNull();
    });

    it('shows stock moved by orders, placed and cancelled', async () => {
      const customer = UserMother.random();
      await world.database.users.save(customer);
      const product = await savedProduct({ stock: 5 });
      await world.products.findById(product.id);
      await world.products.search(word, page);

      const order = await world.orders.placeOrder({
        customerId: customer.id,
        lines: [{ productId: product.id, quantity: 5 }],
      });
      expect((await world.products.findById(product.id))?.stock).toBe(0);
      expect(await searchIds(word)).toEqual([]);

      await world.orders.changeStatus(order.id, 'CANCELLED');
      expect((await world.products.findById(product.id))?.stock).toBe(5);
      expect(await searchIds(word)).toEqual([product.id.value]);
    });

    it('keeps search pages when a stock change is refused', async () => {
      const product = await savedProduct({ stock: 1 });
      await world.products.search(word, page);

      await expect(world.products.adjustStock(product.id, -2)).rejects.toThrow();
      await world.products.search(word, page);

      expect(world.control.count('products.search')).toBe(1);
    });
  });
}
