import { existsSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { pgBouncerMissingReason, startPgBouncer } from '../src/pgbouncer';
import { serverUnderTest } from './server-under-test';

const skip = pgBouncerMissingReason();

describe.skipIf(skip)(`a PgBouncer started for a test${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('pools in transaction mode on a port of its own and leaves nothing behind when stopped', async () => {
    const server = serverUnderTest();
    const bouncer = await startPgBouncer(server);
    const url = bouncer.urlFor(server);
    expect(new URL(url).port).toBe(String(bouncer.port));
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      const { rows } = await client.query<{ port: number }>('SELECT inet_server_port() AS port');
      expect(rows[0]!.port).toBe(Number(server.port || 5432));
      // In transaction mode a session-level lock would stay on the server connection that the
      // bouncer hands to the next client's transaction; a transaction-scoped one ends with it.
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(4711)');
      await client.query('COMMIT');
      const held = await client.query(
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 4711`,
      );
      expect(held.rows[0]).toEqual({ n: 0 });
    } finally {
      await client.end();
    }
    expect(existsSync(bouncer.directory)).toBe(true);
    await bouncer.stop();
    await bouncer.stop();
    expect(existsSync(bouncer.directory)).toBe(false);
    await expect(new pg.Client({ connectionString: url }).connect()).rejects.toThrow();
  });
});
