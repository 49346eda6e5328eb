import { isUnavailable, sqlStateMeaningOf } from '@stratum/adapters';
import { ValidationError, isDomainError } from '@stratum/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isApplicationError } from '../use-cases/shared/application-error';
import { ApiError } from './api-error';
import { CONFLICT_RETRY_AFTER_SECONDS, HTTP_STATUS_BY_CODE, type ErrorCode } from './error-mapping';
import type { ErrorResponse, FieldError } from './error-response';
import { RequestFieldError } from './nul-guard';

interface Refusal {
  status: number;
  code: string;
  message: string;
  fields?: FieldError[];
  retryAfterSeconds?: number;
  /** A refusal that validation should have made first: logged as a warning with the cause. */
  backstop?: boolean;
}

/**
 * Turns every failure into the one error shape. Only messages we wrote reach the client: domain
 * and API errors, and Fastify's own request errors; anything else (Prisma, pg, bugs) becomes a
 * generic 500 carrying the request id, and the detail goes to the log.
 */
export function registerErrorHandler(
  app: FastifyInstance,
  options: { unavailableRetryAfterSeconds: number; onError?: (code: string) => void },
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const refusal = refusalFor(error, options.unavailableRetryAfterSeconds);
    options.onError?.(refusal.code);
    if (refusal.status >= 500) {
      request.log.error({ err: error, code: refusal.code }, 'request failed');
    } else if (refusal.backstop) {
      request.log.warn({ err: error, code: refusal.code }, 'request refused by the database');
    } else {
      request.log.info({ code: refusal.code }, 'request refused');
    }
    return send(request, reply, refusal);
  });
  app.setNotFoundHandler((request, reply) =>
    send(request, reply, { status: 404, code: 'ROUTE_NOT_FOUND', message: 'No such route' }),
  );
}

function refusalFor(error: FastifyError, retryAfterSeconds: number): Refusal {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext;
    return {
      ...mapped('VALIDATION_FAILED'),
      message: 'The request is invalid',
      fields: error.validation.flatMap((issue) => {
        const at = issue.instancePath.slice(1).replaceAll('/', '.');
        const field = (name: string, message: string): FieldError => ({
          ...(where ? { in: where } : {}),
          field: name,
          message,
        });
        // zod reports unknown keys once, on the object holding them: name each key instead.
        if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params.keys)) {
          return issue.params.keys.map((key: unknown) =>
            field(at ? `${at}.${String(key)}` : String(key), 'is not a known field'),
          );
        }
        return [field(at, issue.message ?? 'is invalid')];
      }),
    };
  }
  if (error instanceof RequestFieldError) {
    return { ...mapped('VALIDATION_FAILED'), message: error.message, fields: [error.field] };
  }
  if (error instanceof ApiError || isApplicationError(error)) {
    return { ...mapped(error.code), message: error.message, retryAfterSeconds: error.retryAfterSeconds };
  }
  if (error instanceof ValidationError) {
    const message = error.message.startsWith(`${error.field}: `)
      ? error.message.slice(error.field.length + 2)
      : error.message;
    return { ...mapped(error.code), message: error.message, fields: [{ field: error.field, message }] };
  }
  if (isDomainError(error)) {
    const retry = error.code === 'CONFLICT' ? CONFLICT_RETRY_AFTER_SECONDS : undefined;
    return { ...mapped(error.code), message: error.message, retryAfterSeconds: retry };
  }
  if (isUnavailable(error)) {
    return {
      ...mapped('DATABASE_UNAVAILABLE'),
      message: 'The service is temporarily unavailable; retry later',
      retryAfterSeconds,
    };
  }
  // Every body route takes JSON only (the text/plain parser is removed in server.ts).
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { ...mapped('UNSUPPORTED_MEDIA_TYPE'), message: 'The body must be sent as application/json' };
  }
  // What PostgreSQL refused, by the SQLSTATE table in @stratum/adapters: never a 500 for input.
  const meaning = sqlStateMeaningOf(error);
  if (meaning === 'bad-input') {
    return {
      ...mapped('BAD_REQUEST'),
      message: 'The request holds a value that cannot be stored',
      backstop: true,
    };
  }
  if (meaning === 'conflict') {
    return {
      ...mapped('CONFLICT'),
      message: 'The request conflicted with a concurrent change; retry it',
      retryAfterSeconds: CONFLICT_RETRY_AFTER_SECONDS,
      backstop: true,
    };
  }
  // Fastify's own refusals of a malformed request (bad JSON, wrong content type, body too large).
  if (typeof error.code === 'string' && error.code.startsWith('FST_') && isClientStatus(error.statusCode)) {
    return { status: error.statusCode!, code: 'BAD_REQUEST', message: error.message };
  }
  return { ...mapped('INTERNAL'), message: 'Internal server error' };
}

function mapped(code: ErrorCode): { status: number; code: ErrorCode } {
  return { status: HTTP_STATUS_BY_CODE[code], code };
}

function isClientStatus(status: number | undefined): boolean {
  return status !== undefined && status >= 400 && status < 500;
}

function send(request: FastifyRequest, reply: FastifyReply, refusal: Refusal): FastifyReply {
  if (refusal.retryAfterSeconds !== undefined) reply.header('retry-after', String(refusal.retryAfterSeconds));
  const body: ErrorResponse = {
    code: refusal.code,
    message: refusal.message,
    requestId: request.id,
    ...(refusal.fields ? { fields: refusal.fields } : {}),
  };
  return reply.code(refusal.status).send(body);
}
