import { DomainError } from '../shared/domain-error';

export class EmailTakenError extends DomainError {
  readonly code = 'EMAIL_TAKEN' as const;

  // The message does not repeat the address: it reaches the client, the logs and the metrics.
  constructor(readonly email: string) {
    super('the email is already registered');
  }
}
