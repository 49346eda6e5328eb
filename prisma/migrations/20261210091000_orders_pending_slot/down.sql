-- Undoes 20261210091000_orders_pending_slot: generated with `prisma migrate diff`. The places are
-- lost; the cap is then only checked before placing again (racy), as before.

-- AlterTable
ALTER TABLE "orders" DROP COLUMN "pending_slot";
