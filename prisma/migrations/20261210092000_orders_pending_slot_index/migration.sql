-- One live PENDING order per (customer, place): the arbiter placeOrder's ON CONFLICT names. Built
-- CONCURRENTLY, alone in its migration (it cannot run in a transaction), so orders stay writable.
-- A build that failed half-way leaves an INVALID index that IF NOT EXISTS would keep: drop it first.
-- squawk-ignore-file ban-concurrent-index-creation-in-transaction

-- CreateIndex
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "orders_customer_pending_slot_key" ON "orders" ("customer_id", "pending_slot")
    WHERE "status" = 'PENDING' AND "deleted_at" IS NULL;
