// Finding actors by any of their names through the database's name index: on SQLite the FTS5
// trigram index ActorSearch over ActorSearchName (every label and name variant, kept by triggers),
// on PostgreSQL trigram GIN indexes over ActorName.normalized and Actor.normalizedName (both
// created by the 20261201092751_search_index migrations). The ranks are lib/graph/search.ts's,
// stated in SQL so the database can order and cut the list; test/db/search.test.ts holds the two
// to the same answers. Generated transliterations are name variants like any other
// (lib/data/actors/actor-names.ts), so one index answers every script and scheme; a query that
// matches nothing as typed falls back to names one typo away.
import { Prisma, type Db, type Tx } from '../../db/client';
import type { DatabaseKind } from '../../db/config';
import { compareText } from '../../graph/adjacency';
import { SEARCH_RANK, nearMissAcross, nearMissTrigrams, searchAlternatives, type SearchTerm } from '../../graph/search';

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
function candidates(kind: DatabaseKind, query: string, words: readonly string[], alt: 0 | 1): Prisma.Sql {
  const viaTransliteration = Prisma.raw(String(alt));
  if (kind === 'postgresql') {
    // Two branches so each uses its own trigram index.
    return Prisma.sql`
      SELECT n."actorId" AS "actorId", n."name" AS "name", 0 AS "isLabel", ${rankSql(Prisma.sql`n."normalized"`, query, words)} AS "rank", ${viaTransliteration} AS "alt"
      FROM "ActorName" n WHERE ${containsEvery(Prisma.sql`n."normalized"`, words)}
      UNION ALL
      SELECT a."id", a."name", 1, ${rankSql(Prisma.sql`a."normalizedName"`, query, words)}, ${viaTransliteration}
      FROM "Actor" a WHERE ${containsEvery(Prisma.sql`a."normalizedName"`, words)}`;
  }
  const column = Prisma.sql`n."normalized"`;
  const indexed = words.filter((w) => [...w].length >= TRIGRAM);
  // FTS5's trigram tokenizer reads a quoted word as a substring to find.
  const match = indexed.length ? Prisma.sql`AND s."ActorSearch" MATCH ${indexed.map((w) => `"${w}"`).join(' AND ')}` : Prisma.empty;
  const from = indexed.length ? Prisma.sql`"ActorSearch" s JOIN "ActorSearchName" n ON n."id" = s.rowid` : Prisma.sql`"ActorSearchName" n`;
  return Prisma.sql`
    SELECT n."actorId" AS "actorId", n."name" AS "name", CASE WHEN n."key" LIKE 'label:%' THEN 1 ELSE 0 END AS "isLabel", ${rankSql(column, query, words)} AS "rank", ${viaTransliteration} AS "alt"
    FROM ${from} WHERE ${containsEvery(column, words)} ${match}`;
}

/**
 * The query for the best `limit` live actors any of whose names match `text` (null: nothing to
 * find): exact names, then prefixes, then every typed word starting a word of one name, then
 * substrings; within a rank the actor with more ties first, then by name. An actor's rank is its
 * best over the text and its transliterations; each row names the variant shown for it as
 * bestMatch picks it (a match of the text as typed before a transliteration's, the label before other names). One row past the
 * limit tells whether there were more. Exported for the benchmark's bare-driver anchor.
 */
export function searchActorsSql(kind: DatabaseKind, text: string, filters: ActorSearchFilters): Prisma.Sql | null {
  const terms = searchAlternatives(text);
  if (!terms.length || filters.limit <= 0) return null;
  // A Cyrillic query is also looked up as its transliterations (searchAlternatives); the best rank wins.
  const all = Prisma.join(terms.map((t, i) => candidates(kind, t.query, t.words, i > 0 ? 1 : 0)), ' UNION ALL ');
  // Code-point order on both databases, as compareText orders names in JavaScript.
  const codePoints = kind === 'postgresql' ? Prisma.sql`COLLATE "C"` : Prisma.empty;
  return Prisma.sql`
    SELECT b."actorId" AS "actorId", b."name" AS "matched", b."best" AS "rank",
      a."slug", a."name", a."kind", a."faction", a."summary", a."startDate", a."startPrecision", a."endDate", a."endPrecision", a."tieCount"
    FROM (
      SELECT c."actorId", c."name", MIN(c."rank") OVER (PARTITION BY c."actorId") AS "best",
        ROW_NUMBER() OVER (PARTITION BY c."actorId" ORDER BY c."alt", c."rank", c."isLabel" DESC, c."name" ${codePoints}) AS "pick"
      FROM (${all}) c
      WHERE c."rank" IS NOT NULL
    ) b
    JOIN "Actor" a ON a."id" = b."actorId"
    WHERE b."pick" = 1 AND a."deletedAt" IS NULL
      ${filters.kind ? Prisma.sql`AND a."kind" = ${filters.kind}` : Prisma.empty}
      ${filters.faction ? Prisma.sql`AND a."faction" = ${filters.faction}` : Prisma.empty}
    ORDER BY b."best", a."tieCount" DESC, a."normalizedName" ${codePoints}, a."slug" ${codePoints}
    LIMIT ${filters.limit + 1}`;
}

/**
 * How many names sharing a three-letter piece with the typed words a near-miss search reads,
 * best first by the index's own score (bm25 on SQLite, trigram similarity on PostgreSQL): a typo
 * is looked for among the names most like what was typed, not across every name with "ova" in it.
 */
export const NEAR_MISS_CANDIDATES = 500;

type CandidateRow = Omit<ActorSearchRow, 'tieCount'> & { actorId: string; matchedName: string; normalized: string; isLabel: number | bigint; tieCount: number | bigint; normalizedName: string };

