import {
  Account,
  CurrencyMismatchError,
  IdempotencyKeyReusedError,
  InsufficientFundsError,
  NotFoundError,
  Transfer,
  toCursorPage,
  type AccountId,
  type AccountRepository,
  type CursorPage,
  type CursorPageRequest,
  type OpenAccountInput,
  type TransferCommand,
} from '@stratum/domain';
import { Prisma } from '@stratum/prisma';
import { isInsideTransaction, type PrismaDb } from '../shared/prisma-db';
import { RetryCounter, withTransientRetry } from '../shared/retry';
import type { SqlPath } from '../sql/sql-path';
import { sqlPathOf } from '../sql/sql-path-of';
import { accountToDomain, transferToDomain, type AccountRow, type TransferRow } from './account.mapper';
import { transferFundsSql, type TransferFundsRow } from './transfer-funds.sql';
import { transferHistorySql } from './transfer-history.sql';

const ACCOUNT_COLUMNS = Prisma.sql`id, owner_id, balance::text AS balance, currency, created_at, updated_at`;

export class PrismaAccountRepository implements AccountRepository {
  /**
   * @param db the primary (or a unit of work's transaction): every write, and reads that decide a write
   * @param reads where pure reads go: a replica-routing client, or the primary by default
   * @param retries where retried and given-up transfers are counted; by default a counter of its own
   */
  constructor(
    private readonly db: PrismaDb,
    reads: PrismaDb = db,
    private readonly retries: RetryCounter = new RetryCounter(),
  ) {
    this.sql = sqlPathOf(db);
    this.readSql = sqlPathOf(reads);
  }

  private readonly sql: SqlPath;
  private readonly readSql: SqlPath;

  async open(input: OpenAccountInput): Promise<Account> {
    const account = Account.open(input);
    // Inserting from the live owner row makes "owner exists and is not deleted" part of the
    // insert itself: no row comes back when it is not.
    const rows = await this.sql.rows<AccountRow>(Prisma.sql`
      INSERT INTO accounts (id, owner_id, balance, currency, created_at, updated_at)
      SELECT ${account.id.value}::uuid, u.id, ${account.balance.toDecimalString()}::numeric,
             ${account.currency}, ${account.createdAt}::timestamptz, ${account.updatedAt}::timestamptz
      FROM users u WHERE u.id = ${input.ownerId.value}::uuid AND u.deleted_at IS NULL
      RETURNING ${ACCOUNT_COLUMNS}`);
    const row = rows[0];
    if (!row) throw new NotFoundError('User', input.ownerId.value);
    return accountToDomain(row);
  }

  async findById(id: AccountId): Promise<Account | null> {
    const rows = await this.readSql.rows<AccountRow>(
      Prisma.sql`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = ${id.value}::uuid`,
    );
    return rows[0] ? accountToDomain(rows[0]) : null;
  }

  async transfer(command: TransferCommand): Promise<Transfer> {
    const transfer = Transfer.create(command);
    // Alone, the statement is its own transaction and may be retried here; inside a unit of work
    // a deadlock aborts the whole unit, which retries as a whole.
    const run = () => this.sql.rows<TransferFundsRow>(transferFundsSql(transfer));
    const [row] = isInsideTransaction(this.db)
      ? await run()
      : await withTransientRetry('transfer', run, { retries: this.retries });
    if (!row) throw new Error('the transfer statement returned no row');

    switch (row.outcome) {
      case 'ok':
        if (row.moved) return transfer;
        // A concurrent request with the same key committed first.
        return this.storedRetry(command);
      case 'key_taken':
        return this.storedRetry(command);
      case 'from_missing':
        throw new NotFoundError('Account', command.from.value);
      case 'to_missing':
        throw new NotFoundError('Account', command.to.value);
      case 'from_currency':
        throw new CurrencyMismatchError(row.from_currency ?? '???', command.amount.currency);
      case 'to_currency':
        throw new CurrencyMismatchError(row.to_currency ?? '???', command.amount.currency);
      case 'insufficient':
        throw new InsufficientFundsError(command.from.value);
      default:
        throw new Error(`unexpected transfer outcome ${String(row.outcome)}`);
    }
  }

  async history(accountId: AccountId, page: CursorPageRequest): Promise<CursorPage<Transfer>> {
    const rows = await this.readSql.rows<TransferRow | { [K in keyof TransferRow]: null }>(
      transferHistorySql(accountId.value, page),
    );
    if (rows.length === 0) throw new NotFoundError('Account', accountId.value);
    const transfers = rows.filter((row): row is TransferRow => row.id !== null).map(transferToDomain);
    return toCursorPage(transfers, page.limit, (t) => ({ createdAt: t.createdAt, id: t.id.value }));
  }

  /** The transfer stored under the command's key: the first result when this is a true retry. */
  private async storedRetry(command: TransferCommand): Promise<Transfer> {
    const rows = await this.sql.rows<TransferRow>(Prisma.sql`
      SELECT id, from_account_id, to_account_id, amount::text AS amount, currency, idempotency_key, created_at
      FROM transfers WHERE idempotency_key = ${command.idempotencyKey}`);
    const stored = rows[0] ? transferToDomain(rows[0]) : undefined;
    if (!stored) throw new Error('a transfer with this idempotency key vanished');
    if (!stored.isRetryOf(command)) throw new IdempotencyKeyReusedError(command.idempotencyKey);
    return stored;
  }
}
