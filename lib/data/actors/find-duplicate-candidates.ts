// Pairs of actors that may be one actor written twice (GET /api/duplicates, /duplicates). Two steps,
// so nothing compares all pairs: the database blocks the pairs worth a look (one SQL statement:
// actors sharing a name key, a label or any stored variant including the generated
// transliterations; actors sharing two rare words; an acronym of one that is a name of the
// other), then lib/graph/duplicate-candidates.ts scores only those, reading the blocked actors'
// names, ties and dates. Analysts' judgements (merge-judgements.ts) are applied to what is listed.
import { getConnection, Prisma, type Db } from '../../db/client';
import { sqlDialect } from '../../db/sql';
import type { DatabaseKind } from '../../db/config';
import type { PartialDate } from '../../domain/dates';
import type { DuplicateCandidateDto, DuplicatesPage } from '../../domain/duplicate-responses';
import type { ActorKind, DatePrecision, Faction } from '../../domain/vocabulary';
import { scorePair, STOPWORDS, type CandidateActor, type CandidateTie } from '../../graph/duplicate-candidates';
import { indexJudgements, pairKey } from '../../graph/duplicate-judgements';
import { findDuplicatesSchema } from '../../validation/duplicates';
import { notFound, parseInput } from '../errors';
import { requireRole, type Principal } from '../principal';
import { actorsTouchedByImport } from '../import/touched-actors';
import { readJudgements } from './merge-judgements';

/** A key (a name, a word) shared by more actors than this names nobody in particular: it blocks no pair. */
export const BLOCK_LIMIT = 25;
/** Pairs the blocking hands to the scorer at most: bounds the work and memory of one request. */
export const MAX_BLOCKED_PAIRS = 20_000;
/** The same bound for an import's actors, where a 20,000-actor file pairs with many more. */
export const MAX_INCOMING_PAIRS = 100_000;
/** Ids per statement when reading the blocked actors. */
const CHUNK = 500;

const stopList = Prisma.join(STOPWORDS);

/** The actors at the other end of an actor's live ties, each direction through its own index. */
const neighbours = (actor: Prisma.Sql) => Prisma.sql`
  SELECT "targetId" AS o FROM "Tie" WHERE "sourceId" = ${actor} AND "deletedAt" IS NULL
  UNION ALL SELECT "sourceId" AS o FROM "Tie" WHERE "targetId" = ${actor} AND "deletedAt" IS NULL`;

/** Which pairs the blocking hands on. */
export interface BlockingScope {
  /** Only pairs with one of these stored actors: a parenthesised list or subquery of actor ids. */
  only?: Prisma.Sql;
  /**
   * Actors not stored yet (an import's), as [id, normalised name] pairs, blocked beside the stored
   * ones by the same keys: only pairs of one of them and a stored actor come out, without the
   * neighbour and date filter (the stored ties cannot know the document's; the scorer reads both).
   */
  incoming?: readonly (readonly [string, string])[];
}

/** The prefix of incoming ids: a record id never holds a colon. */
export const INCOMING_PREFIX = 'import:';

function incomingKeys(kind: DatabaseKind, incoming: readonly (readonly [string, string])[]): Prisma.Sql {
  const json = JSON.stringify(incoming);
  return kind === 'postgresql'
    ? Prisma.sql`SELECT e->>0 AS aid, e->>1 AS k FROM json_array_elements(CAST(${json} AS json)) e`
    : Prisma.sql`SELECT json_extract(value, '$[0]') AS aid, json_extract(value, '$[1]') AS k FROM json_each(${json})`;
}

/**
 * The blocked pairs, the smaller id first. Words are split with a recursive CTE that also builds
 * each name's initials, so acronyms block in SQL too; both databases run the same statement but
 * for the function that finds a character. Only pairs that share a neighbour or a birth or
 * founding year come out: the rest could never be candidates, and the scorer need not read them.
 * With `incoming`, the same keys pair an import's actors with stored ones (BlockingScope).
 */
