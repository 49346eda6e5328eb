export interface ServerUser {
  /** Spawn options that run a child as this user (empty when we are not root). */
  spawn: { uid?: number; gid?: number };
  uid?: number;
  gid?: number;
}

/** The user to run PostgreSQL's binaries as: 'postgres' (created if missing) when we are root, else us. */
export declare function serverUser(): ServerUser;
