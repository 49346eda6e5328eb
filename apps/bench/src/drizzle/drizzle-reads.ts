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
  // Stratum's statement: ts_rank over at most `candidates` matches, the first the scan finds.
  // Drizzle's query builder has no MATERIALIZED CTE, and without it the planner may read the
  // candidates of a common word in another order, so the source is written as SQL; the columns
  // keep Drizzle's mapping.
  const candidates = sql`(
    WITH matches AS MATERIALIZED (
      SELECT m.id, m.sku, m.name, m.description, m.price, m.currency, m.stock,
             m.created_at, m.updated_at, m.deleted_at, ts_rank(m.search_vector, q.query) AS rank
      FROM ${products} m, websearch_to_tsquery('english', ${sql.placeholder('query')}) AS q(query)
      WHERE m.search_vector @@ q.query AND m.deleted_at IS NULL AND m.stock > 0
    )
    SELECT * FROM matches LIMIT ${sql.placeholder('candidates')}
  ) AS p`;
  const column = <T>(name: string, mapper: { mapFromDriverValue(value: unknown): T }) =>
    sql<T>`p.${sql.identifier(name)}`.mapWith(mapper);
  const rank = sql<number>`p.rank`.mapWith(Number);
  const productSearch = db
    .select({
      id: column('id', products.id),
      sku: column('sku', products.sku),
      name: column('name', products.name),
      description: column('description', products.description),
      price: column('price', products.price),
      currency: column('currency', products.currency),
      stock: column('stock', products.stock),
      createdAt: column('created_at', products.createdAt),
      updatedAt: column('updated_at', products.updatedAt),
      deletedAt: column('deleted_at', products.deletedAt),
      rank,
    })
    .from(candidates)
    .orderBy(desc(rank), sql`p.id`)
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
