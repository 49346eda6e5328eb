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
  // Stratum's statement: ts_rank over at most `candidates` matches, the first the scan finds.
  const matches = db
    .select({
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
      searchVector: sql<string>`search_vector`.as('search_vector'),
    })
    .from(products)
    .where(and(sql`search_vector @@ q.query`, isNull(products.deletedAt), sql`${products.stock} > 0`))
    .limit(sql.placeholder('candidates'))
    .as('p');
  const rank = sql<number>`ts_rank(${matches.searchVector}, q.query)`.mapWith(Number);
  const productSearch = db
    .select({
      id: matches.id,
      sku: matches.sku,
      name: matches.name,
      description: matches.description,
      price: matches.price,
      currency: matches.currency,
      stock: matches.stock,
      createdAt: matches.createdAt,
      updatedAt: matches.updatedAt,
      deletedAt: matches.deletedAt,
      rank,
    })
    .from(sql`websearch_to_tsquery('english', ${sql.placeholder('query')}) AS q(query)`)
    .crossJoinLateral(matches)
    .orderBy(desc(rank), matches.id)
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
    productSearch,
  };
}
