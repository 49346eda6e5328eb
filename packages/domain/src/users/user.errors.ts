import { DomainError } from '../shared/domain-error';

export class EmailTakenError extends DomainError {
  readonly code = 'EMAIL_TAKEN' as const;

  constructor(readonly email: string) {
    super(`the email ${email} is already registered`);
  }
}
