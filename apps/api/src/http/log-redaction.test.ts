import { describe, expect, it } from 'vitest';
import { maskEmails, redactUrl } from './log-redaction';

describe('redactUrl', () => {
  it.each([
    ['/users/search?email=ada&limit=5', '/users/search?email=[REDACTED]&limit=5'],
    ['/users/search?name=ada%40example.com', '/users/search?name=[REDACTED]'],
    ['/users/search?name=Ada%20Lovelace&status=ACTIVE', '/users/search?name=[REDACTED]&status=ACTIVE'],
    ['/users/search?NAME=Ada', '/users/search?NAME=[REDACTED]'],
    ['/users/search?Email=x', '/users/search?Email=[REDACTED]'],
    ['/products/search?q=lamp', '/products/search?q=lamp'],
    ['/orders/1c7e?status=PENDING', '/orders/1c7e?status=PENDING'],
  ])('%s logs as %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});

describe('maskEmails', () => {
  it('masks addresses in free text but not versions in package paths', () => {
    expect(maskEmails('the email Ada.L+1@Example.co.uk is already registered')).toBe(
      'the email [REDACTED] is already registered',
    );
    expect(maskEmails('/node_modules/.pnpm/fastify@5.12.8/lib/route.js')).toBe(
      '/node_modules/.pnpm/fastify@5.12.8/lib/route.js',
    );
  });
});
