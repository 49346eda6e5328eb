import {
  EmailTakenError,
  NotFoundError,
  toCursorPage,
  type CursorPage,
  type CursorPageRequest,
  type Email,
  type PageRequest,
  type User,
  type UserId,
  type UserRepository,
  type UserSearchCriteria,
} from '@stratum/domain';
import { isUniqueViolation } from '../shared/database-error';
import type { PrismaDb } from '../shared/prisma-db';
import { softDeleteRow } from '../shared/soft-delete';
import { SameTickBatch } from '../shared/same-tick-batch';
import type { SqlPath } from '../sql/sql-path';
import { sqlPathOf } from '../sql/sql-path-of';
import { toDomain, toRow, type UserRow } from './user.mapper';
import { searchUsers } from './user-search.sql';
import { activeUsersAfter, activeUsersPage, upsertUser, usersByEmails, usersByIds } from './user.sql';

export class PrismaUserRepository implements UserRepository {
  /**
   * @param db the primary (or a unit of work's transaction): every write, and reads that decide a write
   * @param reads where pure reads go: a replica-routing client, or the primary by default
   */
  constructor(
    private readonly db: PrismaDb,
    reads: PrismaDb = db,
  ) {
    this.sql = sqlPathOf(db);
    this.readSql = sqlPathOf(reads);
    // Lookups of the same tick share one statement: under concurrent requests these are the
    // hottest reads (every request's user, every login), and a statement costs more than a row.
    this.byId = new SameTickBatch(
      (ids) => this.readSql.rows<UserRow>(usersByIds(ids)),
      (row) => row.id,
      toDomain,
    );
    this.byEmail = new SameTickBatch(
      (emails) => this.readSql.rows<UserRow>(usersByEmails(emails)),
      (row) => row.email,
      toDomain,
    );
  }

  private readonly sql: SqlPath;
  private readonly readSql: SqlPath;
  private readonly byId: SameTickBatch<UserRow, User>;
  private readonly byEmail: SameTickBatch<UserRow, User>;

  findById(id: UserId): Promise<User | null> {
    return this.byId.load(id.value);
  }

  findByEmail(email: Email): Promise<User | null> {
    return this.byEmail.load(email.value);
  }

  async save(user: User): Promise<void> {
    let saved: unknown[];
    try {
      saved = await this.sql.rows(upsertUser(toRow(user)));
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_active_key')) throw new EmailTakenError(user.email.value);
      throw error;
    }
    // The id exists but the upsert's WHERE skipped it: it belongs to a soft-deleted user.
    if (saved.length === 0) throw new NotFoundError('User', user.id.value);
  }

  softDelete(id: UserId): Promise<void> {
    return softDeleteRow(this.db.user, 'User', id.value);
  }

  async findActivePage(page: PageRequest): Promise<User[]> {
    const rows = await this.readSql.rows<UserRow>(activeUsersPage(page));
    return rows.map(toDomain);
  }

  async findActiveAfter(page: CursorPageRequest): Promise<CursorPage<User>> {
    // One row beyond the page tells whether another page follows, without a COUNT.
    const rows = await this.readSql.rows<UserRow>(activeUsersAfter(page.position, page.limit + 1));
    return toCursorPage(rows.map(toDomain), page.limit, (user) => ({
      createdAt: user.createdAt,
      id: user.id.value,
    }));
  }

  async search(criteria: UserSearchCriteria, page: PageRequest): Promise<User[]> {
    const query = searchUsers(criteria, page);
    if (query === null) return [];
    const rows = await this.readSql.rows<UserRow>(query);
    return rows.map(toDomain);
  }

  findByRole(roleName: string, page: PageRequest): Promise<User[]> {
    return this.search({ role: roleName }, page);
  }
}
