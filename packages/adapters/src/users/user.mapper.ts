import { User } from '@stratum/domain';
import type { UserModel } from '@stratum/prisma';

/** A `users` row as the model API returns it; our raw SELECTs alias their columns to the same names. */
export type UserRow = UserModel;

/** The columns `save` writes. deleted_at is absent on purpose: only softDelete sets it. */
export interface UserWrite {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly passwordHash: string;
  readonly status: string;
  /** JSON text, cast to jsonb in the statement. */
  readonly preferences: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** Our own row: rebuilt without re-running the rules its writer already ran (User.fromStored). */
export function toDomain(row: UserRow): User {
  return User.fromStored(row);
}

export function toRow(user: User): UserWrite {
  return {
    id: user.id.value,
    email: user.email.value,
    name: user.name,
    passwordHash: user.passwordHash,
    status: user.status,
    preferences: JSON.stringify(user.preferences),
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}
