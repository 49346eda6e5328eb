import type { Role, User } from '@stratum/domain';
import type { z } from 'zod';
import type { RoleResponse, UserResponse } from '../schemas/user.schemas';

/** What a client sees of a user: never the password hash, whoever asks. */
export function presentUser(user: User): z.infer<typeof UserResponse> {
  return {
    id: user.id.value,
    email: user.email.value,
    name: user.name,
    status: user.status,
    preferences: { ...user.preferences },
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

export function presentRole(role: Role): z.infer<typeof RoleResponse> {
  return { name: role.name, description: role.description, permissions: [...role.permissions] };
}
