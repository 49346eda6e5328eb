/**
 * What `prisma migrate diff` cannot see, read from the catalog: every column with its type, default
 * and generation expression, every constraint (CHECKs included) and index (partial, expression and
 * GIN included) with its definition, enum labels, extensions, the privileges granted on tables,
 * sequences and the schema (and the default ones for future objects), and each table's row count
 * (seed rows are part of what a migration does). Prisma's own bookkeeping table is left out.
 */
import pg from 'pg';

export async function schemaSnapshot(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const lines: string[] = [];
    const add = (rows: Array<{ line: string }>) => lines.push(...rows.map((row) => row.line));
    add(
      (
        await client.query<{ line: string }>(`
          SELECT format('column %s.%s %s%s%s%s', c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
                        CASE WHEN a.attnotnull THEN ' not null' ELSE '' END,
                        CASE WHEN a.attgenerated = 's' THEN ' generated ' || pg_get_expr(d.adbin, d.adrelid)
                             WHEN d.adbin IS NOT NULL THEN ' default ' || pg_get_expr(d.adbin, d.adrelid)
                             ELSE '' END,
                        '') AS line
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
           WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
             AND c.relname <> '_prisma_migrations'`)
      ).rows,
    );
    add(
      (
        await client.query<{ line: string }>(`
          SELECT format('constraint %s.%s %s', c.relname, k.conname, pg_get_constraintdef(k.oid)) AS line
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relname <> '_prisma_migrations'`)
      ).rows,
    );
    add(
      (
        await client.query<{ line: string }>(`
          SELECT 'index ' || indexdef AS line FROM pg_indexes
           WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`)
      ).rows,
    );
    add(
      (
        await client.query<{ line: string }>(`
          SELECT format('enum %s %s', t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)) AS line
            FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`)
      ).rows,
    );
    add(
      (await client.query<{ line: string }>(`SELECT 'extension ' || extname AS line FROM pg_extension`)).rows,
    );
    add(
      (
        await client.query<{ line: string }>(`
          SELECT format('grant %s on %s to %s', acl.privilege_type, c.relname, acl.grantee::regrole) AS line
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
                 aclexplode(c.relacl) acl
           WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S') AND acl.grantee <> c.relowner
          UNION ALL
          SELECT format('grant %s on schema %s to %s', acl.privilege_type, n.nspname,
                        CASE WHEN acl.grantee = 0 THEN 'PUBLIC' ELSE acl.grantee::regrole::text END)
            FROM pg_namespace n, aclexplode(n.nspacl) acl
           WHERE n.nspname = 'public' AND acl.grantee <> n.nspowner
          UNION ALL
          SELECT format('default grant %s on %s to %s', acl.privilege_type, d.defaclobjtype, acl.grantee::regrole)
            FROM pg_default_acl d JOIN pg_namespace n ON n.oid = d.defaclnamespace,
                 aclexplode(d.defaclacl) acl
           WHERE n.nspname = 'public'`)
      ).rows,
    );
    const tables = await client.query<{ name: string }>(`
      SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
    for (const { name } of tables.rows) {
      // Table names come from the catalog, quoted as identifiers.
      const { rows } = await client.query<{ count: string }>(
        `SELECT count(*) AS count FROM ${client.escapeIdentifier(name)}`,
      );
      lines.push(`rows ${name} ${rows[0]?.count}`);
    }
    return lines.sort();
  } finally {
    await client.end();
  }
}