/** Names sharing a trigram with the typed words (the candidates a near miss is chosen from), with their live actor's columns. */
function nearMissCandidatesSql(kind: DatabaseKind, query: string, trigrams: readonly string[], filters: ActorSearchFilters): Prisma.Sql {
  const actorColumns = Prisma.sql`a."slug", a."name", a."kind", a."faction", a."summary", a."startDate", a."startPrecision", a."endDate", a."endPrecision", a."tieCount", a."normalizedName"`;
  const live = Prisma.sql`a."deletedAt" IS NULL
    ${filters.kind ? Prisma.sql`AND a."kind" = ${filters.kind}` : Prisma.empty}
    ${filters.faction ? Prisma.sql`AND a."faction" = ${filters.faction}` : Prisma.empty}`;
  if (kind === 'postgresql') {
    const anyOf = (column: Prisma.Sql) => Prisma.join(trigrams.map((t) => Prisma.sql`${column} LIKE ${`%${t}%`}`), ' OR ');
    return Prisma.sql`
      SELECT c."actorId", c."matchedName", c."normalized", c."isLabel", ${actorColumns}
      FROM (
        SELECT n."actorId" AS "actorId", n."name" AS "matchedName", n."normalized" AS "normalized", 0 AS "isLabel", similarity(n."normalized", ${query}) AS "score"
        FROM "ActorName" n WHERE ${anyOf(Prisma.sql`n."normalized"`)}
        UNION ALL
        SELECT a."id", a."name", a."normalizedName", 1, similarity(a."normalizedName", ${query})
        FROM "Actor" a WHERE ${anyOf(Prisma.sql`a."normalizedName"`)}
      ) c JOIN "Actor" a ON a."id" = c."actorId"
      WHERE ${live}
      ORDER BY c."score" DESC, c."actorId", c."matchedName" COLLATE "C"
      LIMIT ${NEAR_MISS_CANDIDATES}`;
  }
  return Prisma.sql`
    SELECT n."actorId" AS "actorId", n."name" AS "matchedName", n."normalized" AS "normalized", CASE WHEN n."key" LIKE 'label:%' THEN 1 ELSE 0 END AS "isLabel", ${actorColumns}
    FROM (SELECT rowid AS "id" FROM "ActorSearch" WHERE "ActorSearch" MATCH ${trigrams.map((t) => `"${t}"`).join(' OR ')} ORDER BY rank LIMIT ${NEAR_MISS_CANDIDATES}) m
    JOIN "ActorSearchName" n ON n."id" = m."id"
    JOIN "Actor" a ON a."id" = n."actorId"
    WHERE ${live}`;
}

/**
 * For a query no name matches as typed: the names one typo away (rankNearMiss, the pure rule),
 * chosen among the index's closest candidates and ordered as every search is (tie count, name).
 */
async function searchNearMisses(db: Db | Tx, kind: DatabaseKind, text: string, filters: ActorSearchFilters): Promise<ActorSearchResult> {
  const terms: SearchTerm[] = searchAlternatives(text);
  const trigrams = nearMissTrigrams(terms.flatMap((t) => t.words));
  if (!trigrams.length || filters.limit <= 0) return { hits: [], more: false };
  const rows = await db.$queryRaw<CandidateRow[]>(nearMissCandidatesSql(kind, terms.map((t) => t.query).join(' '), trigrams, filters));
  const best = new Map<string, CandidateRow & { typed: boolean }>();
  // As bestMatch picks the variant it shows: a near miss of the text as typed first, then the label, then by name.
  const order = (r: CandidateRow & { typed: boolean }) => [r.typed ? 0 : 1, 1 - Number(r.isLabel)] as const;
  for (const row of rows) {
    const m = nearMissAcross(row.normalized, terms);
    if (m.typed === null && m.transliterated === null) continue;
    const candidate = { ...row, typed: m.typed !== null };
    const held = best.get(row.actorId);
    const [a, b] = [order(candidate), held ? order(held) : null];
    if (!held || !b || a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && compareText(row.matchedName, held.matchedName) < 0)))) best.set(row.actorId, candidate);
  }
  const ordered = [...best.values()].sort(
    (a, b) => Number(b.tieCount) - Number(a.tieCount) || compareText(a.normalizedName, b.normalizedName) || compareText(a.slug, b.slug),
  );
  return {
    hits: ordered.slice(0, filters.limit).map(({ actorId, matchedName, normalized: _n, isLabel: _l, normalizedName: _nn, typed: _t, tieCount, ...actor }) => ({
      actorId,
      matched: matchedName,
      rank: SEARCH_RANK.nearMiss,
      actor: { ...actor, tieCount: Number(tieCount) },
    })),
    more: ordered.length > filters.limit,
  };
}

/** The strict search through the index; when it finds nothing, the near misses (one typo). */
export async function searchActors(db: Db | Tx, kind: DatabaseKind, text: string, filters: ActorSearchFilters): Promise<ActorSearchResult> {
  const sql = searchActorsSql(kind, text, filters);
  if (!sql) return { hits: [], more: false };
  const rows = await db.$queryRaw<(Omit<ActorSearchRow, 'tieCount'> & { actorId: string; matched: string; rank: number | bigint; tieCount: number | bigint })[]>(sql);
  if (!rows.length) return searchNearMisses(db, kind, text, filters);
  return {
    hits: rows.slice(0, filters.limit).map(({ actorId, matched, rank, tieCount, ...actor }) => ({ actorId, matched, rank: Number(rank), actor: { ...actor, tieCount: Number(tieCount) } })),
    more: rows.length > filters.limit,
  };
}
