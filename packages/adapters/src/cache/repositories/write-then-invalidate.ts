import { isDomainError } from '@stratum/domain';
import type { Invalidation } from '../store/cache.port';
import type { RepositoryCache } from '../read-through/repository-cache';

/**
 * Runs a write, then invalidates. A rule failure (a DomainError) wrote nothing, so it invalidates
 * nothing; any other failure, such as a connection lost around the commit, may still have
 * written, so it invalidates too.
 */
export async function writeThenInvalidate<T>(
  cache: RepositoryCache,
  invalidation: () => Invalidation,
  write: () => Promise<T>,
): Promise<T> {
  let result: T;
  try {
    result = await write();
  } catch (error) {
    if (!isDomainError(error)) await invalidateQuietly(cache, invalidation);
    throw error;
  }
  await cache.invalidate(invalidation());
  return result;
}

// On the failure path the write's own error is what the caller must see, even if the input was
// too malformed to name the keys.
async function invalidateQuietly(cache: RepositoryCache, invalidation: () => Invalidation): Promise<void> {
  let batch: Invalidation;
  try {
    batch = invalidation();
  } catch {
    return;
  }
  await cache.invalidate(batch);
}
