import { readdirSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsDir } from '../src/paths';
import { createEmptyTestDatabase, runPrisma, runPrismaRaw, type TestDatabase } from '../src/testing';

const migrationNames = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('the migrations, applied by prisma migrate deploy', () => {
  let db: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    db = await createEmptyTestDatabase();
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('apply every migration to an empty database', async () => {
    const { stdout } = await runPrisma(['migrate', 'deploy'], { DATABASE_URL: db.url });
    for (const name of migrationNames) expect(stdout).toContain(name);
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
    );
    expect(rows.map((row) => row.migration_name)).toEqual(migrationNames);
  });

  it('apply nothing on a second run', async () => {
    const { stdout } = await runPrisma(['migrate', 'deploy'], { DATABASE_URL: db.url });
    expect(stdout).toMatch(/No pending migrations to apply/);
    const status = await runPrisma(['migrate', 'status'], { DATABASE_URL: db.url });
    expect(status.stdout).toMatch(/Database schema is up to date/);
  });

  it('create the three default roles', async () => {
    const { rows } = await client.query('SELECT name FROM roles ORDER BY name');
    expect(rows.map((row) => row.name)).toEqual(['admin', 'moderator', 'user']);
  });

  it('leave no drift between schema.prisma and the migrations', async () => {
    const diff = await runPrismaRaw(
      [
        'migrate',
        'diff',
        '--from-migrations',
        './migrations',
        '--to-schema',
        './schema.prisma',
        '--exit-code',
      ],
      { DATABASE_URL: db.url },
    );
    expect(diff.stdout + diff.stderr).toMatch(/No difference detected/);
    expect(diff.exitCode).toBe(0);
  });

  describe('enforce in the database', () => {
    const user = (email: string, deletedAt: string | null = null) =>
      client.query(
        `INSERT INTO users (email, name, password_hash, deleted_at) VALUES ($1, 'Someone', 'x', $2) RETURNING id`,
        [email, deletedAt],
      );

    it('one live user per email, case-insensitively, and reuse after soft delete', async () => {
      await user('ada@example.com', new Date().toISOString());
      await user('ada@example.com');
      await expect(user('ada@example.com')).rejects.toMatchObject({ code: '23505' });
      await expect(user('Ada@Example.com')).rejects.toMatchObject({ code: '23514' });
    });

    it('stock, price and balances never below zero, transfers positive and between two accounts', async () => {
      await expect(
        client.query(`INSERT INTO products (sku, name, price, stock) VALUES ('S-1', 'Thing', 1, -1)`),
      ).rejects.toMatchObject({ code: '23514', constraint: 'products_stock_check' });
      await expect(
        client.query(`INSERT INTO products (sku, name, price, stock) VALUES ('S-2', 'Thing', -1, 1)`),
      ).rejects.toMatchObject({ code: '23514', constraint: 'products_price_check' });
      const { rows } = await user('owner@example.com');
      await expect(
        client.query(`INSERT INTO accounts (owner_id, balance, currency) VALUES ($1, -0.01, 'USD')`, [
          rows[0].id,
        ]),
      ).rejects.toMatchObject({ code: '23514', constraint: 'accounts_balance_check' });
      const account = await client.query(
        `INSERT INTO accounts (owner_id, balance, currency) VALUES ($1, 10, 'USD') RETURNING id`,
        [rows[0].id],
      );
      const id = account.rows[0].id;
      await expect(
        client.query(
          `INSERT INTO transfers (from_account_id, to_account_id, amount, currency, idempotency_key)
           VALUES ($1, $1, 1, 'USD', 'k1')`,
          [id],
        ),
      ).rejects.toMatchObject({ code: '23514', constraint: 'transfers_distinct_accounts_check' });
    });

    it('fill the full-text column from name and description', async () => {
      await client.query(
        `INSERT INTO products (sku, name, description, price, stock) VALUES ('S-3', 'Espresso grinder', 'Burrs of steel', 99, 3)`,
      );
      const { rows } = await client.query(
        `SELECT sku FROM products WHERE search_vector @@ websearch_to_tsquery('english', 'grinders steel')`,
      );
      expect(rows.map((row) => row.sku)).toEqual(['S-3']);
    });
  });
});
