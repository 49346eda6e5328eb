import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { directoryFingerprint } from '../src/directory-fingerprint';

describe('the migrations fingerprint', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const migrations = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'stratum-fingerprint-'));
    dirs.push(dir);
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    return dir;
  };
  const base = {
    '001_init/migration.sql': 'CREATE TABLE a ();',
    '002_b/migration.sql': 'CREATE TABLE b ();',
  };

  it('is the same for the same files, wherever they are', () => {
    const fingerprint = directoryFingerprint(migrations(base));
    expect(fingerprint).toMatch(/^[0-9a-f]{12}$/);
    expect(directoryFingerprint(migrations(base))).toBe(fingerprint);
  });

  it('changes when a migration is edited, added or renamed', () => {
    const fingerprint = directoryFingerprint(migrations(base));
    const edited = { ...base, '002_b/migration.sql': 'CREATE TABLE b (id int);' };
    const added = { ...base, '003_c/migration.sql': 'CREATE TABLE c ();' };
    const renamed = {
      '001_init/migration.sql': base['001_init/migration.sql'],
      '002_x/migration.sql': base['002_b/migration.sql'],
    };
    for (const files of [edited, added, renamed]) {
      expect(directoryFingerprint(migrations(files))).not.toBe(fingerprint);
    }
  });

  it('ignores files of other kinds, such as the lock file or notes', () => {
    const fingerprint = directoryFingerprint(migrations(base));
    const withNotes = { ...base, 'migration_lock.toml': 'provider = "postgresql"', 'README.md': 'notes' };
    expect(directoryFingerprint(migrations(withNotes))).toBe(fingerprint);
  });
});
