/**
 * The guard in front of every tool that creates, seeds or drops databases: it works only on a
 * database whose name says what it is for ("test", "bench"), so a DATABASE_URL pointing at real
 * data is refused before anything is written.
 */
export class DatabaseNameRefusedError extends Error {
  override readonly name = 'DatabaseNameRefusedError';
  readonly code = 'DATABASE_NAME_REFUSED';

  constructor(
    readonly database: string,
    readonly requiredWord: string,
    hint?: string,
  ) {
    super(
      `refusing to use database "${database}": its name must contain "${requiredWord}"` +
        (hint ? ` (${hint})` : ''),
    );
  }
}

/** Throws DatabaseNameRefusedError unless `database` contains `word`, in any case. */
export function assertDatabaseNameSays(database: string, word: string, hint?: string): void {
  if (!/^[a-z0-9_]+$/i.test(word)) {
    throw new TypeError(`the required word must be letters, digits or "_", got "${word}"`);
  }
  if (!database.toLowerCase().includes(word.toLowerCase())) {
    throw new DatabaseNameRefusedError(database, word, hint);
  }
}

/** The database a connection URL names, percent-decoded. */
export function databaseNameOf(url: string | URL): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** `raw` (usually DATABASE_URL) as a URL, once the database it names says `word`. */
export function guardedServerUrl(raw: string, word: string, hint?: string): URL {
  const url = new URL(raw);
  assertDatabaseNameSays(databaseNameOf(url), word, hint);
  return url;
}
