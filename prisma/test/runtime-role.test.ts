// The role the API runs as may read and write rows and do nothing else: whatever an injection
// could ever smuggle into a query, it cannot change the schema, empty a table wholesale, or reach
// the server's shell.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, RUNTIME_GROUP_ROLE, type MigratedTestDatabase } from '../src/testing';

describe('the runtime role', () => {
  let db: MigratedTestDatabase;
  let runtime: pg.Client;
  let admin: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    runtime = new pg.Client({ connectionString: db.runtimeUrl });
    admin = new pg.Client({ connectionString: db.url });
    await Promise.all([runtime.connect(), admin.connect()]);
  });
  afterAll(async () => {
    await runtime?.end();
    await admin?.end();
    await db?.drop();
  });

  /** The SQLSTATE PostgreSQL refuses `sql` with, as the runtime role. */
  async function refusal(sql: string): Promise<string | undefined> {
    try {
      await runtime.query(sql);
    } catch (error) {
      return (error as { code?: string }).code;
    }
    return undefined;
  }

  it('is no superuser, owns no table and is a member of the runtime group', async () => {
    const { rows } = await runtime.query<{ superuser: boolean; createrole: boolean; member: boolean }>(
      `SELECT rolsuper AS superuser, rolcreaterole AS createrole,
              pg_has_role(current_user, $1, 'MEMBER') AS member
         FROM pg_roles WHERE rolname = current_user`,
      [RUNTIME_GROUP_ROLE],
    );
    expect(rows).toEqual([{ superuser: false, createrole: false, member: true }]);
    const owned = await runtime.query(
      `SELECT relname FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)`,
    );
    expect(owned.rows).toEqual([]);
  });

  it('reads, inserts, updates and deletes rows', async () => {
    const inserted = await runtime.query<{ id: string }>(
      `INSERT INTO users (email, name, password_hash) VALUES ('runtime-role@example.test', 'R', 'x') RETURNING id`,
    );
    const id = inserted.rows[0]!.id;
    await runtime.query(`UPDATE users SET name = 'Renamed' WHERE id = $1`, [id]);
    const read = await runtime.query(`SELECT name FROM users WHERE id = $1`, [id]);
    expect(read.rows).toEqual([{ name: 'Renamed' }]);
    await runtime.query(`DELETE FROM users WHERE id = $1`, [id]);
  });

  it('is refused CREATE TABLE in the schema', async () => {
    expect(await refusal('CREATE TABLE intruder (id int)')).toBe('42501');
  });

  it('is refused ALTER TABLE', async () => {
    expect(await refusal('ALTER TABLE users ADD COLUMN intruder text')).toBe('42501');
  });

  it('is refused DROP TABLE', async () => {
    expect(await refusal('DROP TABLE sessions')).toBe('42501');
  });

  it('is refused TRUNCATE', async () => {
    expect(await refusal('TRUNCATE users CASCADE')).toBe('42501');
  });

  it('is refused COPY ... TO PROGRAM and COPY from a server file', async () => {
    expect(await refusal(`COPY users TO PROGRAM 'id'`)).toBe('42501');
    expect(await refusal(`COPY users FROM '/etc/passwd'`)).toBe('42501');
  });

  it("may read Prisma's migration bookkeeping (for /health/ready) but never change it", async () => {
    await runtime.query('SELECT count(*) FROM _prisma_migrations');
    expect(await refusal('DELETE FROM _prisma_migrations')).toBe('42501');
    expect(await refusal(`UPDATE _prisma_migrations SET rolled_back_at = now()`)).toBe('42501');
    expect(
      await refusal(`INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ('x', 'x', 'x')`),
    ).toBe('42501');
  });

  it('gets row access to tables that later migrations create, by default privileges', async () => {
    await admin.query('CREATE TABLE later_table (id int PRIMARY KEY)');
    await runtime.query('INSERT INTO later_table VALUES (1)');
    const { rows } = await runtime.query('SELECT id FROM later_table');
    expect(rows).toEqual([{ id: 1 }]);
    expect(await refusal('DROP TABLE later_table')).toBe('42501');
  });
});
