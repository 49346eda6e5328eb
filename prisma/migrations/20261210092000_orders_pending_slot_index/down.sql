-- Undoes 20261210092000_orders_pending_slot_index. Without the index placeOrder's ON CONFLICT has
-- no arbiter and fails: roll back the code first.
DROP INDEX "orders_customer_pending_slot_key";
