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
}

export function sqlDialect(kind: DatabaseKind): SqlDialect {
  if (kind === 'postgresql') {
    return {
      textList: (values) => sql`(SELECT json_array_elements_text(CAST(${JSON.stringify(values)} AS json)))`,
      codePointOrder: (column) => sql`${column} COLLATE "C"`,
    };
  }
  return {
    textList: (values) => sql`(SELECT value FROM json_each(${JSON.stringify(values)}))`,
    // SQLite's default BINARY collation compares UTF-8 bytes, which is code-point order.
    codePointOrder: (column) => column,
  };
}