export function blockedPairsSql(kind: DatabaseKind, scope: BlockingScope = {}): Prisma.Sql {
  const find = kind === 'postgresql' ? Prisma.raw('strpos') : Prisma.raw('instr');
  const word = Prisma.sql`substr(rest, 1, ${find}(rest, ' ') - 1)`;
  const onlyWhere = scope.only ? Prisma.sql`(p.a IN ${scope.only} OR p.b IN ${scope.only}) AND` : Prisma.empty;
  const incoming = scope.incoming?.length ? scope.incoming : null;
  const incomingPattern = `${INCOMING_PREFIX}%`;
  // With incoming actors, a pair joins one of them (x) to a stored actor (y): no stored pair is built.
  const across = (x: string, y: string) =>
    incoming ? Prisma.sql`${Prisma.raw(x)}.aid LIKE ${incomingPattern} AND ${Prisma.raw(y)}.aid NOT LIKE ${incomingPattern}` : Prisma.sql`${Prisma.raw(x)}.aid < ${Prisma.raw(y)}.aid`;
  const storedKeys = Prisma.sql`
      SELECT a."id" AS aid, a."normalizedName" AS k FROM "Actor" a WHERE a."deletedAt" IS NULL AND a."normalizedName" <> ''
      UNION
      SELECT n."actorId" AS aid, n."normalized" AS k FROM "ActorName" n JOIN "Actor" a ON a."id" = n."actorId"
      WHERE a."deletedAt" IS NULL AND n."normalized" <> ''`;
  const pairs = incoming
    ? Prisma.sql`
      SELECT x.aid AS a, y.aid AS b FROM keys x JOIN shared_keys s ON s.k = x.k JOIN keys y ON y.k = x.k AND ${across('x', 'y')}
      UNION
      SELECT x.aid AS a, y.aid AS b FROM tokens x JOIN rare r ON r.w = x.w JOIN tokens y ON y.w = x.w AND ${across('x', 'y')}
      GROUP BY x.aid, y.aid HAVING COUNT(*) >= 2
      UNION
      SELECT x.aid AS a, y.aid AS b FROM acronyms x JOIN keys y ON y.k = x.acr AND ${across('x', 'y')}
      UNION
      SELECT y.aid AS a, x.aid AS b FROM acronyms x JOIN keys y ON y.k = x.acr AND ${across('y', 'x')}`
    : Prisma.sql`
      SELECT x.aid AS a, y.aid AS b FROM keys x JOIN shared_keys s ON s.k = x.k JOIN keys y ON y.k = x.k AND x.aid < y.aid
      UNION
      SELECT x.aid AS a, y.aid AS b FROM tokens x JOIN rare r ON r.w = x.w JOIN tokens y ON y.w = x.w AND x.aid < y.aid
      GROUP BY x.aid, y.aid HAVING COUNT(*) >= 2
      UNION
      SELECT CASE WHEN x.aid < y.aid THEN x.aid ELSE y.aid END AS a, CASE WHEN x.aid < y.aid THEN y.aid ELSE x.aid END AS b
      FROM acronyms x JOIN keys y ON y.k = x.acr AND y.aid <> x.aid`;
  const select = incoming
    ? // Cast: the adapter reads an untyped column of a CTE as bytes on SQLite.
      Prisma.sql`SELECT CAST(p.a AS TEXT) AS a, CAST(p.b AS TEXT) AS b FROM pairs p`
    : Prisma.sql`
    SELECT p.a AS a, p.b AS b FROM pairs p
    JOIN "Actor" pa ON pa."id" = p.a JOIN "Actor" pb ON pb."id" = p.b
    WHERE ${onlyWhere}
      -- A name is never enough (scorePair says the same): only pairs with something else in common go on.
      ((pa."startDate" IS NOT NULL AND pb."startDate" IS NOT NULL AND substr(pa."startDate", 1, 4) = substr(pb."startDate", 1, 4))
       OR EXISTS (
         SELECT 1 FROM (${neighbours(Prisma.sql`p.a`)}) x JOIN (${neighbours(Prisma.sql`p.b`)}) y ON y.o = x.o
         WHERE x.o <> p.b AND y.o <> p.a))`;
  return Prisma.sql`
    WITH RECURSIVE
    keys AS (${storedKeys}${incoming ? Prisma.sql` UNION ${incomingKeys(kind, incoming)}` : Prisma.empty}),
    shared_keys AS (SELECT k FROM keys GROUP BY k HAVING COUNT(*) BETWEEN 2 AND ${BLOCK_LIMIT}),
    words(aid, acr, n, w, rest) AS (
      SELECT aid, CAST('' AS TEXT), 0, CAST('' AS TEXT), k || ' ' FROM keys
      UNION ALL
      SELECT aid,
        acr || CASE WHEN ${word} IN (${stopList}) THEN '' ELSE substr(rest, 1, 1) END,
        n + CASE WHEN ${word} IN (${stopList}) THEN 0 ELSE 1 END,
        ${word},
        substr(rest, ${find}(rest, ' ') + 1)
      FROM words WHERE rest <> ''
    ),
    tokens AS (SELECT DISTINCT aid, w FROM words WHERE length(w) >= 3 AND w NOT IN (${stopList})),
    rare AS (SELECT w FROM tokens GROUP BY w HAVING COUNT(*) BETWEEN 2 AND ${BLOCK_LIMIT}),
    acronyms AS (SELECT DISTINCT aid, acr FROM words WHERE rest = '' AND n >= 3),
    pairs AS (${pairs})
    ${select}
    LIMIT ${incoming ? MAX_INCOMING_PAIRS : MAX_BLOCKED_PAIRS}`;
}

