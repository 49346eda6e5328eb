-- Pending orders hold stock; past ORDER_RESERVATION_TTL_MINUTES the API's pending-order sweep moves
-- them to EXPIRED and gives the stock back, so an abandoned order cannot hoard it. EXPIRED rather
-- than CANCELLED: the customer sees that nobody cancelled it, time did.
-- The sweep reads the oldest pending orders through orders_pending_created_idx (init migration:
-- created_at, only live PENDING rows), so it needs no index of its own.

-- AlterEnum
ALTER TYPE "order_status" ADD VALUE 'EXPIRED' AFTER 'CANCELLED';
