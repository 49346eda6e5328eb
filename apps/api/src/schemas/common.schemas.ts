import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@stratum/domain';
import { z } from 'zod';

export const Uuid = z.uuid();

export const IdParams = z.object({ id: Uuid });

/** Amounts travel as decimal strings ("12.30"), never floats, so no cent is ever lost to rounding. */
export const DecimalAmount = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, 'must be a decimal string with at most two fraction digits');

export const Currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD');

export const Timestamp = z.iso.datetime();

const Limit = z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE);

export const CursorQuery = z.object({
  limit: Limit,
  /** The nextCursor of the previous page. */
  cursor: z.string().min(1).max(200).optional(),
});

export const OffsetQuery = z.object({
  limit: Limit,
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export function cursorPageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
