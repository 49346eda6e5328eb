/**
 * Before Drizzle is measured, its results must be raw pg's: the same rows in the same order,
 * with every column raw pg returns (Drizzle may return more) equal. Column names are compared
 * in snake_case, times as instants, and money and other decimals as exact decimals ("12.5" and
 * "12.50" are equal, 12.49 and 12.5 are not), whatever type each side decodes them to.
 */
import type { BenchOperation } from '../harness/bench-operation';
import { seededRandom } from '../harness/random';

const CALLS = 5;

/** Throws naming the first operation whose Drizzle results differ from raw pg's. */
export async function assertDrizzleMatchesRaw(
  operations: readonly BenchOperation[],
  seed: number,
): Promise<number> {
  let checked = 0;
  for (const operation of operations) {
    const raw = operation.implementations.find((i) => i.id === 'raw');
    const drizzle = operation.implementations.find((i) => i.id === 'drizzle');
    if (!raw || !drizzle) continue;
    const rawRandom = seededRandom(seed);
    const drizzleRandom = seededRandom(seed);
    for (let call = 0; call < CALLS; call++) {
      const expected = normalize(await raw.run(rawRandom));
      const actual = project(normalize(await drizzle.run(drizzleRandom)), expected);
      const [want, got] = [JSON.stringify(expected), JSON.stringify(actual)];
      if (want !== got) {
        throw new Error(
          `${operation.id}: Drizzle's result differs from raw pg's\n  raw:     ${want.slice(0, 600)}\n  drizzle: ${got.slice(0, 600)}`,
        );
      }
    }
    checked++;
  }
  return checked;
}

function normalize(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalize);
  if (typeof value === 'number') return decimal(String(value));
  if (typeof value === 'string') return /^-?\d+\.\d+$/.test(value) ? decimal(value) : value;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .map(([key, inner]): [string, unknown] => [snakeCase(key), normalize(inner)])
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  }
  return value;
}

/** Keeps only what raw pg returned, so that extra columns of Drizzle's do not count. */
function project(actual: unknown, expected: unknown): unknown {
  if (Array.isArray(actual) && Array.isArray(expected)) {
    return actual.map((item, index) => project(item, expected[index]));
  }
  if (actual && expected && typeof actual === 'object' && typeof expected === 'object') {
    const source = actual as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(expected).map(([key, inner]) => [key, project(source[key], inner)]),
    );
  }
  return actual;
}

function decimal(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
