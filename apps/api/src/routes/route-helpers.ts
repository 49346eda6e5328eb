import { NotFoundError, UserId, type User, type UserRepository } from '@stratum/domain';

/** Unknown and soft-deleted users look the same from outside: 404. */
export async function findUserOr404(users: UserRepository, id: string): Promise<User> {
  const user = await users.findById(UserId.of(id));
  if (!user) throw new NotFoundError('User', id);
  return user;
}
