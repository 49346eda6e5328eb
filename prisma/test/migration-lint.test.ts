// squawk, as `pnpm lint` runs it, catches what would lock a live table, and passes our migrations.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageDir } from '../src/paths';

// squawk-cli's own launcher finds the binary of this platform's package; no download.
const squawkBinary: string = createRequire(import.meta.url)('squawk-cli/js/index.js').getBinaryPath();

function squawk(paths: string[]): Promise<{ exitCode: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      squawkBinary,
      ['--config', join(packageDir, '.squawk.toml'), '--reporter', 'gcc', ...paths],
      { cwd: packageDir },
      (error, stdout, stderr) =>
        resolve({ exitCode: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

describe('squawk over migration.sql files', () => {
  it('flags every change that locks or rewrites an existing table', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stratum-squawk-'));
    try {
      const file = join(dir, 'migration.sql');
      await writeFile(
        file,
        `ALTER TABLE "users" ADD COLUMN "nickname" TEXT NOT NULL;
CREATE INDEX "users_name_idx" ON "users" ("name");
ALTER TABLE "products" ALTER COLUMN "stock" TYPE BIGINT;
ALTER TABLE "orders" ADD CONSTRAINT "orders_user_fkey" FOREIGN KEY ("customer_id") REFERENCES "users"("id");
ALTER TABLE "orders" ADD CONSTRAINT "orders_total_positive_check" CHECK ("total" > 0);
`,
      );
      const { exitCode, output } = await squawk([file]);
      expect(exitCode).not.toBe(0);
      for (const rule of [
        'adding-required-field',
        'require-concurrent-index-creation',
        'changing-column-type',
        'adding-foreign-key-constraint',
        'constraint-missing-not-valid',
      ]) {
        expect(output).toContain(rule);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("passes this repository's migrations", async () => {
    const { exitCode, output } = await squawk(['migrations/*/migration.sql']);
    expect(output).not.toMatch(/warning|error/); // the gcc reporter prints only problems
    expect(exitCode).toBe(0);
  });
});
