import type { User, UserId } from '@stratum/domain';
import { Prisma } from '@stratum/prisma';
import type { SqlPath } from '../sql/sql-path';
import { toDomain, type UserRow } from './user.mapper';
import { USER_COLUMNS } from './user.sql';

interface Waiter {
  readonly id: string;
  resolve(user: User | null): void;
  reject(error: unknown): void;
}

/**
 * Lookups by id asked in the same tick go out as one query (`id = ANY($1)`): one round trip, one
 * plan and one pass through Prisma serve them all. Prisma's per-query cost in Node is several
 * times pg's, and under concurrent requests this is where user-by-id spent it (see the
 * benchmarks). A lookup alone waits one tick.
 */
export class UserByIdBatch {
  private waiting: Waiter[] = [];

  constructor(private readonly sql: SqlPath) {}

  load(id: UserId): Promise<User | null> {
    return new Promise((resolve, reject) => {
      if (this.waiting.length === 0) process.nextTick(() => void this.flush());
      this.waiting.push({ id: id.value, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    let rows: UserRow[];
    try {
      const ids = [...new Set(batch.map((waiter) => waiter.id))];
      rows = await this.sql.rows<UserRow>(Prisma.sql`
        SELECT ${USER_COLUMNS} FROM users WHERE id = ANY (${ids}::uuid[]) AND deleted_at IS NULL`);
    } catch (error) {
      for (const waiter of batch) waiter.reject(error);
      return;
    }
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const waiter of batch) {
      const row = byId.get(waiter.id);
      // Each waiter gets its own answer: a corrupt row fails only the lookups of that row.
      try {
        waiter.resolve(row ? toDomain(row) : null);
      } catch (error) {
        waiter.reject(error);
      }
    }
  }
}
