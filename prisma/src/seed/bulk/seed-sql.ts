/**
 * SQL fragments shared by the table seeders. Everything is derived from the row number, never
 * from random(): seeding twice yields the same rows (so ON CONFLICT DO NOTHING makes it
 * idempotent), and two machines benchmark the same data.
 */

/** A parameterised statement, as pg's `query(text, values)` takes it. */
export interface SeedStatement {
  readonly text: string;
  readonly values: unknown[];
}

/** Seeded rows are dated back from this instant, so that their order never depends on when the seed ran. */
export const SEED_EPOCH = '2026-01-01T00:00:00Z';

/**
 * A version-4-shaped UUID from md5(kind:n): valid for the domain's UUID check and the same for
 * the same row on every run, so a child row can name its parent without looking it up.
 */
export function seedUuid(kind: string, n: string): string {
  return `overlay(overlay(md5('${kind}:' || (${n})) placing '4' from 13) placing '8' from 17)::uuid`;
}

/**
 * A float8 in [0, 1) from the row number and a salt; the salt keeps a row's draws independent.
 * float8, not numeric: power() on numeric costs about 9 µs a call, which made the skewed picks
 * the slowest part of the whole seed.
 */
export function unit(n: string, salt: number): string {
  return `((hashint8((${n})::bigint * 64 + ${salt})::bigint + 2147483648)::float8 / 4294967296.0::float8)`;
}

/**
 * An element of a text[] parameter. `skew` 1 picks uniformly; above 1 favours the first
 * elements, so the head of each list is common and its tail rare.
 */
export function pick(arrayParam: string, n: string, salt: number, skew = 1): string {
  const draw = skew === 1 ? unit(n, salt) : `power(${unit(n, salt)}, ${skew})`;
  return `(${arrayParam})[1 + floor(cardinality(${arrayParam}) * ${draw})::int]`;
}
