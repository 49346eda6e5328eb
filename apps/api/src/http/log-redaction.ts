/**
 * What must never reach a log line: passwords and tokens (by field name, through pino's redact)
 * and email addresses (by pattern, since they turn up inside URLs and error messages).
 */
export const REDACTED = '[REDACTED]';

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'password',
  '*.password',
  'token',
  '*.token',
  'passwordHash',
  '*.passwordHash',
  'email',
  '*.email',
  'currentPassword',
  '*.currentPassword',
  'newPassword',
  '*.newPassword',
];

// Query parameters whose values are personal or secret whatever they look like: a search by
// name or email is a search for a person.
const SENSITIVE_QUERY_KEYS = new Set(['email', 'name', 'token', 'password']);
// A local part, a plain or percent-encoded '@', and a domain ending in a dot and letters (which
// spares versions in paths such as "fastify@5.12.8").
const EMAIL_LIKE = /[^\s/?&=#"'@:]+(?:@|%40)[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,63}\b/gi;

export function maskEmails(text: string): string {
  return text.replace(EMAIL_LIKE, REDACTED);
}

/** The URL with sensitive query values and anything email-like replaced. */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart === -1) return maskEmails(url);
  const path = url.slice(0, queryStart);
  const query = url
    .slice(queryStart + 1)
    .split('&')
    .map((pair) => {
      const key = pair.split('=', 1)[0] ?? '';
      return SENSITIVE_QUERY_KEYS.has(decodeSafely(key).toLowerCase()) ? `${key}=${REDACTED}` : pair;
    })
    .join('&');
  return maskEmails(`${path}?${query}`);
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
