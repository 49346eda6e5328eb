import { ValidationError } from '../shared/common.errors';
import { requireDate } from '../shared/text';

/** One expiry statement locks this many orders and their products at most, however it is configured. */
export const MAX_EXPIRY_BATCH = 10_000;

/** @throws ValidationError for a cutoff that is no date or a limit that is no whole number in 1..MAX_EXPIRY_BATCH. */
export function requireExpiryBatch(cutoff: unknown, limit: unknown): void {
  requireDate(cutoff, 'cutoff');
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_EXPIRY_BATCH) {
    throw new ValidationError('limit', `must be a whole number from 1 to ${MAX_EXPIRY_BATCH}`);
  }
}
