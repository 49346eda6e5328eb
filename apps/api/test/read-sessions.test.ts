import { ReadSession } from '@stratum/adapters';
import type { Repositories } from '@stratum/domain';
import { WalPosition } from '@stratum/prisma';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReadRouting } from '../src/reads/read-routing';
import { productBody } from './support/fixtures';
import { useTestApp } from './support/test-app';

/**
 * The replica routing itself is tested on a real primary and standby in packages/adapters; here,
 * what the API does with it: which session a request reads with, and the token a write hands back.
 */
class RecordingReadRouting implements ReadRouting {
  target!: Repositories;
  readonly readsWith: ReadSession[] = [];
  readonly writesRecorded: ReadSession[] = [];
  private nextPosition = 0x1000;

  sessionFrom(token: string | undefined): ReadSession {
    return ReadSession.readYourWrites(token);
  }

  repositoriesFor(session: ReadSession): Repositories {
    this.readsWith.push(session);
    return this.target;
  }

  async recordWrite(session: ReadSession): Promise<void> {
    this.writesRecorded.push(session);
    session.observeWrite(WalPosition.parse(`0/${(this.nextPosition += 0x100).toString(16).toUpperCase()}`));
  }
}

describe('read sessions with read replicas', () => {
  const routing = new RecordingReadRouting();
  const t = useTestApp({ deps: { readRouting: routing } });
  beforeAll(() => {
    routing.target = t.repositories;
  });

  it('hands back the position a write reached, for the next request to read at least', async () => {
    const admin = await t.caller(['admin']);
    const created = await t.app.inject({
      method: 'POST',
      url: '/products',
      headers: admin.auth,
      payload: productBody(),
    });

    expect(created.statusCode).toBe(201);
    const token = created.headers['x-stratum-read-after'];
    expect(token).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    expect(routing.writesRecorded.at(-1)?.token()).toBe(token);

    const read = await t.app.inject({
      method: 'GET',
      url: `/products/${created.json().id}`,
      headers: { 'x-stratum-read-after': String(token) },
    });
    expect(read.statusCode).toBe(200);
    expect(routing.readsWith.at(-1)?.minPosition?.toString()).toBe(token);
  });

  it('records no write for a refused request, and reads without a floor when given no token', async () => {
    const admin = await t.caller(['admin']);
    const before = routing.writesRecorded.length;
    const refused = await t.app.inject({
      method: 'POST',
      url: '/products',
      headers: admin.auth,
      payload: productBody({ price: 'free' }),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['x-stratum-read-after']).toBeUndefined();
    expect(routing.writesRecorded.length).toBe(before);

    await t.app.inject({ method: 'GET', url: '/products/search?q=anything' });
    expect(routing.readsWith.at(-1)?.minPosition).toBeNull();
  });
});
