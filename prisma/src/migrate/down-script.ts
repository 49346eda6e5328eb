/** A migration's down.sql: where it lives, and what it will drop, in words a release manager reads. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { splitStatements } from './sql-statements';

export const DOWN_SCRIPT = 'down.sql';

/** The down script's text, or null when the migration has none (or its folder is missing here). */
export async function readDownScript(migrationsDir: string, migrationName: string): Promise<string | null> {
  try {
    return await readFile(join(migrationsDir, migrationName, DOWN_SCRIPT), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export type DownStep =
  | { kind: 'table'; table: string }
  | { kind: 'rows'; table: string }
  | { kind: 'object'; what: string }
  | { kind: 'other'; what: string };

const name = String.raw`"?([\w$]+)"?(?:\."?([\w$]+)"?)?`;
const unquote = (match: RegExpExecArray, at: number) => match[at + 1] ?? match[at]!;

/** One entry per statement: dropped tables and deleted rows by table (counted later), the rest as written. */
export function describeDownScript(script: string): DownStep[] {
  return splitStatements(script).map((statement): DownStep => {
    const dropTable = new RegExp(String.raw`^DROP TABLE (?:IF EXISTS )?${name}`, 'i').exec(statement);
    if (dropTable) return { kind: 'table', table: unquote(dropTable, 1) };
    const del = new RegExp(String.raw`^(?:DELETE FROM|TRUNCATE(?: TABLE)?) ${name}`, 'i').exec(statement);
    if (del) return { kind: 'rows', table: unquote(del, 1) };
    const fromTable = new RegExp(
      String.raw`^ALTER TABLE (?:ONLY )?${name} DROP (CONSTRAINT|COLUMN) (?:IF EXISTS )?${name}`,
      'i',
    ).exec(statement);
    if (fromTable) {
      const kind = fromTable[3]!.toLowerCase();
      return { kind: 'object', what: `${kind} ${unquote(fromTable, 4)} of ${unquote(fromTable, 1)}` };
    }
    const object = new RegExp(
      String.raw`^DROP (INDEX|TYPE|EXTENSION|VIEW|MATERIALIZED VIEW|FUNCTION|SEQUENCE|TRIGGER) (?:CONCURRENTLY )?(?:IF EXISTS )?${name}`,
      'i',
    ).exec(statement);
    if (object) return { kind: 'object', what: `${object[1]!.toLowerCase()} ${unquote(object, 2)}` };
    if (/^DO\b/i.test(statement))
      return { kind: 'other', what: 'a DO block (a check or a data step: read down.sql)' };
    const what = statement.length > 100 ? `${statement.slice(0, 97)}...` : statement;
    return { kind: 'other', what };
  });
}
