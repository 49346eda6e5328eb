/**
 * No text the API takes may hold U+0000: PostgreSQL cannot store it (SQLSTATE 22021) and no name,
 * sku, search term or key has a use for it. The domain's text rules refuse it in what it stores;
 * this hook refuses it in every string of a request's body, query and route parameters, search
 * terms included, before any handler runs, naming the field.
 */
import type { FastifyInstance } from 'fastify';
import type { FieldError } from './error-response';

/** A request refused for one field, before it reached validation. */
export class RequestFieldError extends Error {
  override readonly name = 'RequestFieldError';
  readonly code = 'VALIDATION_FAILED';
  constructor(readonly field: FieldError) {
    super('The request is invalid');
  }
}

const MAX_DEPTH = 32;

export function registerNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const parts = { body: request.body, querystring: request.query, params: request.params } as const;
    for (const [where, value] of Object.entries(parts)) {
      const field = pathOfNul(value, '', 0);
      if (field !== null) {
        throw new RequestFieldError({ in: where, field, message: 'must not contain NUL characters' });
      }
    }
  });
}

/** The dotted path of the first string holding U+0000 (in a key or a value), or null. */
function pathOfNul(value: unknown, path: string, depth: number): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (typeof value !== 'object' || value === null || depth >= MAX_DEPTH) return null;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path === '' ? key : `${path}.${key}`;
    if (key.includes('\u0000')) return path === '' ? '(key)' : `${path}.(key)`;
    const found = pathOfNul(child, childPath, depth + 1);
    if (found !== null) return found;
  }
  return null;
}