interface ActorRow {
  id: string;
  slug: string;
  name: string;
  kind: string;
  faction: string;
  startDate: string | null;
  startPrecision: string | null;
}

interface TieRow {
  sourceId: string;
  targetId: string;
  type: string;
  startDate: string | null;
  startPrecision: string | null;
  sourceName: string;
  targetName: string;
}

/** Live ties between live actors touching any of these actors, with both ends' names: one statement, each side through its index. */
function tiesOf(ids: readonly string[]): Prisma.Sql {
  const list = Prisma.join(ids);
  const select = Prisma.sql`SELECT t."sourceId", t."targetId", t."type", t."startDate", t."startPrecision", s."name" AS "sourceName", g."name" AS "targetName"
    FROM "Tie" t JOIN "Actor" s ON s."id" = t."sourceId" JOIN "Actor" g ON g."id" = t."targetId"
    WHERE t."deletedAt" IS NULL AND s."deletedAt" IS NULL AND g."deletedAt" IS NULL`;
  // UNION, not UNION ALL: a tie between two of the chunk's actors comes once.
  return Prisma.sql`${select} AND t."sourceId" IN (${list}) UNION ${select} AND t."targetId" IN (${list})`;
}

const dateOf = (date: string | null, precision: string | null): PartialDate | null => (date && precision ? { date, precision: precision as DatePrecision } : null);

/** The scorer's view of the given actors: labels, dates, every name variant and every live tie to a live actor. */
export async function loadCandidateActors(db: Db, ids: readonly string[]): Promise<Map<string, CandidateActor & { faction: string }>> {
  const actors = new Map<string, CandidateActor & { faction: string }>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const [rows, names, ties] = await Promise.all([
      db.actor.findMany({ where: { id: { in: chunk }, deletedAt: null }, select: { id: true, slug: true, name: true, kind: true, faction: true, startDate: true, startPrecision: true } }),
      db.actorName.findMany({ where: { actorId: { in: chunk } }, select: { actorId: true, name: true, normalized: true, scheme: true } }),
      db.$queryRaw<TieRow[]>(tiesOf(chunk)),
    ]);
    for (const r of rows as ActorRow[]) {
      actors.set(r.id, { id: r.id, slug: r.slug, name: r.name, kind: r.kind, faction: r.faction, start: dateOf(r.startDate, r.startPrecision), names: [], ties: [] });
    }
    for (const n of names) (actors.get(n.actorId)?.names as CandidateActor['names'][number][] | undefined)?.push(n);
    for (const t of ties) {
      const start = dateOf(t.startDate, t.startPrecision);
      const out: CandidateTie = { otherId: t.targetId, otherName: t.targetName, type: t.type, outgoing: true, start };
      const back: CandidateTie = { otherId: t.sourceId, otherName: t.sourceName, type: t.type, outgoing: false, start };
      (actors.get(t.sourceId)?.ties as CandidateTie[] | undefined)?.push(out);
      (actors.get(t.targetId)?.ties as CandidateTie[] | undefined)?.push(back);
    }
  }
  return actors;
}

