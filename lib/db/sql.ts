// Raw SQL fragments for the few queries Prisma's query builder cannot express (recursive
// neighbourhoods, set-based updates). One tag for both providers: the client turns it into
// `?` or `$1` placeholders, so values are always bound, never spliced into the text.
export { empty, join, raw, Sql, sqltag as sql } from '@prisma/client/runtime/client';
