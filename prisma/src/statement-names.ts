import { createHash } from 'node:crypto';

/**
 * Names for PrismaPg's `statementNameGenerator`. A named statement is parsed and planned once per
 * connection and then only bound and executed: for our one-statement orders and transfers, whose
 * text is long, that is most of the server's work per call (see the benchmarks). The name is a
 * hash of the text, so equal text always gets the same name and different text never does.
 *
 * pg keeps every statement it prepared for the life of the connection, and so does the server:
 * past `limit` distinct texts (a sign of SQL built with varying shapes, such as IN lists of every
 * length) new texts go unnamed rather than grow both without bound.
 */
export function statementNamer(limit = 2_000): (query: { sql: string }) => string | undefined {
  const names = new Map<string, string>();
  return ({ sql }) => {
    const known = names.get(sql);
    if (known !== undefined || names.size >= limit) return known;
    const name = `s_${createHash('sha1').update(sql).digest('base64url')}`;
    names.set(sql, name);
    return name;
  };
}
