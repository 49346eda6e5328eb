import { MAX_EMAIL_LENGTH, MAX_USER_NAME_LENGTH, USER_STATUSES } from '@stratum/domain';
import { z } from 'zod';
import { OffsetQuery, Timestamp, Uuid } from './common.schemas';

export const MIN_PASSWORD_LENGTH = 10;
// argon2 takes any length, but an unbounded one is a cheap way to make the server hash megabytes.
export const MAX_PASSWORD_LENGTH = 256;

const Email = z.string().min(3).max(MAX_EMAIL_LENGTH);
const Name = z.string().min(1).max(MAX_USER_NAME_LENGTH);
const Preferences = z.record(z.string(), z.unknown());
const Status = z.enum(USER_STATUSES);

export const RegisterUserBody = z.strictObject({
  email: Email,
  name: Name,
  password: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH),
  preferences: Preferences.optional(),
});

export const UpdateUserBody = z
  .strictObject({
    name: Name.optional(),
    email: Email.optional(),
    /** Merged into the stored preferences: keys given replace, others stay. */
    preferences: Preferences.optional(),
    /** Needs users:write, also on one's own profile. */
    status: Status.optional(),
    /** Required to change one's own email. */
    currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'give at least one field to change');

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  newPassword: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH),
});

export const UserSearchQuery = OffsetQuery.extend({
  email: z.string().min(1).max(MAX_EMAIL_LENGTH).optional(),
  name: z.string().min(1).max(MAX_USER_NAME_LENGTH).optional(),
  status: Status.optional(),
  role: z.string().min(1).max(100).optional(),
});

export const RoleParams = z.object({
  id: Uuid,
  role: z.string().regex(/^[a-z][a-z0-9_-]{0,99}$/, 'must be a role name such as admin'),
});

export const UserResponse = z
  .object({
    id: Uuid,
    email: z.string(),
    name: z.string(),
    status: Status,
    preferences: Preferences,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'User' });

export const MeResponse = UserResponse.extend({
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
}).meta({ id: 'Me' });

export const RoleResponse = z
  .object({ name: z.string(), description: z.string(), permissions: z.array(z.string()) })
  .meta({ id: 'Role' });

export const RolesResponse = z.object({ roles: z.array(RoleResponse) });
