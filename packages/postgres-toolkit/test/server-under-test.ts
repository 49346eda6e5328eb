import { guardedServerUrl } from '../src/database-name-guard';

/** The server of DATABASE_URL, which the README's test command provides; its database says "test". */
export function serverUnderTest(): URL {
  const raw = process.env.DATABASE_URL;
  if (!raw) throw new Error('DATABASE_URL is not set: run the tests with the README test command.');
  return guardedServerUrl(raw, 'test');
}
