/**
 * The bench's writes in Drizzle ORM, as its docs write a transfer: `db.transaction` and the query
 * builder, one statement a step, rows locked with `.for('update')` in id order. Each step is
 * built on the transaction and prepared by name, because a statement prepared on `db` runs on
 * the pool, outside the transaction; pg then parses and plans a name once per connection, so
 * what is left per call is Drizzle's building and the round trips. Money is compared in cents
 * (bigint), never as floats.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DrizzleDb } from './drizzle-client';
import { accounts, orderItems, orders, products, transfers, users } from './drizzle-schema';

type Tx = Parameters<Parameters<DrizzleDb['transaction']>[0]>[0];

export class DrizzleWriteRefused extends Error {
  override readonly name = 'DrizzleWriteRefused';
}

export interface DrizzleTransfer {
  from: string;
  to: string;
  /** A decimal with two fraction digits. */
  amount: string;
  currency: string;
  id: string;
  idempotencyKey: string;
  now: Date;
}

export interface DrizzleOrder {
  customerId: string;
  /** Sorted by product id, one line a product. */
  lines: ReadonlyArray<{ productId: string; quantity: number }>;
  orderId: string;
  now: Date;
}

const p = sql.placeholder;

function cents(decimal: string): bigint {
  const [units = '0', fraction = ''] = decimal.split('.');
  return BigInt(units) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
}

function decimalOf(minor: bigint): string {
  return `${minor / 100n}.${(minor % 100n).toString().padStart(2, '0')}`;
}

/** Seven round trips: BEGIN, the key, the lock, debit, credit, record, COMMIT. */
export function transferWithDrizzle(db: DrizzleDb, t: DrizzleTransfer) {
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: transfers.id })
      .from(transfers)
      .where(eq(transfers.idempotencyKey, p('key')))
      .prepare('drizzle_transfer_find_key')
      .execute({ key: t.idempotencyKey });
    if (existing.length > 0) throw new DrizzleWriteRefused('key_taken');
    const locked = await tx
      .select({ id: accounts.id, balance: accounts.balance, currency: accounts.currency })
      .from(accounts)
      .where(sql`${accounts.id} IN (${p('from')}::uuid, ${p('to')}::uuid)`)
      .orderBy(accounts.id)
      .for('update')
      .prepare('drizzle_transfer_lock')
      .execute({ from: t.from, to: t.to });
    const from = locked.find((account) => account.id === t.from);
    if (locked.length < 2 || !from) throw new DrizzleWriteRefused('missing');
    if (locked.some((account) => account.currency !== t.currency)) throw new DrizzleWriteRefused('currency');
    if (cents(from.balance) < cents(t.amount)) throw new DrizzleWriteRefused('insufficient');
    await move(tx, 'drizzle_transfer_debit', sql`${accounts.balance} - ${p('amount')}::numeric`, t.from, t);
    await move(tx, 'drizzle_transfer_credit', sql`${accounts.balance} + ${p('amount')}::numeric`, t.to, t);
    const [recorded] = await tx
      .insert(transfers)
      .values({
        id: p('id'),
        fromAccountId: p('from'),
        toAccountId: p('to'),
        amount: p('amount'),
        currency: p('currency'),
        idempotencyKey: p('key'),
        createdAt: p('now'),
      })
      .onConflictDoNothing({ target: transfers.idempotencyKey })
      .returning({
        fromAccountId: transfers.fromAccountId,
        toAccountId: transfers.toAccountId,
        amount: transfers.amount,
        currency: transfers.currency,
      })
      .prepare('drizzle_transfer_record')
      .execute({ ...t, key: t.idempotencyKey });
    // A concurrent twin committed first: roll the balances back with the transaction.
    if (!recorded) throw new DrizzleWriteRefused('key_taken');
    return recorded;
  });
}

function move(tx: Tx, name: string, balance: ReturnType<typeof sql>, id: string, t: DrizzleTransfer) {
  return tx
    .update(accounts)
    .set({ balance, updatedAt: sql`${p('now')}::timestamptz` })
    .where(eq(accounts.id, p('id')))
    .prepare(name)
    .execute({ id, amount: t.amount, now: t.now });
}

/**
 * BEGIN, the customer, the lock on the products, one stock update a line, the order, its items,
 * COMMIT: 6 + lines round trips. The products are locked in id order before anything is judged.
 */
export function placeOrderWithDrizzle(db: DrizzleDb, order: DrizzleOrder) {
  return db.transaction(async (tx) => {
    const ids = order.lines.map((line) => line.productId);
    const customer = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, p('id')), isNull(users.deletedAt)))
      .prepare('drizzle_order_customer')
      .execute({ id: order.customerId });
    if (customer.length === 0) throw new DrizzleWriteRefused('no customer');
    const locked = await tx
      .select({ id: products.id, price: products.price, currency: products.currency, stock: products.stock })
      .from(products)
      .where(and(sql`${products.id} = ANY (${p('ids')}::uuid[])`, isNull(products.deletedAt)))
      .orderBy(products.id)
      .for('update')
      .prepare('drizzle_order_lock')
      .execute({ ids });
    const byId = new Map(locked.map((product) => [product.id, product]));
    let total = 0n;
    const currencies = new Set<string>();
    for (const line of order.lines) {
      const product = byId.get(line.productId);
      if (!product || product.stock < line.quantity) throw new DrizzleWriteRefused('unavailable');
      currencies.add(product.currency);
      total += cents(product.price) * BigInt(line.quantity);
    }
    const [currency] = currencies;
    if (currencies.size !== 1 || currency === undefined) throw new DrizzleWriteRefused('currencies');
    for (const line of order.lines) {
      await tx
        .update(products)
        .set({
          stock: sql`${products.stock} - ${p('quantity')}::int`,
          updatedAt: sql`${p('now')}::timestamptz`,
        })
        .where(eq(products.id, p('id')))
        .prepare('drizzle_order_reserve')
        .execute({ id: line.productId, quantity: line.quantity, now: order.now });
    }
    const [placed] = await tx
      .insert(orders)
      .values({
        id: p('id'),
        customerId: p('customerId'),
        status: 'PENDING',
        total: p('total'),
        currency: p('currency'),
        createdAt: p('now'),
        updatedAt: p('now'),
      })
      .returning({ total: orders.total, currency: orders.currency })
      .prepare('drizzle_order_place')
      .execute({
        id: order.orderId,
        customerId: order.customerId,
        total: decimalOf(total),
        currency,
        now: order.now,
      });
    const items = await tx
      .insert(orderItems)
      .values(
        order.lines.map((line, i) => ({
          orderId: p('orderId'),
          productId: p(`product${i}`),
          quantity: p(`quantity${i}`),
          unitPrice: p(`price${i}`),
        })),
      )
      .returning({ id: orderItems.id })
      .prepare(`drizzle_order_items_${order.lines.length}`)
      .execute({
        orderId: order.orderId,
        ...Object.fromEntries(
          order.lines.flatMap((line, i) => [
            [`product${i}`, line.productId],
            [`quantity${i}`, line.quantity],
            [`price${i}`, byId.get(line.productId)!.price],
          ]),
        ),
      });
    return { ok: true, reserved: order.lines.length, items: items.length, ...placed };
  });
}
