import { AccountId } from '@stratum/domain';
import { describe, expect, it } from 'vitest';
import { fundedAccount } from './support/fixtures';
import { useTestApp, type Caller } from './support/test-app';

describe('accounts', () => {
  const t = useTestApp();

  const balanceOf = async (id: string) =>
    (await t.repositories.accounts.findById(AccountId.of(id)))!.balance.toDecimalString();

  function transfer(caller: Caller, from: string, body: Record<string, unknown>, key?: string) {
    return t.app.inject({
      method: 'POST',
      url: `/accounts/${from}/transfers`,
      headers: { ...caller.auth, ...(key === undefined ? {} : { 'idempotency-key': key }) },
      payload: body,
    });
  }

  async function twoAccounts(balance = '100.00') {
    const owner = await t.caller(['user']);
    const payee = await t.caller(['user']);
    const from = await fundedAccount(t, owner.user.id, balance);
    const to = await fundedAccount(t, payee.user.id, '0.00');
    return { owner, payee, from: from.id.value, to: to.id.value };
  }

  describe('POST /accounts and GET /accounts/:id', () => {
    it('opens an empty account for the caller and shows its balance', async () => {
      const owner = await t.caller(['user']);

      const opened = await t.app.inject({
        method: 'POST',
        url: '/accounts',
        headers: owner.auth,
        payload: { currency: 'EUR' },
      });

      expect(opened.statusCode).toBe(201);
      expect(opened.json()).toMatchObject({ ownerId: owner.user.id.value, balance: '0.00', currency: 'EUR' });
      const read = await t.app.inject({
        method: 'GET',
        url: `/accounts/${opened.json().id}`,
        headers: owner.auth,
      });
      expect(read.json()).toEqual(opened.json());
    });

    it('refuses an opening balance and a lower-case currency with 400', async () => {
      const owner = await t.caller(['user']);

      const response = await t.app.inject({
        method: 'POST',
        url: '/accounts',
        headers: owner.auth,
        payload: { currency: 'usd', initialBalance: '1000000.00' },
      });

      expect(response.statusCode).toBe(400);
      expect(response.json().fields).toHaveLength(2);
    });

    it('shows an account to its owner and to accounts:read:any; to another customer it does not exist', async () => {
      const { owner, payee, from } = await twoAccounts();
      const admin = await t.caller(['admin']);
      const get = (caller: Caller) =>
        t.app.inject({ method: 'GET', url: `/accounts/${from}`, headers: caller.auth });

      expect((await get(owner)).json().balance).toBe('100.00');
      expect((await get(admin)).statusCode).toBe(200);
      const unknownId = crypto.randomUUID();
      const hidden = await get(payee);
      const unknown = await t.app.inject({
        method: 'GET',
        url: `/accounts/${unknownId}`,
        headers: payee.auth,
      });
      expect(hidden.statusCode).toBe(404);
      expect(unknown.statusCode).toBe(404);
      // The same answer, word for word but for the id: nothing tells the two apart.
      expect(hidden.json().message.replace(from, 'ID')).toBe(unknown.json().message.replace(unknownId, 'ID'));
      expect((await get(owner)).statusCode).toBe(200);
      expect(
        (await t.app.inject({ method: 'GET', url: `/accounts/${from.toUpperCase()}`, headers: owner.auth }))
          .statusCode,
      ).toBe(200);
    });
  });

  describe('POST /accounts/:id/transfers', () => {
    it('moves money and records it in both histories', async () => {
      const { owner, payee, from, to } = await twoAccounts();

      const response = await transfer(
        owner,
        from,
        { toAccountId: to, amount: '30.25', currency: 'USD' },
        crypto.randomUUID(),
      );

      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        fromAccountId: from,
        toAccountId: to,
        amount: '30.25',
        currency: 'USD',
      });
      expect([await balanceOf(from), await balanceOf(to)]).toEqual(['69.75', '30.25']);
      const history = await t.app.inject({
        method: 'GET',
        url: `/accounts/${to}/transfers`,
        headers: payee.auth,
      });
      expect(history.json()).toEqual({ items: [response.json()], nextCursor: null });
    });

    it('answers a retry with the same key and body with the first response, moving the money once', async () => {
      const { owner, from, to } = await twoAccounts();
      const key = crypto.randomUUID();
      const body = { toAccountId: to, amount: '10.00', currency: 'USD' };

      const first = await transfer(owner, from, body, key);
      const retry = await transfer(owner, from, body, key);

      expect(retry.statusCode).toBe(first.statusCode);
      expect(retry.json()).toEqual(first.json());
      expect(await balanceOf(from)).toBe('90.00');
    });

    it('moves the money once when the same request arrives several times at once', async () => {
      const { owner, from, to } = await twoAccounts();
      const key = crypto.randomUUID();
      const body = { toAccountId: to, amount: '7.00', currency: 'USD' };

      const responses = await Promise.all(Array.from({ length: 5 }, () => transfer(owner, from, body, key)));

      expect(new Set(responses.map((response) => response.statusCode))).toEqual(new Set([201]));
      expect(new Set(responses.map((response) => response.json().id)).size).toBe(1);
      expect([await balanceOf(from), await balanceOf(to)]).toEqual(['93.00', '7.00']);
    });

    it('refuses the same key with a different body with 422 and moves nothing more', async () => {
      const { owner, from, to } = await twoAccounts();
      const key = crypto.randomUUID();
      await transfer(owner, from, { toAccountId: to, amount: '10.00', currency: 'USD' }, key);

      const reused = await transfer(owner, from, { toAccountId: to, amount: '11.00', currency: 'USD' }, key);

      expect(reused.statusCode).toBe(422);
      expect(reused.json().code).toBe('DUPLICATE_IDEMPOTENCY_KEY');
      expect(await balanceOf(from)).toBe('90.00');
    });

    it('keeps each caller’s keys apart', async () => {
      const a = await twoAccounts();
      const b = await twoAccounts();
      const key = 'order-1';

      expect(
        (await transfer(a.owner, a.from, { toAccountId: a.to, amount: '1.00', currency: 'USD' }, key))
          .statusCode,
      ).toBe(201);
      expect(
        (await transfer(b.owner, b.from, { toAccountId: b.to, amount: '2.00', currency: 'USD' }, key))
          .statusCode,
      ).toBe(201);
    });

    it('requires an Idempotency-Key header', async () => {
      const { owner, from, to } = await twoAccounts();

      const response = await transfer(owner, from, { toAccountId: to, amount: '1.00', currency: 'USD' });

      expect(response.statusCode).toBe(400);
      expect(response.json().fields).toEqual([
        expect.objectContaining({ in: 'headers', field: 'idempotency-key' }),
      ]);
    });

    it('answers 409 for insufficient funds, 422 for another currency, 404 for an unknown payee', async () => {
      const { owner, from, to } = await twoAccounts('5.00');

      const broke = await transfer(
        owner,
        from,
        { toAccountId: to, amount: '5.01', currency: 'USD' },
        crypto.randomUUID(),
      );
      const euros = await transfer(
        owner,
        from,
        { toAccountId: to, amount: '1.00', currency: 'EUR' },
        crypto.randomUUID(),
      );
      const nowhere = await transfer(
        owner,
        from,
        { toAccountId: crypto.randomUUID(), amount: '1.00', currency: 'USD' },
        crypto.randomUUID(),
      );

      expect([broke.statusCode, broke.json().code]).toEqual([409, 'INSUFFICIENT_FUNDS']);
      expect([euros.statusCode, euros.json().code]).toEqual([422, 'CURRENCY_MISMATCH']);
      expect(nowhere.statusCode).toBe(404);
      expect(await balanceOf(from)).toBe('5.00');
    });

    it("refuses to move money out of someone else's account: 404 to a customer, 403 to an administrator", async () => {
      const { payee, from, to } = await twoAccounts();
      const admin = await t.caller(['admin']);

      for (const [caller, status] of [
        [payee, 404],
        [admin, 403],
      ] as const) {
        const response = await transfer(
          caller,
          from,
          { toAccountId: to, amount: '1.00', currency: 'USD' },
          crypto.randomUUID(),
        );
        expect(response.statusCode).toBe(status);
      }
      expect(await balanceOf(from)).toBe('100.00');
    });
  });

  describe('GET /accounts/:id/transfers', () => {
    it('pages through the history newest first and hides it from other customers', async () => {
      const { owner, payee, from, to } = await twoAccounts();
      for (const amount of ['1.00', '2.00', '3.00']) {
        await transfer(owner, from, { toAccountId: to, amount, currency: 'USD' }, crypto.randomUUID());
      }

      const page1 = (
        await t.app.inject({ method: 'GET', url: `/accounts/${from}/transfers?limit=2`, headers: owner.auth })
      ).json();
      const page2 = (
        await t.app.inject({
          method: 'GET',
          url: `/accounts/${from}/transfers?limit=2&cursor=${page1.nextCursor}`,
          headers: owner.auth,
        })
      ).json();

      expect([...page1.items, ...page2.items].map((item: { amount: string }) => item.amount)).toEqual([
        '3.00',
        '2.00',
        '1.00',
      ]);
      expect(page2.nextCursor).toBeNull();
      expect(
        (await t.app.inject({ method: 'GET', url: `/accounts/${from}/transfers`, headers: payee.auth }))
          .statusCode,
      ).toBe(404);
    });
  });
});
