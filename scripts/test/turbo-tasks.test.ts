// Turbo's task graph, read from `turbo run --dry=json` on a copy of the repository (so that
// editing the shared configs cannot disturb anything else running in the worktree).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const turbo = join(root, 'node_modules', '.bin', 'turbo');

interface DryTask {
  taskId: string;
  hash: string;
  command: string;
  dependencies: string[];
  environmentVariables: { specified: { passThroughEnv: string[] | null } };
}

let copy: string;

function dryRun(...tasks: string[]): Map<string, DryTask> {
  const json = execFileSync(turbo, ['run', ...tasks, '--dry=json'], {
    cwd: copy,
    encoding: 'utf8',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const { tasks: list } = JSON.parse(json) as { tasks: DryTask[] };
  return new Map(list.map((task) => [task.taskId, task]));
}

function editInCopy(file: string, edit: (text: string) => string) {
  const path = join(copy, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
}

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'stratum-turbo-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    try {
      cpSync(join(root, file), join(copy, file));
    } catch {
      // listed but deleted in the work tree
    }
  }
});

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('turbo tasks', () => {
  it('gives every typecheck a new hash when tsconfig.base.json changes', () => {
    const before = dryRun('typecheck');
    editInCopy('tsconfig.base.json', (text) => text.replace('"strict": true', '"strict": false'));
    const after = dryRun('typecheck');
    const typechecks = [...before.keys()].filter((id) => id.endsWith('#typecheck'));
    expect(typechecks.length).toBeGreaterThanOrEqual(5);
    for (const id of typechecks) expect(after.get(id)?.hash, id).not.toBe(before.get(id)?.hash);
  });

  it('gives every lint a new hash when eslint.config.js changes', () => {
    const before = dryRun('lint');
    editInCopy('eslint.config.js', (text) => `${text}\n// a change\n`);
    const after = dryRun('lint');
    const lints = [...before.keys()].filter((id) => id.endsWith('#lint'));
    expect(lints.length).toBeGreaterThanOrEqual(5);
    for (const id of lints) expect(after.get(id)?.hash, id).not.toBe(before.get(id)?.hash);
  });

  it('re-checks a package when a package it depends on changes, without waiting for its typecheck', () => {
    const before = dryRun('typecheck');
    editInCopy('packages/domain/src/index.ts', (text) => `${text}\n// a change\n`);
    const after = dryRun('typecheck');
    expect(after.get('@stratum/api#typecheck')?.hash).not.toBe(before.get('@stratum/api#typecheck')?.hash);
    for (const task of after.values()) {
      if (!task.taskId.endsWith('#typecheck')) continue;
      expect(
        task.dependencies.filter((id) => id.endsWith('#typecheck')),
        task.taskId,
      ).toEqual([]);
    }
  });

  it('migrates with the package script before seeding', () => {
    const tasks = dryRun('db:seed', '--filter', '@stratum/prisma');
    expect(tasks.get('@stratum/prisma#db:seed')?.dependencies).toContain('@stratum/prisma#migrate:deploy');
    // The package's deploy script (prisma migrate deploy, with the lock-timeout retry around it).
    expect(tasks.get('@stratum/prisma#migrate:deploy')?.command).toBe('tsx src/migrate/deploy.main.ts');
  });

  it('starts the API in dev with reload, migrated first, and the database settings passed through', () => {
    const dev = dryRun('dev', '--filter', '@stratum/api').get('@stratum/api#dev');
    expect(dev?.command).toMatch(/watch/);
    expect(dev?.dependencies).toContain('@stratum/prisma#migrate:deploy');
    expect(dev?.environmentVariables.specified.passThroughEnv).toEqual(
      expect.arrayContaining(['DATABASE_*', 'REDIS_URL', 'PORT']),
    );
  });
});
