import { AsyncLocalStorage } from 'node:async_hooks';
import {
  type Account,
  DEFAULT_ROLES,
  type Order,
  type Product,
  Role,
  type Transfer,
  type User,
} from '@stratum/domain';
import { AsyncMutex } from './async-mutex';

/** One row of the user_roles join table. */
export interface UserRoleRecord {
  readonly userId: string;
  readonly roleId: string;
  readonly assignedAt: Date;
  readonly assignedBy: string | null;
}

export interface StoreSnapshot {
  readonly users: ReadonlyMap<string, User>;
  readonly roles: ReadonlyMap<string, Role>;
  readonly userRoles: ReadonlyMap<string, UserRoleRecord>;
  readonly products: ReadonlyMap<string, Product>;
  readonly orders: ReadonlyMap<string, Order>;
  readonly accounts: ReadonlyMap<string, Account>;
  readonly transfers: ReadonlyMap<string, Transfer>;
}

export function userRoleKey(userId: string, roleId: string): string {
  return `${userId}/${roleId}`;
}

/**
 * The "database" behind every in-memory repository, keyed by id value. Entities are immutable,
 * so a snapshot is a shallow copy of the maps, which is what makes unit-of-work rollback cheap.
 * Like the migration, a new store starts with DEFAULT_ROLES.
 */
export class InMemoryStore {
  readonly users = new Map<string, User>();
  readonly roles = new Map<string, Role>();
  readonly userRoles = new Map<string, UserRoleRecord>();
  readonly products = new Map<string, Product>();
  readonly orders = new Map<string, Order>();
  readonly accounts = new Map<string, Account>();
  readonly transfers = new Map<string, Transfer>();

  private readonly mutex = new AsyncMutex();
  // Knows when code runs inside one of this store's units of work, to fail fast instead of deadlocking.
  private readonly unitOfWorkScope = new AsyncLocalStorage<InMemoryStore>();

  constructor(options: { seedDefaultRoles?: boolean } = {}) {
    if (options.seedDefaultRoles ?? true) {
      for (const definition of DEFAULT_ROLES) {
        const role = Role.create(definition);
        this.roles.set(role.id.value, role);
      }
    }
  }

  /** Runs `critical` with the store to itself, after any unit of work in progress has finished. */
  exclusive<T>(critical: () => T | Promise<T>): Promise<T> {
    if (this.unitOfWorkScope.getStore() === this) {
      return Promise.reject(
        new Error(
          'InMemoryStore: inside a unit of work, use the repositories passed to work(); units of work do not nest',
        ),
      );
    }
    return this.mutex.run(critical);
  }

  /** Marks everything `work` awaits as running inside a unit of work of this store. */
  withinUnitOfWork<T>(work: () => Promise<T>): Promise<T> {
    return this.unitOfWorkScope.run(this, work);
  }

  snapshot(): StoreSnapshot {
    return {
      users: new Map(this.users),
      roles: new Map(this.roles),
      userRoles: new Map(this.userRoles),
      products: new Map(this.products),
      orders: new Map(this.orders),
      accounts: new Map(this.accounts),
      transfers: new Map(this.transfers),
    };
  }

  restore(snapshot: StoreSnapshot): void {
    replace(this.users, snapshot.users);
    replace(this.roles, snapshot.roles);
    replace(this.userRoles, snapshot.userRoles);
    replace(this.products, snapshot.products);
    replace(this.orders, snapshot.orders);
    replace(this.accounts, snapshot.accounts);
    replace(this.transfers, snapshot.transfers);
  }
}

function replace<V>(target: Map<string, V>, source: ReadonlyMap<string, V>): void {
  target.clear();
  for (const [key, value] of source) target.set(key, value);
}
