import { ValidationError } from '../shared/common.errors';

export const USER_STATUSES = ['ACTIVE', 'INACTIVE', 'SUSPENDED'] as const;

export type UserStatus = (typeof USER_STATUSES)[number];

export function isUserStatus(value: unknown): value is UserStatus {
  return typeof value === 'string' && (USER_STATUSES as readonly string[]).includes(value);
}

export function parseUserStatus(value: unknown, field = 'status'): UserStatus {
  if (!isUserStatus(value)) throw new ValidationError(field, `must be one of ${USER_STATUSES.join(', ')}`);
  return value;
}
