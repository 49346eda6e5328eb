/** Turns a cached value into the string stored and back; `decode` throws on anything malformed. */
export interface CacheCodec<T> {
  encode(value: T): string;
  decode(text: string): T;
}

export class CacheDecodeError extends Error {
  constructor(message: string) {
    super(`cached value is malformed: ${message}`);
    this.name = 'CacheDecodeError';
  }
}

/** A codec of plain JSON-able shapes, checked on the way back in by `fromJson`. */
export function jsonCodec<T>(toJson: (value: T) => unknown, fromJson: (json: unknown) => T): CacheCodec<T> {
  return {
    encode: (value) => JSON.stringify(toJson(value)),
    decode: (text) => {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new CacheDecodeError('not JSON');
      }
      return fromJson(json);
    },
  };
}

/** Negative results are cached too (as JSON null): a miss for an unknown id is as costly as a hit. */
export function nullable<T>(codec: CacheCodec<T>): CacheCodec<T | null> {
  return {
    encode: (value) => (value === null ? 'null' : codec.encode(value)),
    decode: (text) => (text === 'null' ? null : codec.decode(text)),
  };
}
