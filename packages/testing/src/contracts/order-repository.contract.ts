import { describe, expect, it } from 'vitest';
import {
  CurrencyMismatchError,
  CursorPageRequest,
  InsufficientStockError,
  InvalidStateTransitionError,
  Money,
  NotFoundError,
  type Order,
  OrderId,
  type OrderLine,
  PendingOrderLimitError,
  type OrderRepository,
  type OrderStatus,
  type Product,
  ProductId,
  type ProductRepository,
  type User,
  UserId,
  type UserRepository,
  ValidationError,
} from '@stratum/domain';
import { ProductMother, type ProductOverrides } from '../mothers/product.mother';
import { UserMother } from '../mothers/user.mother';
import {
  expectDomainError,
  expectNewestFirst,
  expectNoDuplicates,
  idsOf,
  useSubject,
  walkCursorPages,
  type ContractSubject,
} from './contract-helpers';

export interface OrderRepositoryContractSubject extends ContractSubject {
  readonly orders: OrderRepository;
  /** Used to create the products ordered and to read their stock. */
  readonly products: ProductRepository;
  /** Used to create customers. */
  readonly users: UserRepository;
}

export function orderRepositoryContract(
  name: string,
  makeSubject: () => Promise<OrderRepositoryContractSubject>,
): void {
  describe(`OrderRepository contract (${name})`, () => {
    const subject = useSubject(makeSubject);
    const firstPage = CursorPageRequest.of({ limit: 100 });

    async function customer(): Promise<User> {
      const user = UserMother.random();
      await subject().users.save(user);
      return user;
    }

    async function product(overrides: ProductOverrides = {}): Promise<Product> {
      const created = ProductMother.random(overrides);
      await subject().products.save(created);
      return created;
    }

    async function stockOf(item: Product): Promise<number | undefined> {
      return (await subject().products.findById(item.id))?.stock;
    }

    async function ordersOf(user: User, status?: OrderStatus): Promise<Order[]> {
      const page = await subject().orders.findByCustomer(user.id, {
        page: firstPage,
        ...(status ? { status } : {}),
      });
      return page.items;
    }

    async function placed(user: User, lines: OrderLine[]): Promise<Order> {
      return subject().orders.placeOrder({ customerId: user.id, lines });
    }

    async function simpleOrder(user: User): Promise<Order> {
      const item = await product({ stock: 10 });
      return placed(user, [{ productId: item.id, quantity: 1 }]);
    }

    describe('placing orders', () => {
      it('places a pending order at current prices and reserves the stock', async () => {
        const buyer = await customer();
        const kettle = await product({ price: Money.of('2.50', 'USD'), stock: 10 });
        const teapot = await product({ price: Money.of('10.00', 'USD'), stock: 5 });

        const order = await placed(buyer, [
          { productId: kettle.id, quantity: 3 },
          { productId: teapot.id, quantity: 1 },
        ]);

        expect(order.status).toBe('PENDING');
        expect(order.customerId.equals(buyer.id)).toBe(true);
        expect(order.total.equals(Money.of('17.50', 'USD'))).toBe(true);
        expect(
          order.items.map((item) => [item.productId.value, item.quantity, item.unitPrice.toDecimalString()]),
        ).toEqual(
          [
            [kettle.id.value, 3, '2.50'],
            [teapot.id.value, 1, '10.00'],
          ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
        );
        expect(await stockOf(kettle)).toBe(7);
        expect(await stockOf(teapot)).toBe(4);
        const found = await subject().orders.findById(order.id);
        expect(found?.total.toDecimalString()).toBe('17.50');
        expect(found?.items).toHaveLength(2);
        expect(found?.createdAt.getTime()).toBe(order.createdAt.getTime());
      });

      it('merges repeated lines for the same product into one item', async () => {
        const buyer = await customer();
        const item = await product({ price: Money.of('1.00', 'USD'), stock: 10 });

        const order = await placed(buyer, [
          { productId: item.id, quantity: 2 },
          { productId: item.id, quantity: 3 },
        ]);

        expect(order.items.map((line) => line.quantity)).toEqual([5]);
        expect(order.total.toDecimalString()).toBe('5.00');
        expect(await stockOf(item)).toBe(5);
      });

      it('keeps the price an order was placed at when the product is repriced later', async () => {
        const buyer = await customer();
        const item = await product({ price: Money.of('4.00', 'USD') });
        const order = await placed(buyer, [{ productId: item.id, quantity: 2 }]);

        const current = (await subject().products.findById(item.id))!;
        await subject().products.save(current.changePrice(Money.of('9.00', 'USD')));

        const found = await subject().orders.findById(order.id);
        expect(found?.items[0]?.unitPrice.toDecimalString()).toBe('4.00');
        expect(found?.total.toDecimalString()).toBe('8.00');
      });

      it('refuses an order for a product that does not exist, writing nothing', async () => {
        const buyer = await customer();
        const real = await product({ stock: 10 });
        const missing = ProductId.random();

        const error = await expectDomainError(
          placed(buyer, [
            { productId: real.id, quantity: 2 },
            { productId: missing, quantity: 1 },
          ]),
          NotFoundError,
          'NOT_FOUND',
        );

        expect(error).toMatchObject({ entity: 'Product', id: missing.value });
        expect(await stockOf(real)).toBe(10);
        expect(await ordersOf(buyer)).toEqual([]);
      });

      it('refuses an order for a deleted product, writing nothing', async () => {
        const buyer = await customer();
        const real = await product({ stock: 10 });
        const gone = await product();
        await subject().products.softDelete(gone.id);

        const error = await expectDomainError(
          placed(buyer, [
            { productId: real.id, quantity: 1 },
            { productId: gone.id, quantity: 1 },
          ]),
          NotFoundError,
          'NOT_FOUND',
        );

        expect(error).toMatchObject({ entity: 'Product', id: gone.id.value });
        expect(await stockOf(real)).toBe(10);
        expect(await ordersOf(buyer)).toEqual([]);
      });

      it('refuses an order when a product is short of stock, naming it and writing nothing', async () => {
        const buyer = await customer();
        const plenty = await product({ stock: 10 });
        const scarce = await product({ stock: 1 });

        const error = await expectDomainError(
          placed(buyer, [
            { productId: plenty.id, quantity: 4 },
            { productId: scarce.id, quantity: 2 },
          ]),
          InsufficientStockError,
          'INSUFFICIENT_STOCK',
        );

        expect(error.productId).toBe(scarce.id.value);
        expect(error.requested).toBe(2);
        expect(await stockOf(plenty)).toBe(10);
        expect(await stockOf(scarce)).toBe(1);
        expect(await ordersOf(buyer)).toEqual([]);
      });

      it('refuses an order from a customer who does not exist or was deleted', async () => {
        const item = await product({ stock: 10 });
        const gone = await customer();
        await subject().users.softDelete(gone.id);

        for (const customerId of [UserId.random(), gone.id]) {
          const error = await expectDomainError(
            subject().orders.placeOrder({ customerId, lines: [{ productId: item.id, quantity: 1 }] }),
            NotFoundError,
            'NOT_FOUND',
          );
          expect(error).toMatchObject({ entity: 'User', id: customerId.value });
        }
        expect(await stockOf(item)).toBe(10);
      });

      it('refuses an order without lines or with a quantity out of range', async () => {
        const buyer = await customer();
        const item = await product({ stock: 10 });

        await expectDomainError(placed(buyer, []), ValidationError, 'VALIDATION_FAILED');
        for (const quantity of [0, -1, 1.5, 1_000_001]) {
          await expectDomainError(
            placed(buyer, [{ productId: item.id, quantity }]),
            ValidationError,
            'VALIDATION_FAILED',
          );
        }
        expect(await stockOf(item)).toBe(10);
      });

      it('refuses to mix products priced in different currencies, writing nothing', async () => {
        const buyer = await customer();
        const dollars = await product({ price: Money.of('1.00', 'USD'), stock: 5 });
        const euros = await product({ price: Money.of('1.00', 'EUR'), stock: 5 });

        await expectDomainError(
          placed(buyer, [
            { productId: dollars.id, quantity: 1 },
            { productId: euros.id, quantity: 1 },
          ]),
          CurrencyMismatchError,
          'CURRENCY_MISMATCH',
        );

        expect(await stockOf(dollars)).toBe(5);
        expect(await stockOf(euros)).toBe(5);
        expect(await ordersOf(buyer)).toEqual([]);
      });

      it('never oversells when orders for the last units race each other', async () => {
        const buyer = await customer();
        const item = await product({ stock: 3 });

        const results = await Promise.allSettled(
          Array.from({ length: 8 }, () => placed(buyer, [{ productId: item.id, quantity: 1 }])),
        );

        const rejected = results.filter((result) => result.status === 'rejected');
        expect(results.length - rejected.length).toBe(3);
        for (const result of rejected) expect(result.reason).toBeInstanceOf(InsufficientStockError);
        expect(await stockOf(item)).toBe(0);
        expect(await ordersOf(buyer)).toHaveLength(3);
      });
    });

    describe('finding orders', () => {
      it('returns null for an order that does not exist', async () => {
        expect(await subject().orders.findById(OrderId.random())).toBeNull();
      });

      it("lists only the customer's own orders, newest first, with their items", async () => {
        const buyer = await customer();
        const other = await customer();
        const mine = [await simpleOrder(buyer), await simpleOrder(buyer), await simpleOrder(buyer)];
        await simpleOrder(other);

        const listed = await ordersOf(buyer);

        expect(idsOf(listed).sort()).toEqual(idsOf(mine).sort());
        expectNewestFirst(listed);
        expect(listed.every((order) => order.items.length === 1)).toBe(true);
      });

      it("filters a customer's orders by status", async () => {
        const buyer = await customer();
        const pending = await simpleOrder(buyer);
        const confirmed = await simpleOrder(buyer);
        await subject().orders.changeStatus(confirmed.id, 'CONFIRMED');

        expect(idsOf(await ordersOf(buyer, 'CONFIRMED'))).toEqual([confirmed.id.value]);
        expect(idsOf(await ordersOf(buyer, 'PENDING'))).toEqual([pending.id.value]);
        expect(await ordersOf(buyer, 'SHIPPED')).toEqual([]);
      });

      it("counts only the customer's own live PENDING orders", async () => {
        const buyer = await customer();
        const other = await customer();
        await simpleOrder(buyer);
        await simpleOrder(buyer);
        const confirmed = await simpleOrder(buyer);
        await subject().orders.changeStatus(confirmed.id, 'CONFIRMED');
        const deleted = await simpleOrder(buyer);
        await subject().orders.softDelete(deleted.id);
        await simpleOrder(other);

        expect(await subject().orders.countPending(buyer.id)).toBe(2);
        expect(await subject().orders.countPending((await customer()).id)).toBe(0);
      });

      it("walks a customer's orders with cursor pages, each exactly once", async () => {
        const buyer = await customer();
        const mine: Order[] = [];
        for (let i = 0; i < 5; i++) mine.push(await simpleOrder(buyer));

        const { items, pages } = await walkCursorPages(
          (page) => subject().orders.findByCustomer(buyer.id, { page }),
          2,
        );

        expect(pages).toBe(3);
        expectNoDuplicates(idsOf(items));
        expect(idsOf(items).sort()).toEqual(idsOf(mine).sort());
        expectNewestFirst(items);
      });
    });

    describe('changing status', () => {
      it('moves an order through its whole life cycle without touching stock', async () => {
        const buyer = await customer();
        const item = await product({ stock: 10 });
        const order = await placed(buyer, [{ productId: item.id, quantity: 4 }]);

        for (const status of ['CONFIRMED', 'SHIPPED', 'DELIVERED'] as const) {
          expect((await subject().orders.changeStatus(order.id, status)).status).toBe(status);
        }

        expect((await subject().orders.findById(order.id))?.status).toBe('DELIVERED');
        expect(await stockOf(item)).toBe(6);
      });

      it('refuses moves the life cycle does not allow, leaving the status as it was', async () => {
        const buyer = await customer();
        const order = await simpleOrder(buyer);

        const error = await expectDomainError(
          subject().orders.changeStatus(order.id, 'SHIPPED'),
          InvalidStateTransitionError,
          'INVALID_STATE_TRANSITION',
        );
        expect(error).toMatchObject({ from: 'PENDING', to: 'SHIPPED' });

        await subject().orders.changeStatus(order.id, 'CONFIRMED');
        await subject().orders.changeStatus(order.id, 'SHIPPED');
        await expectDomainError(
          subject().orders.changeStatus(order.id, 'CANCELLED'),
          InvalidStateTransitionError,
          'INVALID_STATE_TRANSITION',
        );
        expect((await subject().orders.findById(order.id))?.status).toBe('SHIPPED');
      });

      it('puts the stock of a cancelled pending order back', async () => {
        const buyer = await customer();
        const first = await product({ stock: 10 });
        const second = await product({ stock: 4 });
        const order = await placed(buyer, [
          { productId: first.id, quantity: 3 },
          { productId: second.id, quantity: 4 },
        ]);

        const cancelled = await subject().orders.changeStatus(order.id, 'CANCELLED');

        expect(cancelled.status).toBe('CANCELLED');
        expect(await stockOf(first)).toBe(10);
        expect(await stockOf(second)).toBe(4);
      });

      it('puts the stock of a cancelled confirmed order back, only once', async () => {
        const buyer = await customer();
        const item = await product({ stock: 10 });
        const order = await placed(buyer, [{ productId: item.id, quantity: 6 }]);
        await subject().orders.changeStatus(order.id, 'CONFIRMED');

        await subject().orders.changeStatus(order.id, 'CANCELLED');
        await expectDomainError(
          subject().orders.changeStatus(order.id, 'CANCELLED'),
          InvalidStateTransitionError,
          'INVALID_STATE_TRANSITION',
        );

        expect(await stockOf(item)).toBe(10);
      });

      it('refuses to change the status of an order that does not exist', async () => {
        const id = OrderId.random();
        const error = await expectDomainError(
          subject().orders.changeStatus(id, 'CONFIRMED'),
          NotFoundError,
          'NOT_FOUND',
        );
        expect(error).toMatchObject({ entity: 'Order', id: id.value });
      });
    });

    describe('the pending cap', () => {
      function capped(user: User, item: Product, maxPending: number): Promise<Order> {
        return subject().orders.placeOrder({
          customerId: user.id,
          lines: [{ productId: item.id, quantity: 1 }],
          maxPending,
        });
      }

      it('refuses an order past the cap with PendingOrderLimitError and takes no stock', async () => {
        const buyer = await customer();
        const item = await product({ stock: 10 });
        await capped(buyer, item, 2);
        await capped(buyer, item, 2);

        const error = await expectDomainError(
          capped(buyer, item, 2),
          PendingOrderLimitError,
          'PENDING_ORDER_LIMIT',
        );

        expect(error.limit).toBe(2);
        expect(await stockOf(item)).toBe(8);
        expect(await subject().orders.countPending(buyer.id)).toBe(2);
      });

      it('frees a place when an order stops being pending, however often, in any order', async () => {
        const buyer = await customer();
        const item = await product({ stock: 20 });
        const [first, second] = [await capped(buyer, item, 3), await capped(buyer, item, 3)];
        const third = await capped(buyer, item, 3);

        await subject().orders.changeStatus(second.id, 'CANCELLED');
        const fourth = await capped(buyer, item, 3);
        await expectDomainError(capped(buyer, item, 3), PendingOrderLimitError, 'PENDING_ORDER_LIMIT');
        await subject().orders.changeStatus(first.id, 'CONFIRMED');
        await subject().orders.softDelete(third.id);
        await capped(buyer, item, 3);
        await capped(buyer, item, 3);
        await expectDomainError(capped(buyer, item, 3), PendingOrderLimitError, 'PENDING_ORDER_LIMIT');
        await subject().orders.changeStatus(fourth.id, 'CANCELLED');
        await capped(buyer, item, 3);

        expect(await subject().orders.countPending(buyer.id)).toBe(3);
      });

      it("counts only the customer's own pending orders, and none without a cap", async () => {
        const [buyer, other] = [await customer(), await customer()];
        const item = await product({ stock: 10 });
        await capped(other, item, 1);
        await capped(buyer, item, 1);
        await placed(buyer, [{ productId: item.id, quantity: 1 }]);

        expect(await subject().orders.countPending(buyer.id)).toBe(2);
        await expectDomainError(capped(buyer, item, 2), PendingOrderLimitError, 'PENDING_ORDER_LIMIT');
      });

      it('refuses a cap that is not a whole number from 1, placing nothing', async () => {
        const buyer = await customer();
        const item = await product({ stock: 10 });
        for (const maxPending of [0, -1, 2.5, Number.NaN]) {
          await expectDomainError(capped(buyer, item, maxPending), ValidationError, 'VALIDATION_FAILED');
        }
        expect(await stockOf(item)).toBe(10);
        expect(await ordersOf(buyer)).toEqual([]);
      });
    });

    describe('expiring pending orders', () => {
      // Orders other tests of this database left pending would count too: expire those first.
      async function expireAllDue(): Promise<void> {
        while ((await subject().orders.expirePendingPlacedBefore(new Date(), 1000)).count > 0);
      }

      /** A cutoff strictly after everything placed so far and strictly before anything placed next. */
      async function cutoffNow(): Promise<Date> {
        await pause(5);
        const cutoff = new Date();
        await pause(5);
        return cutoff;
      }

      async function statusOf(order: Order): Promise<OrderStatus | undefined> {
        return (await subject().orders.findById(order.id))?.status;
      }

      it('expires the pending orders placed before the cutoff and puts their stock back, once per product', async () => {
        await expireAllDue();
        const [first, second] = [await customer(), await customer()];
        const kettle = await product({ stock: 10 });
        const teapot = await product({ stock: 5 });
        const old = await placed(first, [
          { productId: kettle.id, quantity: 2 },
          { productId: teapot.id, quantity: 1 },
        ]);
        const older = await placed(second, [{ productId: kettle.id, quantity: 3 }]);
        const cutoff = await cutoffNow();
        const fresh = await placed(first, [{ productId: kettle.id, quantity: 1 }]);

        const expired = await subject().orders.expirePendingPlacedBefore(cutoff, 100);

        expect(expired.count).toBe(2);
        expect(expired.productIds.map((id) => id.value)).toEqual([kettle.id.value, teapot.id.value].sort());
        expect([await statusOf(old), await statusOf(older), await statusOf(fresh)]).toEqual([
          'EXPIRED',
          'EXPIRED',
          'PENDING',
        ]);
        expect(await stockOf(kettle)).toBe(9);
        expect(await stockOf(teapot)).toBe(5);
        expect(idsOf(await ordersOf(first, 'EXPIRED'))).toEqual([old.id.value]);
        expect(await subject().orders.countPending(first.id)).toBe(1);
      });

      it('expires at most `limit` orders a call, the oldest first', async () => {
        await expireAllDue();
        const buyer = await customer();
        const item = await product({ stock: 10 });
        const orders: Order[] = [];
        for (let i = 0; i < 3; i++) {
          orders.push(await placed(buyer, [{ productId: item.id, quantity: 1 }]));
          await pause(2);
        }
        const cutoff = await cutoffNow();

        expect((await subject().orders.expirePendingPlacedBefore(cutoff, 2)).count).toBe(2);
        expect(await Promise.all(orders.map(statusOf))).toEqual(['EXPIRED', 'EXPIRED', 'PENDING']);
        expect(await stockOf(item)).toBe(9);

        expect((await subject().orders.expirePendingPlacedBefore(cutoff, 2)).count).toBe(1);
        expect(await stockOf(item)).toBe(10);
      });

      it('leaves orders that are no longer pending, and deleted ones, as they are', async () => {
        await expireAllDue();
        const buyer = await customer();
        const item = await product({ stock: 20 });
        const order = () => placed(buyer, [{ productId: item.id, quantity: 2 }]);
        const [confirmed, cancelled, deleted, pending] = [
          await order(),
          await order(),
          await order(),
          await order(),
        ];
        await subject().orders.changeStatus(confirmed.id, 'CONFIRMED');
        await subject().orders.changeStatus(cancelled.id, 'CANCELLED');
        await subject().orders.softDelete(deleted.id);
        const cutoff = await cutoffNow();

        const expired = await subject().orders.expirePendingPlacedBefore(cutoff, 100);

        expect(expired.count).toBe(1);
        expect([await statusOf(confirmed), await statusOf(cancelled), await statusOf(pending)]).toEqual([
          'CONFIRMED',
          'CANCELLED',
          'EXPIRED',
        ]);
        // The confirmed and the deleted orders keep their units; the cancelled one's came back once.
        expect(await stockOf(item)).toBe(16);
      });

      it('gives the stock back only once, however often it runs, and an expired order is final', async () => {
        await expireAllDue();
        const buyer = await customer();
        const item = await product({ stock: 10 });
        const order = await placed(buyer, [{ productId: item.id, quantity: 4 }]);
        const cutoff = await cutoffNow();

        expect((await subject().orders.expirePendingPlacedBefore(cutoff, 100)).count).toBe(1);
        const again = await subject().orders.expirePendingPlacedBefore(cutoff, 100);

        expect(again).toEqual({ count: 0, productIds: [] });
        expect(await stockOf(item)).toBe(10);
        for (const to of ['CONFIRMED', 'CANCELLED', 'PENDING'] as const) {
          await expectDomainError(
            subject().orders.changeStatus(order.id, to),
            InvalidStateTransitionError,
            'INVALID_STATE_TRANSITION',
          );
        }
        expect(await stockOf(item)).toBe(10);
      });

      it('refuses a limit that is not a positive whole number, expiring nothing', async () => {
        const buyer = await customer();
        const order = await simpleOrder(buyer);
        const cutoff = await cutoffNow();

        for (const limit of [0, -1, 1.5, Number.NaN]) {
          await expectDomainError(
            subject().orders.expirePendingPlacedBefore(cutoff, limit),
            ValidationError,
            'VALIDATION_FAILED',
          );
        }
        expect(await statusOf(order)).toBe('PENDING');
      });
    });

    describe('soft deletion', () => {
      it('hides a deleted order from every read and refuses further changes', async () => {
        const buyer = await customer();
        const kept = await simpleOrder(buyer);
        const order = await simpleOrder(buyer);

        await subject().orders.softDelete(order.id);

        expect(await subject().orders.findById(order.id)).toBeNull();
        expect(idsOf(await ordersOf(buyer))).toEqual([kept.id.value]);
        await expectDomainError(
          subject().orders.changeStatus(order.id, 'CONFIRMED'),
          NotFoundError,
          'NOT_FOUND',
        );
        await expectDomainError(subject().orders.softDelete(order.id), NotFoundError, 'NOT_FOUND');
        await expectDomainError(subject().orders.softDelete(OrderId.random()), NotFoundError, 'NOT_FOUND');
      });
    });
  });
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
