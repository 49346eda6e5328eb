import { CacheDecodeError } from './cache.codec';

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
