import { MAX_IDEMPOTENCY_KEY_LENGTH } from '@stratum/domain';
import { z } from 'zod';
import { Currency, DecimalAmount, Timestamp, Uuid, cursorPageOf } from './common.schemas';

/** Keys are stored prefixed with the caller's id (37 characters), so each caller has keys of their own. */
export const MAX_CLIENT_IDEMPOTENCY_KEY_LENGTH = MAX_IDEMPOTENCY_KEY_LENGTH - 37;

export const OpenAccountBody = z.strictObject({ currency: Currency });

export const TransferBody = z.strictObject({
  toAccountId: Uuid,
  amount: DecimalAmount,
  currency: Currency,
});

// Loose: Fastify replaces request.headers with the validated value, which must keep the others.
export const TransferHeaders = z.looseObject({
  'idempotency-key': z.string().min(1).max(MAX_CLIENT_IDEMPOTENCY_KEY_LENGTH),
});

export const AccountResponse = z
  .object({
    id: Uuid,
    ownerId: Uuid,
    balance: z.string(),
    currency: z.string(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Account' });

export const TransferResponse = z
  .object({
    id: Uuid,
    fromAccountId: Uuid,
    toAccountId: Uuid,
    amount: z.string(),
    currency: z.string(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Transfer' });

export const TransferPageResponse = cursorPageOf(TransferResponse);
