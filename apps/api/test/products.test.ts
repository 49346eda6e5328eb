import { describe, expect, it } from 'vitest';
import { productBody, uniqueWord } from './support/fixtures';
import { useTestApp, type TestApp } from './support/test-app';

async function createProduct(t: TestApp, headers: Record<string, string>, overrides = {}) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/products',
    headers,
    payload: productBody(overrides),
  });
  expect(response.statusCode).toBe(201);
  return response.json();
}

describe('products', () => {
  const t = useTestApp();

  it('creates a product and anyone can read it', async () => {
    const admin = await t.caller(['admin']);

    const created = await createProduct(t, admin.auth, { price: '5', currency: 'EUR' });

    expect(created).toMatchObject({ price: '5.00', currency: 'EUR', stock: 10 });
    const read = await t.app.inject({ method: 'GET', url: `/products/${created.id}` });
    expect(read.json()).toEqual(created);
  });

  it('refuses to create a product with a bad price, naming the field', async () => {
    const admin = await t.caller(['admin']);

    const response = await t.app.inject({
      method: 'POST',
      url: '/products',
      headers: admin.auth,
      payload: productBody({ price: 12.5 }),
    });

    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([expect.objectContaining({ in: 'body', field: 'price' })]);
  });

  it('answers 409 SKU_TAKEN for the SKU of a live product, like a taken email, and creates nothing', async () => {
    const admin = await t.caller(['admin']);
    const first = await createProduct(t, admin.auth);

    const response = await t.app.inject({
      method: 'POST',
      url: '/products',
      headers: admin.auth,
      payload: productBody({ sku: first.sku, name: 'Second of its SKU' }),
    });

    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'SKU_TAKEN' });
    expect(response.json().fields).toBeUndefined();
    expect(await t.database.prisma.product.count({ where: { sku: first.sku } })).toBe(1);
  });

  it('answers 404 for an unknown product and for one deleted since', async () => {
    const admin = await t.caller(['admin']);
    const created = await createProduct(t, admin.auth);
    await t.database.prisma.product.update({ where: { id: created.id }, data: { deletedAt: new Date() } });

    expect((await t.app.inject({ method: 'GET', url: `/products/${crypto.randomUUID()}` })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ method: 'GET', url: `/products/${created.id}` })).json().code).toBe(
      'NOT_FOUND',
    );
  });

  it('adjusts the stock atomically and refuses to go below zero with 409', async () => {
    const admin = await t.caller(['admin']);
    const { id } = await createProduct(t, admin.auth, { stock: 3 });
    const adjust = (delta: number) =>
      t.app.inject({
        method: 'PATCH',
        url: `/products/${id}/stock`,
        headers: admin.auth,
        payload: { delta },
      });

    expect((await adjust(5)).json()).toEqual({ id, stock: 8 });
    expect((await adjust(-8)).json()).toEqual({ id, stock: 0 });
    const short = await adjust(-1);
    expect(short.statusCode).toBe(409);
    expect(short.json().code).toBe('INSUFFICIENT_STOCK');
    expect((await adjust(0)).statusCode).toBe(400);
  });

  it('searches names and descriptions, best match first', async () => {
    const admin = await t.caller(['admin']);
    const word = uniqueWord();
    const inName = await createProduct(t, admin.auth, { name: `Lamp ${word}` });
    const inDescription = await createProduct(t, admin.auth, {
      name: 'Desk',
      description: `Comes with a ${word}`,
    });

    const response = await t.app.inject({ method: 'GET', url: `/products/search?q=${word}` });

    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((hit: { id: string }) => hit.id)).toEqual([inName.id, inDescription.id]);
    expect(response.json().items[0].rank).toBeGreaterThan(response.json().items[1].rank);
  });

  it('treats any search text as words, never as syntax, and a blank one as nothing', async () => {
    for (const q of ['', '   ', "'; DROP TABLE products; --", '!!! & | <-> :*', '\\']) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/products/search?q=${encodeURIComponent(q)}`,
      });
      expect(response.statusCode, q).toBe(200);
      expect(Array.isArray(response.json().items)).toBe(true);
    }
    expect((await t.app.inject({ method: 'GET', url: '/products/search' })).statusCode).toBe(400);
  });
});
