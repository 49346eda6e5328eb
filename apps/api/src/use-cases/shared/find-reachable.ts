import { ForbiddenError, NotFoundError, type Permission } from '@stratum/domain';
import { findExisting } from './find-existing';
import type { Principal, ScopedAction } from './principal';

const READ_ANY = {
  'orders:read': 'orders:read:any',
  'orders:write': 'orders:read:any',
  'accounts:read': 'accounts:read:any',
  'accounts:write': 'accounts:read:any',
} as const satisfies Record<ScopedAction, Permission>;

/**
 * The record `id` if the caller may `action` it. Someone else's record, to a caller who may not
 * read everyone's, answers exactly as an unknown id does (404): a 403 would tell a stranger that
 * the id exists. A caller who may read any record but not do `action` to this one gets 403, as
 * the record's existence is no secret to them.
 */
export async function findReachable<T>(
  principal: Principal,
  target: { entity: string; id: string; action: ScopedAction },
  lookup: Promise<T | null>,
  ownerOf: (record: T) => string,
): Promise<T> {
  const { entity, id, action } = target;
  const record = await findExisting(entity, id, lookup);
  const owner = ownerOf(record);
  if (principal.mayActOn(action, owner)) return record;
  if (!principal.has(READ_ANY[action])) throw new NotFoundError(entity, id);
  throw new ForbiddenError(`Your roles grant ${action} on your own records only`);
}
