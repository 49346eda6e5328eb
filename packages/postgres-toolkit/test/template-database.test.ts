import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseExists, withAdminClient } from '../src/admin-client';
import { createScratchDatabase } from '../src/scratch-database';
import { ensureTemplateDatabase, type BuildTarget } from '../src/template-database';
import { serverUnderTest } from './server-under-test';

const server = serverUnderTest();

describe('a template database built under an advisory lock', () => {
  const created: string[] = [];
  const uniqueName = () => {
    const name = `stratum_toolkit_test_tpl_${randomBytes(4).toString('hex')}`;
    created.push(name, `${name}_building`);
    return name;
  };
  afterAll(() =>
    withAdminClient(server, async (admin) => {
      for (const name of created) {
        await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
      }
    }),
  );
  const createTable = async ({ url }: BuildTarget) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('CREATE TABLE built (at timestamptz DEFAULT now())');
      await client.query('INSERT INTO built DEFAULT VALUES');
    } finally {
      await client.end();
    }
  };
  const exists = (name: string) => withAdminClient(server, (admin) => databaseExists(admin, name));

  it('is built once when several processes ask for it at the same time', async () => {
    const name = uniqueName();
    let builds = 0;
    const build = async (target: BuildTarget) => {
      builds += 1;
      // Long enough that every other caller arrives while the first is still building.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await createTable(target);
    };
    const names = await Promise.all(
      Array.from({ length: 4 }, () => ensureTemplateDatabase({ server, name, build })),
    );
    expect(names).toEqual([name, name, name, name]);
    expect(builds).toBe(1);
    expect(await exists(name)).toBe(true);
    expect(await exists(`${name}_building`)).toBe(false);
  });

  it('gives copies that hold what the build put in', async () => {
    const name = uniqueName();
    await ensureTemplateDatabase({ server, name, build: createTable });
    const copy = await createScratchDatabase(server, { prefix: 'stratum_toolkit_test_copy', template: name });
    try {
      const client = new pg.Client({ connectionString: copy.url });
      await client.connect();
      const { rows } = await client.query('SELECT count(*)::int AS n FROM built');
      await client.end();
      expect(rows).toEqual([{ n: 1 }]);
    } finally {
      await copy.drop();
    }
    expect(await exists(copy.name)).toBe(false);
  });

  it('never leaves a failed build under the template name, and the next call starts over', async () => {
    const name = uniqueName();
    const failing = ensureTemplateDatabase({
      server,
      name,
      build: async () => {
        throw new Error('migration failed');
      },
    });
    await expect(failing).rejects.toThrow('migration failed');
    expect(await exists(name)).toBe(false);
    expect(await exists(`${name}_building`)).toBe(true);

    await ensureTemplateDatabase({ server, name, build: createTable });
    expect(await exists(name)).toBe(true);
    expect(await exists(`${name}_building`)).toBe(false);
  });

  it('lets the caller refuse an existing database it does not own, and then drops nothing', async () => {
    const name = uniqueName();
    await withAdminClient(server, (admin) =>
      admin.query(`CREATE DATABASE ${admin.escapeIdentifier(`${name}_building`)}`),
    );
    let builds = 0;
    const refused = ensureTemplateDatabase({
      server,
      name,
      build: async () => void (builds += 1),
      vetExisting: async (_admin, database) => {
        throw new Error(`${database} is not ours`);
      },
    });
    await expect(refused).rejects.toThrow(`${name}_building is not ours`);
    expect(builds).toBe(0);
    expect(await exists(`${name}_building`)).toBe(true);
  });
});
