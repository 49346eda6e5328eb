import { AccountId, Money, ProductId, UserId } from '@stratum/domain';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PrismaAccountRepository } from '../../src/accounts/prisma-account.repository';
import { PrismaOrderRepository } from '../../src/orders/prisma-order.repository';
import { describeEachRoute, useTestDatabase } from '../support/test-database';

/**
 * A write that becomes possible only because another transaction added to a row after our
 * statement's snapshot (a restock, a credit). PostgreSQL evaluates CHECK constraints on the row
 * an UPDATE computes from its snapshot before it re-reads the latest version, so an UPDATE that
 * derives the new value from its own scan fails the CHECK although the locked, latest row has
 * plenty. These tests hold the other transaction open until our statement waits on its lock.
 */
describeEachRoute(
  'a write made affordable by a transaction that commits while we wait for its lock',
  (route) => {
    // The other transaction goes directly to the server (handle.url): it is the test's instrument.
    const handle = useTestDatabase({ route });
    let other: pg.Client;
    const owner = UserId.random();

    beforeAll(async () => {
      other = new pg.Client({ connectionString: handle.url });
      await other.connect();
      await other.query(`INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, 'Owner', 'x')`, [
        owner.value,
        `${owner.value}@example.com`,
      ]);
    });
    afterAll(async () => {
      await other?.end();
    });

    async function whileHeldOpen<T>(
      lockingSql: string,
      params: unknown[],
      write: () => Promise<T>,
    ): Promise<T> {
      await other.query('BEGIN');
      await other.query(lockingSql, params);
      const pending = write();
      await waitUntilSomeoneWaitsForALock();
      await other.query('COMMIT');
      return pending;
    }

    async function waitUntilSomeoneWaitsForALock(): Promise<void> {
      for (let i = 0; i < 200; i++) {
        // Inside a transaction the activity view is a cached snapshot unless cleared.
        await other.query('SELECT pg_stat_clear_snapshot()');
        const { rowCount } = await other.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (rowCount) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error('the write never waited for the lock');
    }

    it('places an order for stock restocked meanwhile', async () => {
      const product = ProductId.random();
      await other.query(
        `INSERT INTO products (id, sku, name, price, stock) VALUES ($1, $2, 'Restocked', 5, 0)`,
        [product.value, `SKU-${product.value}`],
      );
      const orders = new PrismaOrderRepository(handle.database.prisma);
      const order = await whileHeldOpen(
        `UPDATE products SET stock = stock + 5 WHERE id = $1`,
        [product.value],
        () => orders.placeOrder({ customerId: owner, lines: [{ productId: product, quantity: 3 }] }),
      );
      expect(order.items).toHaveLength(1);
      const { rows } = await other.query(`SELECT stock FROM products WHERE id = $1`, [product.value]);
      expect(rows[0].stock).toBe(2);
    });

    it('transfers money credited meanwhile', async () => {
      const accounts = new PrismaAccountRepository(handle.database.prisma);
      const from = await accounts.open({ ownerId: owner, currency: 'EUR' });
      const to = await accounts.open({ ownerId: owner, currency: 'EUR' });
      const transfer = await whileHeldOpen(
        `UPDATE accounts SET balance = balance + 50 WHERE id = $1`,
        [from.id.value],
        () =>
          accounts.transfer({
            from: from.id,
            to: to.id,
            amount: Money.of('30.00', 'EUR'),
            idempotencyKey: `k-${from.id.value}`,
          }),
      );
      expect(transfer.amount.toDecimalString()).toBe('30.00');
      expect((await accounts.findById(AccountId.of(from.id.value)))?.balance.toDecimalString()).toBe('20.00');
    });
  },
);
