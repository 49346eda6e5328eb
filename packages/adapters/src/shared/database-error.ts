/**
 * Reading Prisma 7's errors and pg's. Through Prisma a query error carries PostgreSQL's SQLSTATE
 * in `meta.driverAdapterError.cause.originalCode` (model queries, raw queries and transactions
 * alike); P2034 is Prisma's own name for a write conflict. A statement sent on the pool directly
 * (sql/pg-sql-path.ts) fails with pg's DatabaseError, whose `code` is the SQLSTATE, or with a
 * socket error. Our pool's exhaustion arrives with code POOL_TIMEOUT either way.
 */
import { POOL_TIMEOUT } from '@stratum/prisma';
import { meaningOfSqlState, type SqlStateMeaning } from './sqlstate-meaning';

const MAX_CAUSE_DEPTH = 5;

interface DriverCause {
  originalCode?: string;
  code?: string;
  kind?: string;
  constraint?: { index?: string; fields?: string[] };
  originalMessage?: string;
}

function driverCause(error: unknown): DriverCause | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: DriverCause } } } | null)?.meta;
  return meta?.driverAdapterError?.cause ?? pgCause(error);
}

/** pg's DatabaseError read as the cause Prisma's adapter would have made of it. */
function pgCause(error: unknown): DriverCause | undefined {
  const pgError = error as {
    code?: unknown;
    severity?: unknown;
    constraint?: unknown;
    message?: unknown;
  } | null;
  if (typeof pgError?.severity !== 'string' || typeof pgError.code !== 'string') return undefined;
  return {
    originalCode: pgError.code,
    ...(typeof pgError.constraint === 'string' ? { constraint: { index: pgError.constraint } } : {}),
    ...(typeof pgError.message === 'string' ? { originalMessage: pgError.message } : {}),
  };
}

export function prismaCodeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** PostgreSQL's SQLSTATE behind a failed query, if there was one: through Prisma, or from pg itself. */
export function sqlStateOf(error: unknown): string | undefined {
  const cause = driverCause(error);
  return cause?.originalCode ?? cause?.code ?? pgSqlStateOf(error);
}

// pg's DatabaseError carries the SQLSTATE as `code` beside a `severity`; Node's own errors
// (ECONNRESET, EPIPE) have a code but no severity.
function pgSqlStateOf(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; severity?: unknown } | null;
  if (typeof candidate?.severity !== 'string' || typeof candidate.code !== 'string') return undefined;
  return /^[0-9A-Z]{5}$/.test(candidate.code) ? candidate.code : undefined;
}

/**
 * What the first SQLSTATE along the error's cause chain means (see sqlstate-meaning.ts), or
 * undefined when no PostgreSQL error is behind it.
 */
export function sqlStateMeaningOf(error: unknown): SqlStateMeaning | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && current; depth++) {
    const state = sqlStateOf(current);
    if (state !== undefined) return meaningOfSqlState(state);
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The constraint or unique index a violation names. */
export function constraintOf(error: unknown): string | undefined {
  const cause = driverCause(error);
  if (cause?.constraint?.index) return cause.constraint.index;
  return /constraint "([^"]+)"/.exec(cause?.originalMessage ?? '')?.[1];
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const unique = prismaCodeOf(error) === 'P2002' || sqlStateOf(error) === '23505';
  return unique && (constraint === undefined || constraintOf(error) === constraint);
}

/** Serialization failures and deadlocks: the transaction did nothing and may simply be run again. */
export function isTransientFailure(error: unknown): boolean {
  const state = sqlStateOf(error);
  return prismaCodeOf(error) === 'P2034' || state === '40001' || state === '40P01';
}

/**
 * The database cannot be reached or is overloaded: not the request's fault, and not a domain
 * rule. The API answers 503 with Retry-After.
 */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
  readonly code = 'DATABASE_UNAVAILABLE';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

// P1xxx: cannot reach or authenticate; P2024/POOL_TIMEOUT: no connection free in time; P2028: an
// interactive transaction could not start or finish in time, which under load means a starved pool.
const UNAVAILABLE_PRISMA_CODES = new Set([
  'P1001',
  'P1002',
  'P1008',
  'P1017',
  'P2024',
  'P2028',
  POOL_TIMEOUT,
]);
// Raw queries report a lost server as P2010 with no SQLSTATE, only the driver adapter's kind.
const UNAVAILABLE_DRIVER_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);
// The same, from pg directly: the socket errors PrismaPg maps to the kinds above, and the
// messages pg gives a connection lost mid-query or a client that already lost its own.
const UNAVAILABLE_SOCKET_CODES = new Set(['ENOTFOUND', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);
const LOST_CONNECTION = /^(Connection terminated|Client has encountered a connection error)/;

/** True when the database, not the request, is at fault: anywhere along the error's cause chain. */
export function isUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && current; depth++) {
    if (current instanceof DatabaseUnavailableError || isUnavailableItself(current)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function isUnavailableItself(error: unknown): boolean {
  const state = sqlStateOf(error);
  return (
    UNAVAILABLE_PRISMA_CODES.has(prismaCodeOf(error) ?? '') ||
    UNAVAILABLE_DRIVER_KINDS.has(driverCause(error)?.kind ?? '') ||
    UNAVAILABLE_SOCKET_CODES.has(prismaCodeOf(error) ?? '') ||
    (error instanceof Error && LOST_CONNECTION.test(error.message)) ||
    (state !== undefined && meaningOfSqlState(state) === 'unavailable')
  );
}

/** Wraps unavailability in DatabaseUnavailableError; anything else passes through unchanged. */
export function asInfrastructureError(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError || !isUnavailable(error)) return error;
  return new DatabaseUnavailableError('The database is unavailable', { cause: error });
}
