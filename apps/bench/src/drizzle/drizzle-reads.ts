/**
 * Every read of the bench in Drizzle ORM, each a prepared statement (`.prepare(name)` with
 * placeholders): Drizzle's documented fast path, which builds the SQL once and runs it as a
 * named statement, so each connection plans it once.
 */
import { and, desc, eq, ilike, isNull, sql } from 'drizzle-orm';
import type { DrizzleDb } from './drizzle-client';
import { orders, products, users } from './drizzle-schema';

const live = isNull(users.deletedAt);
const active = and(eq(users.status, 'ACTIVE'), live);
const newestFirst = [desc(users.createdAt), desc(users.id)];

export type DrizzleReads = ReturnType<typeof prepareDrizzleReads>;

export function prepareDrizzleReads(db: DrizzleDb) {
  const userById = db
    .select()
    .from(users)
    .where(and(eq(users.id, sql.placeholder('id')), live))
    .prepare('drizzle_user_by_id');
  const userByEmail = db
    .select()
    .from(users)
    .where(and(eq(users.email, sql.placeholder('email')), live))
    .prepare('drizzle_user_by_email');
  const userSearch = db
    .select()
    .from(users)
    .where(and(live, ilike(users.name, sql.placeholder('pattern')), eq(users.status, 'ACTIVE')))
    .orderBy(...newestFirst)
    .limit(sql.placeholder('limit'))
    .prepare('drizzle_user_search');
  const activeOffset = db
    .select()
    .from(users)
    .where(active)
    .orderBy(...newestFirst)
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare('drizzle_active_offset');
  const activeFirst = db
    .select()
    .from(users)
    .where(active)
    .orderBy(...newestFirst)
    .limit(sql.placeholder('limit'))
    .prepare('drizzle_active_first');
  // Drizzle has no row-comparison operator; its docs write keyset pagination with sql``.
  const activeAfter = db
    .select()
    .from(users)
    .where(
      and(
        active,
        sql`(${users.createdAt}, ${users.id}) < (${sql.placeholder('createdAt')}::timestamptz, ${sql.placeholder('id')}::uuid)`,
      ),
    )
    .orderBy(...newestFirst)
    .limit(sql.placeholder('limit'))
    .prepare('drizzle_active_after');
  // The relational query API: orders with their items in one statement (a json lateral join).
  const customerOrders = db.query.orders
    .findMany({
      where: and(eq(orders.customerId, sql.placeholder('customerId')), isNull(orders.deletedAt)),
      orderBy: [desc(orders.createdAt), desc(orders.id)],
      limit: sql.placeholder('limit'),
      with: {
        items: {
          columns: { productId: true, quantity: true, unitPrice: true },
          orderBy: (items, { asc }) => [asc(items.productId)],
        },
      },
    })
    .prepare('drizzle_customer_orders');
  const productColumns = {
    id: products.id,
    sku: products.sku,
    name: products.name,
    description: products.description,
    price: products.price,
    currency: products.currency,
    stock: products.stock,
    createdAt: products.createdAt,
    updatedAt: products.updatedAt,
    deletedAt: products.deletedAt,
  };
  const productById = db
    .select(productColumns)
    .from(products)
    .where(and(eq(products.id, sql.placeholder('id')), isNull(products.deletedAt)))
    .prepare('drizzle_product_by_id');
  const query = sql`websearch_to_tsquery('english', ${sql.placeholder('query')})`;
  const rank = sql<number>`ts_rank(search_vector, ${query})`.mapWith(Number);
  const productSearch = db
    .select({ ...productColumns, rank })
    .from(products)
    .where(and(sql`search_vector @@ ${query}`, isNull(products.deletedAt), sql`${products.stock} > 0`))
    .orderBy(desc(rank), products.id)
    .limit(sql.placeholder('limit'))
    .prepare('drizzle_product_search');
  return {
    userById,
    userByEmail,
    userSearch,
    activeOffset,
    activeFirst,
    activeAfter,
    customerOrders,
    productById,
    productSearch,
  };
}
