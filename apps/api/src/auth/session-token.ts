import { createHash, randomBytes } from 'node:crypto';

/**
 * 256 random bits, base64url: unguessable, so a plain SHA-256 of it is safe to store and look up
 * (no salt or slow hash is needed: there is no dictionary of tokens to try).
 */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,200})$/;

/** The token of an `Authorization: Bearer <token>` header, or null for anything else. */
export function bearerTokenOf(header: string | undefined): string | null {
  if (header === undefined) return null;
  return BEARER.exec(header)?.[1] ?? null;
}
