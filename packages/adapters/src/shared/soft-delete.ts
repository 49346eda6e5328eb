import { NotFoundError } from '@stratum/domain';

/** The part of a Prisma model delegate a soft delete needs: users, products and orders all have it. */
interface SoftDeletableModel {
  updateMany(args: {
    where: { id: string; deletedAt: null };
    data: { deletedAt: Date; updatedAt: Date };
  }): PromiseLike<{ count: number }>;
}

/**
 * Marks a live row deleted. Deleting twice is NotFound, like deleting an id that never existed:
 * the row stays for history and foreign keys, but to the domain it is gone.
 */
export async function softDeleteRow(model: SoftDeletableModel, entity: string, id: string): Promise<void> {
  const now = new Date();
  const { count } = await model.updateMany({
    where: { id, deletedAt: null },
    data: { deletedAt: now, updatedAt: now },
  });
  if (count === 0) throw new NotFoundError(entity, id);
}
