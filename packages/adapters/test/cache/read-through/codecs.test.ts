import { Money, type Product } from '@stratum/domain';
import { ProductMother, UserMother } from '@stratum/testing';
import { describe, expect, it } from 'vitest';
import { CacheDecodeError } from '../../../src/cache/read-through/cache.codec';
import { nullableProductCodec, productSearchCodec } from '../../../src/cache/read-through/product.codec';
import { nullableUserCodec, userIdRefCodec } from '../../../src/cache/read-through/user.codec';

describe('cache codecs', () => {
  it('write a user field by field and rebuild it exactly', () => {
    const user = UserMother.random({ preferences: { theme: 'dark', list: [1, 'two'] } }).changeStatus(
      'SUSPENDED',
    );
    const text = nullableUserCodec.encode(user);

    expect(JSON.parse(text)).toMatchObject({
      id: user.id.value,
      createdAt: user.createdAt.toISOString(),
      deletedAt: null,
      status: 'SUSPENDED',
    });
    expect(nullableUserCodec.decode(text)?.toProps()).toEqual(user.toProps());
  });

  it('write money as an exact decimal string with its currency', () => {
    const product = ProductMother.random({ price: Money.of('0.30', 'JPY') });
    const text = nullableProductCodec.encode(product);

    expect(JSON.parse(text).price).toEqual({ amount: '0.30', currency: 'JPY' });
    expect(nullableProductCodec.decode(text)?.price.equals(product.price)).toBe(true);
  });

  it('round-trip null, search hits and owner ids', () => {
    const product: Product = ProductMother.random();
    expect(nullableUserCodec.decode(nullableUserCodec.encode(null))).toBeNull();
    const hits = productSearchCodec.decode(productSearchCodec.encode([{ product, rank: 0.42 }]));
    expect(hits[0]?.rank).toBe(0.42);
    expect(hits[0]?.product.toProps()).toEqual(product.toProps());
    const id = UserMother.random().id.value;
    expect(userIdRefCodec.decode(userIdRefCodec.encode(id))).toBe(id);
  });

  it('refuse anything malformed rather than build half an entity', () => {
    expect(() => nullableUserCodec.decode('{not json')).toThrow(CacheDecodeError);
    expect(() => nullableUserCodec.decode('{"id":"x"}')).toThrow();
    expect(() => productSearchCodec.decode('{"rank":1}')).toThrow(CacheDecodeError);
    expect(() => userIdRefCodec.decode('"not-a-uuid"')).toThrow();
  });
});