const refOf = (a: { slug: string; name: string; kind: string; faction: string }) => ({ slug: a.slug, name: a.name, kind: a.kind as ActorKind, faction: a.faction as Faction });

/** The candidates, best first, with why each was suggested and what analysts said of it. Analysts. */
export async function findDuplicateCandidates(principal: Principal, input: unknown): Promise<DuplicatesPage> {
  requireRole(principal, 'analyst');
  const query = parseInput(findDuplicatesSchema, input, 'Duplicates query');
  const { kind, db } = await getConnection();
  // Pairs only with these actors (one actor, or those an import touched), when asked.
  let only: Set<string> | null = null;
  let onlySql: Prisma.Sql | undefined;
  if (query.actor) {
    const actor = await db.actor.findFirst({ where: { slug: query.actor, deletedAt: null }, select: { id: true } });
    if (!actor) throw notFound(`Actor "${query.actor}"`);
    only = new Set([actor.id]);
    onlySql = Prisma.sql`(${actor.id})`;
  }
  if (query.import) {
    const touched = await actorsTouchedByImport(db, new Date(query.import));
    only = only ? new Set([...only].filter((id) => touched.has(id))) : touched;
    onlySql = sqlDialect(kind).textList([...only]);
  }
  const concerns = (a: string, b: string) => !only || only.has(a) || only.has(b);
  const blocked = only && !only.size ? [] : await db.$queryRaw<{ a: string; b: string }[]>(blockedPairsSql(kind, { only: onlySql }));
  const judgements = await readJudgements(db);
  const index = indexJudgements(judgements.rows);
  // Pairs the judgements make the same though nobody judged them: suggested for confirmation.
  const inferred = index.inferredSame().filter(([a, b]) => concerns(a, b));
  const pairs = new Map<string, [string, string]>();
  for (const p of blocked) pairs.set(pairKey(p.a, p.b), [p.a, p.b]);
  for (const [a, b] of inferred) pairs.set(pairKey(a, b), [a, b]);
  // Judged pairs are shown to the next analyst whatever their evidence now.
  for (const j of judgements.rows) if (concerns(j.actorAId, j.actorBId)) pairs.set(pairKey(j.actorAId, j.actorBId), [j.actorAId, j.actorBId]);
  const ids = [...new Set([...pairs.values()].flat())];
  const actors = await loadCandidateActors(db, ids);
  const listed: { dto: Omit<DuplicateCandidateDto, 'inferred'>; inferred: { verdict: 'same' | 'different'; via: string[] } | null }[] = [];
  for (const [key, [aId, bId]] of pairs) {
    const a = actors.get(aId);
    const b = actors.get(bId);
    if (!a || !b) continue;
    const verdict = index.verdictOf(aId, bId);
    if (verdict?.verdict === 'different' && query.judged === 'hide') continue;
    const scored = scorePair(a, b);
    const judgement = judgements.byPair.get(key) ?? null;
    if (!scored.candidate && !judgement && !(verdict && !verdict.direct)) continue;
    listed.push({
      dto: { a: refOf(a), b: refOf(b), score: scored.score, reasons: scored.reasons, judgement },
      inferred: verdict && !verdict.direct ? { verdict: verdict.verdict, via: verdict.via } : null,
    });
  }
  // The actors inferences went through, read once for every listed pair.
  const viaIds = [...new Set(listed.flatMap((l) => l.inferred?.via ?? []))];
  const via = viaIds.length ? await db.actor.findMany({ where: { id: { in: viaIds } }, select: { slug: true, name: true, kind: true, faction: true, id: true } }) : [];
  const viaRef = new Map(via.map((v) => [v.id, refOf(v)]));
  const candidates: DuplicateCandidateDto[] = listed
    .map(({ dto, inferred }) => ({
      ...dto,
      inferred: inferred ? { verdict: inferred.verdict, via: inferred.via.flatMap((id) => viaRef.get(id) ?? []) } : null,
    }))
    .sort((x, y) => y.score - x.score || x.a.name.localeCompare(y.a.name) || x.b.name.localeCompare(y.b.name));
  return { candidates: candidates.slice(0, query.limit), total: candidates.length, blockedPairs: blocked.length };
}
