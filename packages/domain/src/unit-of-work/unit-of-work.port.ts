import type { AccountRepository } from '../accounts/account.repository.port';
import type { OrderRepository } from '../orders/order.repository.port';
import type { ProductRepository } from '../products/product.repository.port';
import type { RoleRepository } from '../roles/role.repository.port';
import type { UserRepository } from '../users/user.repository.port';

export interface Repositories {
  readonly users: UserRepository;
  readonly roles: RoleRepository;
  readonly products: ProductRepository;
  readonly orders: OrderRepository;
  readonly accounts: AccountRepository;
}

/**
 * An explicit transaction: everything `work` does through the repositories it is handed commits
 * together when it resolves, and is rolled back when it throws (the error is rethrown as is).
 * Use only the repositories passed in; units of work do not nest.
 */
export interface UnitOfWork {
  run<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
}
