-- Which of the customer's ORDER_MAX_PENDING_PER_CUSTOMER places a PENDING order holds, so that two
-- orders placed at once cannot both take the last place: the next migration makes a place unique
-- among the customer's live PENDING orders, and placeOrder inserts with ON CONFLICT DO NOTHING.
-- Nullable with no backfill: orders placed before this hold no place, but placeOrder still counts
-- them against the cap; a place is only the tie-breaker between concurrent placements.

-- squawk (pnpm lint): prefer-bigint-over-int is off for this file: a place is a number from 1 to
-- ORDER_MAX_PENDING_PER_CUSTOMER, nowhere near 32 bits.
-- squawk-ignore-file prefer-bigint-over-int

-- AlterTable
ALTER TABLE "orders" ADD COLUMN "pending_slot" INTEGER;
