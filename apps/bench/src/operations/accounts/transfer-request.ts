/** One transfer as every implementation receives it: plain strings, the amount as a decimal. */
export interface TransferRequest {
  from: string;
  to: string;
  amount: string;
  currency: 'USD';
  idempotencyKey: string;
}

export class TransferRefusedError extends Error {
  override readonly name = 'TransferRefusedError';
}
