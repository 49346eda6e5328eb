import type { FastifyRequest } from 'fastify';
import { REDACTED, REDACTED_PATHS, maskEmails, redactUrl } from './log-redaction';

export interface LoggerSettings {
  level: string;
  /** Where lines go; stdout by default. Tests pass a stream to read what was logged. */
  stream?: { write(line: string): void };
}

/** Pino options for Fastify's logger: structured JSON lines, each with the request id, nothing secret. */
export function loggerOptions(settings: LoggerSettings) {
  return {
    level: settings.level,
    ...(settings.stream ? { stream: settings.stream } : {}),
    redact: { paths: REDACTED_PATHS, censor: REDACTED },
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        remoteAddress: request.ip,
      }),
      err: serializeError,
    },
  };
}

function serializeError(error: Error & { code?: unknown }) {
  return {
    type: error.name,
    message: maskEmails(error.message),
    ...(typeof error.code === 'string' ? { code: error.code } : {}),
    stack: maskEmails(error.stack ?? ''),
  };
}
