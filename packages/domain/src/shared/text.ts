import { ValidationError } from './common.errors';

/**
 * Length in characters (code points), which is what PostgreSQL's VARCHAR(n) counts; UTF-16
 * `.length` would reject names with emoji that the column happily stores.
 */
export function characterCount(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

export interface TextRule {
  readonly min?: number;
  readonly max: number;
  readonly trim?: boolean;
}

/**
 * PostgreSQL's text types cannot hold U+0000 (it answers SQLSTATE 22021), and no name, sku or
 * description has a use for it: refused in every text a value object or entity takes.
 */
export function requireNoNul(value: string, field: string): string {
  if (value.includes('\u0000')) throw new ValidationError(field, 'must not contain NUL characters');
  return value;
}

export function requireText(value: unknown, field: string, rule: TextRule): string {
  if (typeof value !== 'string') throw new ValidationError(field, 'must be a string');
  requireNoNul(value, field);
  const text = rule.trim === false ? value : value.trim();
  const min = rule.min ?? 1;
  const length = characterCount(text);
  if (length < min) {
    throw new ValidationError(field, min === 1 ? 'must not be empty' : `must be at least ${min} characters`);
  }
  if (length > rule.max) throw new ValidationError(field, `must be at most ${rule.max} characters`);
  return text;
}

export function requireDate(value: unknown, field: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new ValidationError(field, 'must be a valid Date');
  }
  return new Date(value.getTime());
}
