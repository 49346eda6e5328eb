import type { Prisma } from '@stratum/prisma';

interface Known {
  readonly parts: readonly string[];
  readonly text: string;
  readonly name: string | undefined;
}

/**
 * A statement's text and name, built once per shape. A Prisma.Sql rebuilds its text from its
 * parts on every read, and naming it hashed that fresh string again: for the transfer's and the
 * order's statements (a few kilobytes) that was more Node time per call than the driver's Bind
 * (apps/bench/README.md). Here a shape is known by its literal parts, which for a template
 * without fragments are the very string objects of the source, so telling it apart costs a
 * pointer comparison a part; and pg, handed the same text object each time, checks it against
 * the prepared one by identity too.
 *
 * Past `limit` shapes (SQL of ever new shapes) texts are built per call again, uncached.
 */
export class StatementTexts {
  private readonly byFirstPart = new Map<string, Known[]>();
  private size = 0;

  constructor(
    private readonly nameOf: (query: { sql: string }) => string | undefined,
    private readonly limit = 2_000,
  ) {}

  of(statement: Prisma.Sql): { readonly text: string; readonly name: string | undefined } {
    const parts = statement.strings;
    const first = parts[0] ?? '';
    const candidates = this.byFirstPart.get(first);
    if (candidates) {
      for (const known of candidates) if (sameParts(known.parts, parts)) return known;
    }
    const text = statement.text;
    const known: Known = { parts: [...parts], text, name: this.nameOf({ sql: text }) };
    if (this.size < this.limit) {
      if (candidates) candidates.push(known);
      else this.byFirstPart.set(first, [known]);
      this.size++;
    }
    return known;
  }
}

function sameParts(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
