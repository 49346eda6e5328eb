/** Why a rollback did not run. Each refusal changes nothing in the database. */
export type RollbackRefusal =
  | 'NO_DATABASE_URL'
  | 'FAILED_MIGRATION'
  | 'NOTHING_TO_UNDO'
  | 'NO_DOWN_SCRIPT'
  | 'NOT_CONFIRMED'
  | 'HISTORY_CHANGED';

export class RollbackRefusedError extends Error {
  constructor(
    readonly code: RollbackRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'RollbackRefusedError';
  }
}
