import { describe, expect, it } from 'vitest';
import type { AttemptWindows, HitResult } from '../../src/rate-limits';

const T0 = Date.UTC(2030, 0, 1);
const WINDOW_MS = 60_000;

const allowed = (result: HitResult) => result.allowed;
const waitOf = (result: HitResult) => (result.allowed ? 0 : result.waitMs);

/**
 * What every AttemptWindows promises, run on the in-process windows, on Redis and on Redis insured
 * by the in-process ones. `windows()` gives a store whose keys no other test sees.
 */
export function attemptWindowsContract(name: string, windows: () => Promise<AttemptWindows>, skip = false) {
  describe.skipIf(skip)(`AttemptWindows contract: ${name}`, () => {
    const limited = async (limit = 3, spacingMs?: number) =>
      (await windows()).window({ name: 'login', limit, windowMs: WINDOW_MS, spacingMs });

    it('records up to the limit, then refuses with the wait until the oldest hit leaves the window', async () => {
      const window = await limited();
      const results = [];
      for (let i = 0; i < 3; i++) results.push(await window.hit('ada@example.test', T0 + i * 1_000));

      expect(results.map(allowed)).toEqual([true, true, true]);
      expect(waitOf(await window.hit('ada@example.test', T0 + 10_000))).toBe(WINDOW_MS - 10_000);
    });

    it('records nothing it refuses, and lets the window slide one hit at a time', async () => {
      const window = await limited();
      for (let i = 0; i < 3; i++) await window.hit('k', T0 + i * 1_000);
      for (let i = 0; i < 5; i++) expect(allowed(await window.hit('k', T0 + 30_000))).toBe(false);

      expect(allowed(await window.hit('k', T0 + WINDOW_MS))).toBe(true);
      expect(waitOf(await window.hit('k', T0 + WINDOW_MS))).toBe(1_000);
      expect(allowed(await window.hit('k', T0 + WINDOW_MS + 1_000))).toBe(true);
    });

    it('takes back exactly the hit it is given', async () => {
      const window = await limited();
      const first = await window.hit('k', T0);
      await window.hit('k', T0 + 1_000);
      await window.hit('k', T0 + 2_000);
      if (!first.allowed) throw new Error('the first hit is recorded');

      await window.release('k', first.hitId);
      await window.release('k', first.hitId);

      expect(allowed(await window.hit('k', T0 + 3_000))).toBe(true);
      // The oldest left is now the one at T0 + 1 s.
      expect(waitOf(await window.hit('k', T0 + 4_000))).toBe(WINDOW_MS - 3_000);
    });

    it('forgets every hit of a key on reset, and only of that key', async () => {
      const window = await limited();
      for (let i = 0; i < 3; i++) {
        await window.hit('reset-me', T0);
        await window.hit('keep-me', T0);
      }

      await window.reset('reset-me');

      expect(allowed(await window.hit('reset-me', T0 + 1))).toBe(true);
      expect(allowed(await window.hit('keep-me', T0 + 1))).toBe(false);
    });

    it('keeps keys apart however alike they look, and limits of other names apart', async () => {
      const store = await windows();
      const login = store.window({ name: 'login', limit: 1, windowMs: WINDOW_MS });
      const signUp = store.window({ name: 'sign-up', limit: 1, windowMs: WINDOW_MS });
      const keys = [
        'a@example.test',
        'a@example.test\n',
        'a@example.test:*',
        '{a@example.test}',
        'A@example.test',
      ];

      for (const key of keys) expect(allowed(await login.hit(key, T0))).toBe(true);
      expect(allowed(await signUp.hit('a@example.test', T0))).toBe(true);
      expect(allowed(await login.hit('a@example.test', T0))).toBe(false);
    });

    it('lets exactly the limit through of a burst of parallel hits', async () => {
      const window = await limited(5);

      const results = await Promise.all(Array.from({ length: 25 }, () => window.hit('burst', T0)));

      expect(results.filter(allowed)).toHaveLength(5);
    });

    it('with spacing, slows a full key down to one hit per spacing instead of shutting it out', async () => {
      const window = await limited(3, 10_000);
      for (let i = 0; i < 3; i++) await window.hit('paced', T0 + i * 1_000);

      expect(waitOf(await window.hit('paced', T0 + 5_000))).toBe(7_000);
      expect(allowed(await window.hit('paced', T0 + 12_000))).toBe(true);
      expect(waitOf(await window.hit('paced', T0 + 12_000))).toBe(10_000);
      // Each paced hit pushes the oldest out: the key never holds more than the limit.
      expect(allowed(await window.hit('paced', T0 + 22_000))).toBe(true);
      expect(waitOf(await window.hit('paced', T0 + 23_000))).toBe(9_000);
    });
  });
}
