import { PageRequest } from '@stratum/domain';
import { describe, expect, it } from 'vitest';
import { CacheKeys } from '../../../src/cache/read-through/cache-keys';

const keys = new CacheKeys('app:cache');
const id = '0b7f6f4e-3f3a-4d7e-9d55-5d1f0a4f6c11';

describe('CacheKeys', () => {
  it('puts the format version in every key, so a new shape is written under a new key', () => {
    expect(keys.user(id).key).toBe(`app:cache:user:v1:${id}`);
    expect(keys.product(id).key).toBe(`app:cache:product:v1:${id}`);
    expect(keys.productSearchNamespace).toBe('app:cache:product-search:v1');
  });

  it('hashes emails, so no address is written into a key', () => {
    const key = keys.userEmail('someone@example.com').key;
    expect(key).toMatch(/^app:cache:user-email:v1:[\w-]{43}$/);
    expect(key).not.toContain('someone');
  });

  it('gives every search page its own key, inside the current generation', () => {
    const first = keys.productSearch('lamp', PageRequest.of({ limit: 10 }));
    const second = keys.productSearch('lamp', PageRequest.of({ limit: 10, offset: 10 }));
    expect(first.key).not.toBe(second.key);
    expect(first.namespace?.name).toBe('app:cache:product-search:v1');
    expect(first.namespace?.keyAt('g1')).toMatch(/^app:cache:product-search:v1:g1:/);
    expect(first.namespace?.keyAt('g1')).not.toBe(first.namespace?.keyAt('g2'));
  });

  it('refuses a prefix with spaces or control characters', () => {
    expect(() => new CacheKeys('has space')).toThrow(RangeError);
  });
});
