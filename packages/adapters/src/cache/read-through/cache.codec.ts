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

/** Small checked readers for decoding cached JSON: a wrong shape fails loudly, never half-builds an entity. */
export type JsonRecord = Readonly<Record<string, unknown>>;

export function asRecord(json: unknown, what: string): JsonRecord {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new CacheDecodeError(`${what} is not an object`);
  }
  return json as JsonRecord;
}

export function asArray(json: unknown, what: string): readonly unknown[] {
  if (!Array.isArray(json)) throw new CacheDecodeError(`${what} is not an array`);
  return json;
}

export function stringField(record: JsonRecord, name: string): string {
  const value = record[name];
  if (typeof value !== 'string') throw new CacheDecodeError(`${name} is not a string`);
  return value;
}

export function numberField(record: JsonRecord, name: string): number {
  const value = record[name];
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new CacheDecodeError(`${name} is not a number`);
  return value;
}

export function recordField(record: JsonRecord, name: string): JsonRecord {
  return asRecord(record[name], name);
}

export function dateField(record: JsonRecord, name: string): Date {
  const date = new Date(stringField(record, name));
  if (Number.isNaN(date.getTime())) throw new CacheDecodeError(`${name} is not an ISO date`);
  return date;
}

export function nullableDateField(record: JsonRecord, name: string): Date | null {
  return record[name] === null ? null : dateField(record, name);
}
