// Plain JavaScript with a .d.mts beside it, because scripts/lib/local-postgres.mjs imports it with
// plain `node`; the tests and the TypeScript code import the same file.
import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';

/**
 * PostgreSQL refuses to run as root: as root, run its binaries as the 'postgres' system user,
 * created if missing. Anyone else runs them as themselves.
 */
export function serverUser() {
  if (userInfo().uid !== 0) return { spawn: {} };
  let uid;
  try {
    uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
  }
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
  return { uid, gid, spawn: { uid, gid } };
}
