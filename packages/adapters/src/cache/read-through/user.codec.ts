import { Email, User, UserId, parseUserStatus } from '@stratum/domain';
import {
  asRecord,
  dateField,
  jsonCodec,
  nullable,
  nullableDateField,
  recordField,
  stringField,
  type CacheCodec,
} from './cache.codec';

/** Bump when the shape below changes: it is part of the key, so a new deploy never reads an old shape. */
export const USER_FORMAT_VERSION = 1;

/** A user written out field by field (ids as strings, dates as ISO) and rebuilt through reconstitute(). */
export const userCodec: CacheCodec<User> = jsonCodec(
  (user: User) => ({
    id: user.id.value,
    email: user.email.value,
    name: user.name,
    passwordHash: user.passwordHash,
    status: user.status,
    preferences: user.preferences,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    deletedAt: user.deletedAt?.toISOString() ?? null,
  }),
  (json) => {
    const record = asRecord(json, 'user');
    return User.reconstitute({
      id: UserId.of(stringField(record, 'id')),
      email: Email.of(stringField(record, 'email')),
      name: stringField(record, 'name'),
      passwordHash: stringField(record, 'passwordHash'),
      status: parseUserStatus(stringField(record, 'status')),
      preferences: { ...recordField(record, 'preferences') },
      createdAt: dateField(record, 'createdAt'),
      updatedAt: dateField(record, 'updatedAt'),
      deletedAt: nullableDateField(record, 'deletedAt'),
    });
  },
);

export const nullableUserCodec = nullable(userCodec);

/** The email index holds only the owner's id (or null), so it can never hold an outdated user. */
export const userIdRefCodec: CacheCodec<string | null> = nullable(
  jsonCodec(
    (id: string) => id,
    (json) => UserId.of(typeof json === 'string' ? json : '').value,
  ),
);
