import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPostgresBinaries } from '../src/postgres-binaries.mjs';
import { serverUser } from '../src/server-user.mjs';

describe('finding the PostgreSQL server binaries', () => {
  const lookup = findPostgresBinaries();

  it.skipIf('missing' in lookup)('finds an initdb that runs and says which PostgreSQL it is', () => {
    if (!('found' in lookup)) return;
    const result = spawnSync(lookup.found.initdb, ['--version'], { ...serverUser().spawn, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^initdb \(PostgreSQL\) \d+/);
    expect(lookup.found.source).not.toBe('');
  });

  describe('in a machine folder of versions', () => {
    const root = mkdtempSync(join(tmpdir(), 'stratum-pg-versions-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const fakeVersion = (major: string, files: string[]) => {
      mkdirSync(join(root, major, 'bin'), { recursive: true });
      for (const file of files) {
        writeFileSync(join(root, major, 'bin', file), '#!/bin/sh\n');
        chmodSync(join(root, major, 'bin', file), 0o755);
      }
    };

    it('the binaries of the newest complete version are the fallback, and a folder without them is none', () => {
      fakeVersion('9', ['initdb', 'pg_ctl']);
      fakeVersion('15', ['initdb', 'pg_ctl']);
      fakeVersion('16', ['initdb']);
      expect(machineBinariesFor(root)?.initdb).toBe(join(root, '15', 'bin', 'initdb'));
      expect(machineBinariesFor(join(root, 'nowhere'))).toBeNull();
    });
  });
});

function machineBinariesFor(machineRoot: string) {
  const lookup = findPostgresBinaries({ machineRoot, embedded: false });
  return 'found' in lookup ? lookup.found : null;
}
