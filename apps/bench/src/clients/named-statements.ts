import { createHash } from 'node:crypto';
import type pg from 'pg';

type Query = (config: unknown, ...rest: unknown[]) => unknown;

/**
 * Gives every statement sent through this pool a name derived from its text, as PrismaPg's
 * `statementNameGenerator` option does (createDatabase does not expose that option yet, so the
 * bench sets the name one layer lower, where the adapter hands it to pg). pg then prepares each
 * statement once per connection and afterwards only binds and executes it: no Parse message and
 * no parse analysis or planning on the server for repeats.
 */
export function nameEveryStatement(pool: pg.Pool): void {
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (name === undefined) {
      name = `stratum_${createHash('sha1').update(text).digest('base64url').slice(0, 22)}`;
      names.set(text, name);
    }
    return name;
  };
  const patch = (target: { query: Query }) => {
    const query = target.query.bind(target) as Query;
    target.query = (config, ...rest) => {
      if (isUnnamed(config)) return query({ ...config, name: nameOf(config.text) }, ...rest);
      return query(config, ...rest);
    };
  };
  // Queries outside a transaction go through the pool, those inside one through its client.
  patch(pool as unknown as { query: Query });
  pool.on('connect', (client) => patch(client as unknown as { query: Query }));
}

function isUnnamed(config: unknown): config is { text: string; name?: undefined } {
  return (
    typeof config === 'object' &&
    config !== null &&
    typeof (config as { text?: unknown }).text === 'string' &&
    (config as { name?: unknown }).name === undefined
  );
}
