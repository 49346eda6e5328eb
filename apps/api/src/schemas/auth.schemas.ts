import { MAX_EMAIL_LENGTH } from '@stratum/domain';
import { z } from 'zod';
import { Timestamp } from './common.schemas';
import { MAX_PASSWORD_LENGTH, UserResponse } from './user.schemas';

// Deliberately loose: a login answers "wrong email or password" whatever was wrong with either.
export const LoginBody = z.strictObject({
  email: z.string().min(1).max(MAX_EMAIL_LENGTH),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export const LoginResponse = z.object({
  token: z.string(),
  tokenType: z.literal('Bearer'),
  expiresAt: Timestamp,
  user: UserResponse,
});
