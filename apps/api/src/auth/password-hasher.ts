import { hash, verify } from '@node-rs/argon2';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password and for anything that is not a hash we can read (e.g. the seed's "!"). */
  verify(passwordHash: string, password: string): Promise<boolean>;
}

/**
 * argon2id with OWASP's baseline (19 MiB, 2 passes, 1 lane), stated here rather than inherited
 * from the library's defaults so an upgrade cannot weaken it silently. Hashing runs on libuv's
 * thread pool, off the event loop.
 */
export const ARGON2ID_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export class Argon2PasswordHasher implements PasswordHasher {
  hash(password: string): Promise<string> {
    return hash(password, ARGON2ID_OPTIONS);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    if (!passwordHash.startsWith('$argon2')) return false;
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }
}
