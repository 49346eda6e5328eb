/**
 * A position in PostgreSQL's write-ahead log (an LSN, written `16/B374D848`). Replicas replay the
 * primary's WAL in order, so comparing positions tells how far behind a replica is, in bytes, and
 * whether it has replayed a given write yet.
 */
export class WalPosition {
  private constructor(readonly bytes: bigint) {}

  /** Parses PostgreSQL's `pg_lsn` text form; throws RangeError on anything else. */
  static parse(text: string): WalPosition {
    const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text.trim());
    if (!match) throw new RangeError(`not a WAL position: "${text}"`);
    const [, high = '0', low = '0'] = match;
    return new WalPosition((BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`));
  }

  /** Like parse, but null for missing or malformed input, e.g. a token sent back by a client. */
  static tryParse(text: string | null | undefined): WalPosition | null {
    if (!text) return null;
    try {
      return WalPosition.parse(text);
    } catch {
      return null;
    }
  }

  isAtLeast(other: WalPosition): boolean {
    return this.bytes >= other.bytes;
  }

  /** Bytes of WAL between `earlier` and this position; 0 when `earlier` is not behind. */
  bytesAfter(earlier: WalPosition): number {
    const delta = this.bytes - earlier.bytes;
    return delta > 0n ? Number(delta) : 0;
  }

  static max(a: WalPosition | null, b: WalPosition): WalPosition {
    return a && a.isAtLeast(b) ? a : b;
  }

  toString(): string {
    const high = (this.bytes >> 32n).toString(16).toUpperCase();
    const low = (this.bytes & 0xffffffffn).toString(16).toUpperCase();
    return `${high}/${low}`;
  }
}
