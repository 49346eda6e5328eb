import { createHash } from 'node:crypto';
import type { PageRequest, Product, ProductSearchHit, User } from '@stratum/domain';
import type { CacheCodec } from './cache.codec';
import { PRODUCT_FORMAT_VERSION, nullableProductCodec, productSearchCodec } from './product.codec';
import { USER_FORMAT_VERSION, nullableUserCodec, userIdRefCodec } from './user.codec';

export type TtlClass = 'entity' | 'search';

/** One cacheable read: where it lives, how long it may live, and how it is written. */
export interface CacheEntry<T> {
  /** The stored key, or for a namespaced entry the key without its generation. Single flight runs per key. */
  readonly key: string;
  /** Set for entries invalidated as a group by renewing the namespace's generation. */
  readonly namespace?: { readonly name: string; readonly keyAt: (generation: string) => string };
  readonly ttl: TtlClass;
  readonly codec: CacheCodec<T>;
}

/**
 * The key layout, in one place. Every key starts with `<prefix>:<kind>:v<format>`, so a deploy
 * that changes a format reads and writes new keys and never decodes an old shape. Emails and
 * search terms are hashed: keys stay short and carry no personal data into Redis logs.
 *
 *   <prefix>:user:v1:<uuid>                      hash {t: ticket, v: user JSON | null}
 *   <prefix>:user-email:v1:<sha256(email)>       hash {t, v: owner id | null}
 *   <prefix>:product:v1:<uuid>                   hash {t, v: product JSON | null}
 *   <prefix>:product-search:v1:gen               the search namespace's generation
 *   <prefix>:product-search:v1:<gen>:<sha256>    hash {t, v: hits JSON}
 */
export class CacheKeys {
  constructor(readonly prefix: string) {
    if (!/^[\x21-\x7e]+$/.test(prefix)) throw new RangeError('cache key prefix must be printable ASCII');
  }

  user(id: string): CacheEntry<User | null> {
    return { key: this.key('user', USER_FORMAT_VERSION, id), ttl: 'entity', codec: nullableUserCodec };
  }

  userEmail(email: string): CacheEntry<string | null> {
    return {
      key: this.key('user-email', USER_FORMAT_VERSION, digest(email)),
      ttl: 'entity',
      codec: userIdRefCodec,
    };
  }

  product(id: string): CacheEntry<Product | null> {
    return {
      key: this.key('product', PRODUCT_FORMAT_VERSION, id),
      ttl: 'entity',
      codec: nullableProductCodec,
    };
  }

  get productSearchNamespace(): string {
    return `${this.prefix}:product-search:v${PRODUCT_FORMAT_VERSION}`;
  }

  productSearch(query: string, page: PageRequest): CacheEntry<ProductSearchHit[]> {
    const name = this.productSearchNamespace;
    const id = digest(JSON.stringify([query, page.limit, page.offset]));
    return {
      key: `${name}:${id}`,
      namespace: { name, keyAt: (generation) => `${name}:${generation}:${id}` },
      ttl: 'search',
      codec: productSearchCodec,
    };
  }

  private key(kind: string, version: number, id: string): string {
    return `${this.prefix}:${kind}:v${version}:${id}`;
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
