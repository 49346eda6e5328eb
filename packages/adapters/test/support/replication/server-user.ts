import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';

export interface ServerUser {
  /** Spawn options that run a child as this user (empty when we are not root). */
  spawn: { uid?: number; gid?: number };
  uid?: number;
  gid?: number;
}

/**
 * PostgreSQL refuses to run as root: as root, run it as the 'postgres' system user, created if
 * missing, as scripts/lib/local-postgres.mjs does for the local server.
 */
export function serverUser(): ServerUser {
  if (userInfo().uid !== 0) return { spawn: {} };
  let uid: number;
  try {
    uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
  }
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
  return { uid, gid, spawn: { uid, gid } };
}
