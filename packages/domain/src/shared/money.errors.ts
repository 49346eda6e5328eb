import { DomainError } from './domain-error';

export class CurrencyMismatchError extends DomainError {
  readonly code = 'CURRENCY_MISMATCH' as const;

  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`expected an amount in ${expected}, got ${actual}`);
  }
}
