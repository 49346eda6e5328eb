import { afterEach, beforeEach, expect } from 'vitest';
import {
  compareNewestFirst,
  type CursorPage,
  CursorPageRequest,
  type DomainError,
  type DomainErrorCode,
  PageRequest,
} from '@stratum/domain';

/** What every makeSubject returns besides the repositories: a way to drop whatever the test created. */
export interface ContractSubject {
  cleanup(): Promise<void>;
}

/** A fresh subject for every test (made in beforeEach, cleaned up in afterEach), so no test depends on another. */
export function useSubject<S extends ContractSubject>(makeSubject: () => Promise<S>): () => S {
  let current: S | undefined;
  beforeEach(async () => {
    current = await makeSubject();
  });
  afterEach(async () => {
    const finished = current;
    current = undefined;
    await finished?.cleanup();
  });
  return () => {
    if (!current) throw new Error('the contract subject is only available inside a test');
    return current;
  };
}

/** The error the promise rejects with; fails the test when it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  expect.fail('expected the promise to reject, but it resolved');
}

export async function expectDomainError<E extends DomainError>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
  code: DomainErrorCode,
): Promise<E> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(type);
  expect((error as E).code).toBe(code);
  return error as E;
}

interface Listed {
  readonly id: { readonly value: string };
  readonly createdAt: Date;
}

export function idsOf(items: readonly Listed[]): string[] {
  return items.map((item) => item.id.value);
}

export function expectNewestFirst(items: readonly Listed[]): void {
  const positions = items.map((item) => ({ createdAt: item.createdAt, id: item.id.value }));
  const sorted = [...positions].sort(compareNewestFirst);
  expect(positions).toEqual(sorted);
}

/** `ids` in the order they appear in `items`, ignoring everything else listed (other tests' data, seeds). */
export function orderAmong(items: readonly Listed[], ids: readonly string[]): string[] {
  const wanted = new Set(ids);
  return idsOf(items).filter((id) => wanted.has(id));
}

const MAX_PAGES = 1_000;

/** Follows nextCursor to the end, checking every page respects the limit. */
export async function walkCursorPages<T>(
  fetchPage: (page: CursorPageRequest) => Promise<CursorPage<T>>,
  limit: number,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let after: string | null = null;
  for (let pages = 1; pages <= MAX_PAGES; pages++) {
    const page: CursorPage<T> = await fetchPage(CursorPageRequest.of({ limit, after }));
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    if (page.nextCursor === null) return { items, pages };
    expect(page.items.length).toBe(limit);
    after = page.nextCursor;
  }
  return expect.fail(`still paging after ${MAX_PAGES} pages`);
}

/** Reads offset pages until one comes back short. */
export async function walkOffsetPages<T>(
  fetchPage: (page: PageRequest) => Promise<T[]>,
  limit: number,
): Promise<T[]> {
  const items: T[] = [];
  let page = PageRequest.of({ limit });
  for (let pages = 1; pages <= MAX_PAGES; pages++) {
    const batch = await fetchPage(page);
    expect(batch.length).toBeLessThanOrEqual(limit);
    items.push(...batch);
    if (batch.length < limit) return items;
    page = page.next();
  }
  return expect.fail(`still paging after ${MAX_PAGES} pages`);
}

export function expectNoDuplicates(ids: readonly string[]): void {
  expect(new Set(ids).size).toBe(ids.length);
}

/** Distinct instants a second apart, in the past, oldest first: for tests about ordering. */
export function distinctInstants(count: number): Date[] {
  const base = Date.now() - 3_600_000;
  return Array.from({ length: count }, (_, i) => new Date(base + i * 1_000));
}
