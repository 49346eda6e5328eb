-- Undoes 20261210090000_order_expiry, written by hand: PostgreSQL cannot drop an enum value, so
-- the type is built again without it. Expired orders become CANCELLED, the one status that also
-- says "stock given back, final". The partial index whose predicate names the type is dropped
-- first (it cannot be rebuilt across two types) and made again as the init migration makes it.

DROP INDEX "orders_pending_created_idx";

ALTER TYPE "order_status" RENAME TO "order_status_old";
CREATE TYPE "order_status" AS ENUM ('PENDING', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED');
ALTER TABLE "orders" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "orders" ALTER COLUMN "status" TYPE "order_status"
    USING (CASE WHEN "status" = 'EXPIRED' THEN 'CANCELLED' ELSE "status"::text END)::"order_status";
ALTER TABLE "orders" ALTER COLUMN "status" SET DEFAULT 'PENDING';
DROP TYPE "order_status_old";

CREATE INDEX "orders_pending_created_idx" ON "orders" ("created_at" DESC)
    WHERE "status" = 'PENDING' AND "deleted_at" IS NULL;
