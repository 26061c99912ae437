// Raw SQL for the few queries Prisma's query builder cannot express (neighbourhoods walked in the
// database, set-based updates). One tag for both providers: the client turns it into `?` or `$1`
// placeholders, so values are always bound, never spliced into the text. Where SQLite and
// PostgreSQL spell the same meaning differently, the dialect below holds both spellings.
import { empty, join, raw, Sql, sqltag as sql } from '@prisma/client/runtime/client';
import type { DatabaseKind } from './config';

export { empty, join, raw, Sql, sql };

export interface SqlDialect {
  /** A subquery of the strings in a list, bound as ONE parameter (a JSON array), so no list runs into a bound-parameter limit. */
  textList(values: readonly string[]): Sql;
  /** An ORDER BY term in code-point order (the order compareText gives), whatever the database's collation. */
  codePointOrder(column: Sql): Sql;
  /** A JSON array of one text column over the rows of `from`, in code-point order of `orderBy` ([] when none). */
  jsonTextArray(value: Sql, orderBy: Sql, from: Sql): Sql;
}

/** Rows of jsonTextArray arrive as text (SQLite) or already parsed (PostgreSQL's json). */
export function parseJsonTextArray(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  return (typeof value === 'string' ? JSON.parse(value) : value) as string[];
}

export function sqlDialect(kind: DatabaseKind): SqlDialect {
  if (kind === 'postgresql') {
    return {
      textList: (values) => sql`(SELECT json_array_elements_text(CAST(${JSON.stringify(values)} AS json)))`,
      codePointOrder: (column) => sql`${column} COLLATE "C"`,
      jsonTextArray: (value, orderBy, from) => sql`(SELECT COALESCE(json_agg(${value} ORDER BY ${orderBy} COLLATE "C"), '[]'::json) ${from})`,
    };
  }
  return {
    textList: (values) => sql`(SELECT value FROM json_each(${JSON.stringify(values)}))`,
    // SQLite's default BINARY collation compares UTF-8 bytes, which is code-point order.
    codePointOrder: (column) => column,
    // Aggregate ORDER BY needs SQLite 3.44 or later (better-sqlite3 12 bundles a newer one).
    jsonTextArray: (value, orderBy, from) => sql`(SELECT json_group_array(${value} ORDER BY ${orderBy}) ${from})`,
  };
}
