-- Undoes 20261126000000_init: every table of the domain, with all its rows. Generated with
-- `prisma migrate diff --from-migrations <init> --to-empty --script`; what only SQL states in the
-- up (the CHECKs, the partial, expression and trigram indexes, the generated search_vector column)
-- is dropped with its table. Completed by hand: the pg_trgm extension, which Prisma does not track.

-- DropForeignKey
ALTER TABLE "accounts" DROP CONSTRAINT "accounts_owner_id_fkey";

-- DropForeignKey
ALTER TABLE "order_items" DROP CONSTRAINT "order_items_order_id_fkey";

-- DropForeignKey
ALTER TABLE "order_items" DROP CONSTRAINT "order_items_product_id_fkey";

-- DropForeignKey
ALTER TABLE "orders" DROP CONSTRAINT "orders_customer_id_fkey";

-- DropForeignKey
ALTER TABLE "transfers" DROP CONSTRAINT "transfers_from_account_id_fkey";

-- DropForeignKey
ALTER TABLE "transfers" DROP CONSTRAINT "transfers_to_account_id_fkey";

-- DropForeignKey
ALTER TABLE "user_roles" DROP CONSTRAINT "user_roles_assigned_by_fkey";

-- DropForeignKey
ALTER TABLE "user_roles" DROP CONSTRAINT "user_roles_role_id_fkey";

-- DropForeignKey
ALTER TABLE "user_roles" DROP CONSTRAINT "user_roles_user_id_fkey";

-- DropTable
DROP TABLE "accounts";

-- DropTable
DROP TABLE "order_items";

-- DropTable
DROP TABLE "orders";

-- DropTable
DROP TABLE "products";

-- DropTable
DROP TABLE "roles";

-- DropTable
DROP TABLE "transfers";

-- DropTable
DROP TABLE "user_roles";

-- DropTable
DROP TABLE "users";

-- DropEnum
DROP TYPE "order_status";

-- DropEnum
DROP TYPE "user_status";

-- The up creates pg_trgm if missing. Should anything outside Stratum use it, RESTRICT (the
-- default) makes this fail, and the rollback with it, rather than drop that too.
DROP EXTENSION IF EXISTS pg_trgm;
