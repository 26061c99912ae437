// Finding actors by any of their names through the database's name index: on SQLite the FTS5
// trigram index ActorSearch over ActorSearchName (every label and name variant, kept by triggers),
// on PostgreSQL trigram GIN indexes over ActorName.normalized and Actor.normalizedName (both
// created by the 20261201092751_search_index migrations). The ranks are lib/graph/search.ts's,
// stated in SQL so the database can order and cut the list; test/db/search.test.ts holds the two
// to the same answers.
import { Prisma, type Db, type Tx } from '../../db/client';
import type { DatabaseKind } from '../../db/config';
import { SEARCH_RANK, searchTerms } from '../../graph/search';

export interface ActorSearchFilters {
  kind?: string;
  faction?: string;
  /** At most this many hits (the best ones). */
  limit: number;
}

/** The actor's columns the index lists, read in the same query as the match. */
export interface ActorSearchRow {
  slug: string;
  name: string;
  kind: string;
  faction: string;
  summary: string;
  startDate: string | null;
  startPrecision: string | null;
  endDate: string | null;
  endPrecision: string | null;
  tieCount: number;
}

export interface ActorSearchHit {
  actorId: string;
  /** The name variant that matched best, as stored. */
  matched: string;
  rank: number;
  actor: ActorSearchRow;
}

export interface ActorSearchResult {
  hits: ActorSearchHit[];
  /** More actors match than the limit let through. */
  more: boolean;
}

/** Trigram indexes find nothing for a word under three characters; those words are checked by LIKE alone. */
const TRIGRAM = 3;

/**
 * Normalised text only holds letters, digits and single spaces (normaliseForSearch), so a query
 * never carries a LIKE wildcard or an FTS5 operator; nothing needs escaping.
 */
function rankSql(column: Prisma.Sql, query: string, words: readonly string[]): Prisma.Sql {
  // Literal ranks: bound parameters in a CASE would reach PostgreSQL untyped and come back as text.
  const rank = (r: number) => Prisma.raw(String(r));
  const startsWord = (w: string) => Prisma.sql`(${column} LIKE ${`${w}%`} OR ${column} LIKE ${`% ${w}%`})`;
  // A word of the name starting with the query can only happen for a one-word query.
  const prefix = words.length > 1 ? Prisma.sql`${column} LIKE ${`${query}%`}` : startsWord(query);
  const allWords = words.length > 1 ? Prisma.sql`WHEN ${Prisma.join(words.map(startsWord), ' AND ')} THEN ${rank(SEARCH_RANK.allWords)}` : Prisma.empty;
  return Prisma.sql`CASE
    WHEN ${column} = ${query} THEN ${rank(SEARCH_RANK.exact)}
    WHEN ${prefix} THEN ${rank(SEARCH_RANK.prefix)}
    ${allWords}
    WHEN ${column} LIKE ${`%${query}%`} THEN ${rank(SEARCH_RANK.substring)}
  END`;
}

/** Every word somewhere in the name: what the index can answer, a superset of what ranks. */
function containsEvery(column: Prisma.Sql, words: readonly string[]): Prisma.Sql {
  return Prisma.join(words.map((w) => Prisma.sql`${column} LIKE ${`%${w}%`}`), ' AND ');
}

/** Names that may match, as (actorId, name, isLabel, rank) rows. */
function candidates(kind: DatabaseKind, query: string, words: readonly string[]): Prisma.Sql {
  if (kind === 'postgresql') {
    // Two branches so each uses its own trigram index.
    return Prisma.sql`
      SELECT n."actorId" AS "actorId", n."name" AS "name", 0 AS "isLabel", ${rankSql(Prisma.sql`n."normalized"`, query, words)} AS "rank"
      FROM "ActorName" n WHERE ${containsEvery(Prisma.sql`n."normalized"`, words)}
      UNION ALL
      SELECT a."id", a."name", 1, ${rankSql(Prisma.sql`a."normalizedName"`, query, words)}
      FROM "Actor" a WHERE ${containsEvery(Prisma.sql`a."normalizedName"`, words)}`;
  }
  const column = Prisma.sql`n."normalized"`;
  const indexed = words.filter((w) => [...w].length >= TRIGRAM);
  // FTS5's trigram tokenizer reads a quoted word as a substring to find.
  const match = indexed.length ? Prisma.sql`AND s."ActorSearch" MATCH ${indexed.map((w) => `"${w}"`).join(' AND ')}` : Prisma.empty;
  const from = indexed.length ? Prisma.sql`"ActorSearch" s JOIN "ActorSearchName" n ON n."id" = s.rowid` : Prisma.sql`"ActorSearchName" n`;
  return Prisma.sql`
    SELECT n."actorId" AS "actorId", n."name" AS "name", CASE WHEN n."key" LIKE 'label:%' THEN 1 ELSE 0 END AS "isLabel", ${rankSql(column, query, words)} AS "rank"
    FROM ${from} WHERE ${containsEvery(column, words)} ${match}`;
}

/**
 * The query for the best `limit` live actors any of whose names match `text` (null: nothing to
 * find): exact names, then prefixes, then every typed word starting a word of one name, then
 * substrings; within a rank the actor with more ties first, then by name. Each row names the
 * variant that matched (the label before other names, as searchNodes picks it). One row past the
 * limit tells whether there were more. Exported for the benchmark's bare-driver anchor.
 */
export function searchActorsSql(kind: DatabaseKind, text: string, filters: ActorSearchFilters): Prisma.Sql | null {
  const { query, words } = searchTerms(text);
  if (!query || filters.limit <= 0) return null;
  // Code-point order on both databases, as compareText orders names in JavaScript.
  const codePoints = kind === 'postgresql' ? Prisma.sql`COLLATE "C"` : Prisma.empty;
  return Prisma.sql`
    SELECT b."actorId" AS "actorId", b."name" AS "matched", b."rank" AS "rank",
      a."slug", a."name", a."kind", a."faction", a."summary", a."startDate", a."startPrecision", a."endDate", a."endPrecision", a."tieCount"
    FROM (
      SELECT c."actorId", c."name", c."rank",
        ROW_NUMBER() OVER (PARTITION BY c."actorId" ORDER BY c."rank", c."isLabel" DESC, c."name" ${codePoints}) AS "pick"
      FROM (${candidates(kind, query, words)}) c
      WHERE c."rank" IS NOT NULL
    ) b
    JOIN "Actor" a ON a."id" = b."actorId"
    WHERE b."pick" = 1 AND a."deletedAt" IS NULL
      ${filters.kind ? Prisma.sql`AND a."kind" = ${filters.kind}` : Prisma.empty}
      ${filters.faction ? Prisma.sql`AND a."faction" = ${filters.faction}` : Prisma.empty}
    ORDER BY b."rank", a."tieCount" DESC, a."normalizedName" ${codePoints}, a."slug" ${codePoints}
    LIMIT ${filters.limit + 1}`;
}

export async function searchActors(db: Db | Tx, kind: DatabaseKind, text: string, filters: ActorSearchFilters): Promise<ActorSearchResult> {
  const sql = searchActorsSql(kind, text, filters);
  if (!sql) return { hits: [], more: false };
  const rows = await db.$queryRaw<(Omit<ActorSearchRow, 'tieCount'> & { actorId: string; matched: string; rank: number | bigint; tieCount: number | bigint })[]>(sql);
  return {
    hits: rows.slice(0, filters.limit).map(({ actorId, matched, rank, tieCount, ...actor }) => ({ actorId, matched, rank: Number(rank), actor: { ...actor, tieCount: Number(tieCount) } })),
    more: rows.length > filters.limit,
  };
}
