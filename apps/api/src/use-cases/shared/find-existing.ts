import { NotFoundError } from '@stratum/domain';

/**
 * The one find-or-fail: a lookup's null becomes NotFoundError naming the entity and the id asked
 * for. Unknown and soft-deleted records look the same from outside (the repositories hide both).
 */
export async function findExisting<T>(entity: string, id: string, lookup: Promise<T | null>): Promise<T> {
  const found = await lookup;
  if (found === null) throw new NotFoundError(entity, id);
  return found;
}
