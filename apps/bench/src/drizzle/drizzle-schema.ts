/**
 * The tables the bench's Drizzle implementation reads and writes, declared as a Drizzle app
 * would (Prisma owns the real schema and its migrations; this only maps what the queries use).
 */
import { relations } from 'drizzle-orm';
import {
  char,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

export const userStatus = pgEnum('user_status', ['ACTIVE', 'INACTIVE', 'SUSPENDED']);
export const orderStatus = pgEnum('order_status', [
  'PENDING',
  'CONFIRMED',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
  'EXPIRED',
]);

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  email: varchar('email', { length: 320 }).notNull(),
  name: varchar('name', { length: 200 }).notNull(),
  passwordHash: text('password_hash').notNull(),
  status: userStatus('status').notNull(),
  preferences: jsonb('preferences').notNull(),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
  deletedAt: at('deleted_at'),
});

export const products = pgTable('products', {
  id: uuid('id').primaryKey(),
  sku: varchar('sku', { length: 64 }).notNull(),
  name: varchar('name', { length: 200 }).notNull(),
  description: text('description').notNull(),
  price: numeric('price', { precision: 12, scale: 2 }).notNull(),
  currency: char('currency', { length: 3 }).notNull(),
  stock: integer('stock').notNull(),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
  deletedAt: at('deleted_at'),
});

export const orders = pgTable('orders', {
  id: uuid('id').primaryKey(),
  customerId: uuid('customer_id').notNull(),
  status: orderStatus('status').notNull(),
  total: numeric('total', { precision: 14, scale: 2 }).notNull(),
  currency: char('currency', { length: 3 }).notNull(),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
  deletedAt: at('deleted_at'),
});

export const orderItems = pgTable('order_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  orderId: uuid('order_id').notNull(),
  productId: uuid('product_id').notNull(),
  quantity: integer('quantity').notNull(),
  unitPrice: numeric('unit_price', { precision: 12, scale: 2 }).notNull(),
});

export const accounts = pgTable('accounts', {
  id: uuid('id').primaryKey(),
  ownerId: uuid('owner_id').notNull(),
  balance: numeric('balance', { precision: 14, scale: 2 }).notNull(),
  currency: char('currency', { length: 3 }).notNull(),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});

export const transfers = pgTable('transfers', {
  id: uuid('id').primaryKey(),
  fromAccountId: uuid('from_account_id').notNull(),
  toAccountId: uuid('to_account_id').notNull(),
  amount: numeric('amount', { precision: 14, scale: 2 }).notNull(),
  currency: char('currency', { length: 3 }).notNull(),
  idempotencyKey: varchar('idempotency_key', { length: 200 }).notNull(),
  createdAt: at('created_at').notNull(),
});

export const ordersRelations = relations(orders, ({ many }) => ({ items: many(orderItems) }));
export const orderItemsRelations = relations(orderItems, ({ one }) => ({
  order: one(orders, { fields: [orderItems.orderId], references: [orders.id] }),
}));

export const schema = {
  users,
  products,
  orders,
  orderItems,
  accounts,
  transfers,
  ordersRelations,
  orderItemsRelations,
};
