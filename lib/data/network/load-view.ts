// A view of the network cut by the database: the date slice, the filters and the focus's
// neighbourhood run as SQL, so a view costs what it shows, not what the network holds.
//
// Stable API (GET /api/graph, the profile's mini-map and the map's client use it):
//   loadView(principal, query: GraphQuery, options?: LoadViewOptions): Promise<LoadedView>
//     LoadedView = GraphView (the shape buildView returns) & { hidden: { nodeId, count }[] }
//     options.today   — the day an absent query.asOf means (default: today, UTC)
//     options.hubLimit — ties an actor may have in a neighbourhood before it is capped (default
//                        HUB_TIE_LIMIT; Infinity turns the cap off)
//     options.expand  — slugs of capped actors whose every tie to follow ("+N more" opened)
//   It means exactly what the pure functions define, and test/db/load-view.test.ts holds it to
//   them: without a focus, loadView(q) = buildView(loadGraph(), q); with one,
//   loadView(q) = capHubs(buildView(loadGraph(), q), { focus, hops, limit, expand }).
//   Nodes come in code-point order of slug, edges of tie id; `hidden` by node id.
//   The SQL pieces of a cut (Cut, actorInView, tieInView, tieJoins, readNodes, readEdges) are
//   exported for the map's overview (load-overview.ts), so both read one definition of a view.
//
// How: a whole-network view is one query for actors, one for their names, one for ties. A
// neighbourhood is walked from the focus one hop per query (at most MAX_HOPS): each query returns
// the ties of the current ring, each ring actor's strongest first with its tie count (window
// functions), so a hub contributes `hubLimit` ties and a count rather than thousands of rows.
// Then the reached actors and every tie among them are read. Lists of ids travel as one JSON
// parameter (see lib/db/sql.ts), so no neighbourhood runs into a bound-parameter limit.
import { getConnection, type Db } from '../../db/client';
import { empty, join, parseJsonTextArray, sql, sqlDialect, type Sql, type SqlDialect } from '../../db/sql';
import { compareText } from '../../graph/adjacency';
import { HUB_TIE_LIMIT, UNGRADED, type HiddenTies } from '../../graph/cap-hubs';
import type { GraphQuery, GraphView, ViewEdge, ViewNode } from '../../graph/types';
import type { Principal } from '../principal';
import { requireReader } from '../read-access';
import { toGraphEdge, toGraphNode } from '../read-models';
import { knownGradeRank, regradeByKnowledge, tieKnownBy } from './known-claims';
import { todayIso } from '../../domain/dates';
import { gradeRank } from '../../domain/grade';

export interface LoadViewOptions {
  today?: string;
  hubLimit?: number;
  expand?: readonly string[];
}

export interface LoadedView extends GraphView {
  hidden: HiddenTies[];
}

export interface Cut {
  asOf: string;
  query: GraphQuery;
  dialect: SqlDialect;
}

/** Raw rows: integers may arrive as bigint (PostgreSQL's COUNT, ROW_NUMBER) and booleans as 0/1 (SQLite). */
const int = (value: unknown): number => Number(value);
const bool = (value: unknown): boolean => value === true || value === 1 || value === 1n;

/** An actor that exists on the view's date (sliceAt drops the not-yet-born). */
function actorLive(a: Sql, asOf: string): Sql {
  return sql`${a}."deletedAt" IS NULL AND ${actorBorn(a, asOf)}`;
}

function actorBorn(a: Sql, asOf: string): Sql {
  return sql`(${a}."startDate" IS NULL OR ${a}."startPrecision" IS NULL OR ${a}."startDate" <= ${asOf})`;
}

/** Kinds and factions choose actors; the focus survives them (filterView's keepNodeIds). */
function actorChosen(a: Sql, cut: Cut): Sql {
  const { kinds, factions } = cut.query;
  const conditions: Sql[] = [];
  if (kinds?.length) conditions.push(sql`${a}."kind" IN (${join(kinds)})`);
  if (factions?.length) conditions.push(sql`${a}."faction" IN (${join(factions)})`);
  if (conditions.length === 0) return sql`1 = 1`;
  const chosen = join(conditions, ' AND ');
  return cut.query.focus ? sql`(${a}."slug" = ${cut.query.focus} OR (${chosen}))` : sql`(${chosen})`;
}

export function actorInView(a: Sql, cut: Cut): Sql {
  return sql`${actorLive(a, cut.asOf)} AND ${actorChosen(a, cut)}`;
}

const ended = (column: Sql, asOf: string) => sql`(${column} IS NOT NULL AND ${column} < ${asOf})`;

/** Past as sliceAt reads it: the tie ended, or either actor died or was dissolved. */
function tiePast(cut: Cut): Sql {
  return sql`(${ended(sql`t."endDay"`, cut.asOf)} OR ${ended(sql`s."endDay"`, cut.asOf)} OR ${ended(sql`g."endDay"`, cut.asOf)})`;
}

/** A tie of the sliced, filtered view, with `t` the tie and `s`, `g` its source and target actors. */
export function tieInView(cut: Cut): Sql {
  return sql`${tieChosen(cut)} AND ${tieOnDate(cut)}`;
}

/** The part of tieInView the date leaves alone: live records, the filters, the knowledge date. */
export function tieChosen(cut: Cut): Sql {
  const { types, minGrade, known } = cut.query;
  const rank = minGrade === undefined ? null : gradeRank(minGrade);
  // With a knowledge date the stored grade is today's: the grade filter reads the known claims instead.
  const gradeFilter = rank === null ? empty : known ? sql`AND ${knownGradeRank(known)} <= ${rank}` : sql`AND t."gradeRank" IS NOT NULL AND t."gradeRank" <= ${rank}`;
  return sql`t."deletedAt" IS NULL
    AND s."deletedAt" IS NULL AND ${actorChosen(sql`s`, cut)} AND g."deletedAt" IS NULL AND ${actorChosen(sql`g`, cut)}
    ${types?.length ? sql`AND t."type" IN (${join(types)})` : empty}
    ${gradeFilter}
    ${known ? sql`AND ${tieKnownBy(known)}` : empty}`;
}

/** The part of tieInView the date decides: begun by then, both ends there, and unless ended ties show, not past. */
export function tieOnDate(cut: Cut): Sql {
  return sql`(t."startDate" IS NULL OR t."startPrecision" IS NULL OR t."startDate" <= ${cut.asOf})
    AND ${actorBorn(sql`s`, cut.asOf)} AND ${actorBorn(sql`g`, cut.asOf)}
    ${cut.query.showEnded ? empty : sql`AND NOT ${tiePast(cut)}`}`;
}

export const tieJoins = sql`FROM "Tie" t JOIN "Actor" s ON s."id" = t."sourceId" JOIN "Actor" g ON g."id" = t."targetId"`;

export async function loadView(principal: Principal, query: GraphQuery, options: LoadViewOptions = {}): Promise<LoadedView> {
  requireReader(principal);
  const { kind, db } = await getConnection();
  const asOf = query.asOf ?? options.today ?? todayIso();
  const cut: Cut = { asOf, query, dialect: sqlDialect(kind) };
  if (!query.focus) {
    const scope = actorInView(sql`a`, cut);
    const [rows, edges] = await Promise.all([readNodes(db, cut, scope), readEdges(db, cut, empty, principal)]);
    return { asOf, nodes: rows.map((row) => row.node), edges, hidden: [] };
  }

  // The focus is found by the first ring's query itself (one round trip less); only a focus
  // without a single tie in the view needs a look of its own.
  const focusQuery = sql`SELECT f."id" FROM "Actor" f WHERE f."slug" = ${query.focus} AND ${actorLive(sql`f`, asOf)}`;
  const limit = options.hubLimit ?? HUB_TIE_LIMIT;
  const expandSql = options.expand?.length ? sql`(SELECT x."id" FROM "Actor" x WHERE x."slug" IN ${cut.dialect.textList(options.expand)})` : null;

  const distance = new Map<string, number>();
  const degree = new Map<string, number>();
  const expand = new Set<string>();
  let ring: string[] | null = null;
  for (let hop = 1; hop <= query.hops && (ring === null || ring.length > 0); hop++) {
    const next: string[] = [];
    const steps = await walkRing(db, cut, ring === null ? sql`(${focusQuery})` : cut.dialect.textList(ring), limit, expandSql);
    if (ring === null) {
      const focusId = steps[0]?.fromId ?? (await db.$queryRaw<{ id: string }[]>(focusQuery))[0]?.id;
      if (!focusId) return { asOf, nodes: [], edges: [], hidden: [] };
      distance.set(focusId, 0);
    }
    for (const step of steps) {
      degree.set(step.fromId, step.degree);
      if (step.expanded) expand.add(step.fromId);
      if (distance.has(step.toId)) continue;
      distance.set(step.toId, hop);
      next.push(step.toId);
    }
    ring = next;
  }

  const reached = cut.dialect.textList([...distance.keys()]);
  const [rows, edges] = await Promise.all([
    readNodes(db, cut, sql`a."id" IN ${reached}`),
    readEdges(db, cut, sql`AND t."sourceId" IN ${reached} AND t."targetId" IN ${reached}`, principal),
  ]);
  const idOfNode = new Map(rows.map((row) => [row.node.id, row.actorId]));
  const shown = new Map<string, number>();
  for (const edge of edges) {
    for (const end of edge.source === edge.target ? [edge.source] : [edge.source, edge.target]) {
      const actorId = idOfNode.get(end)!;
      shown.set(actorId, (shown.get(actorId) ?? 0) + 1);
    }
  }
  const hidden: HiddenTies[] = [];
  for (const row of rows) {
    const hop = distance.get(row.actorId)!;
    const ties = degree.get(row.actorId) ?? 0;
    if (hop >= query.hops || expand.has(row.actorId) || ties <= limit) continue;
    const count = ties - (shown.get(row.actorId) ?? 0);
    if (count > 0) hidden.push({ nodeId: row.node.id, count });
  }
  hidden.sort((a, b) => compareText(a.nodeId, b.nodeId));
  return { asOf, nodes: rows.map((row) => row.node), edges, hidden };
}

interface Step {
  fromId: string;
  toId: string;
  degree: number;
  expanded: boolean;
}

/**
 * The ties of one ring, seen from each ring actor: its `limit` strongest (compareTieStrength's
 * order: strength, grade, tie id) or all of them when expanded, each with the actor's tie count.
 */
async function walkRing(db: Db, cut: Cut, ids: Sql, limit: number, expand: Sql | null): Promise<Step[]> {
  const incident = sql`
    SELECT t."sourceId" AS "fromId", t."targetId" AS "toId", t."id", t."strength", t."gradeRank" ${tieJoins}
    WHERE t."sourceId" IN ${ids} AND ${tieInView(cut)}
    UNION ALL
    SELECT t."targetId" AS "fromId", t."sourceId" AS "toId", t."id", t."strength", t."gradeRank" ${tieJoins}
    WHERE t."targetId" IN ${ids} AND t."sourceId" <> t."targetId" AND ${tieInView(cut)}`;
  const capped = Number.isFinite(limit);
  const order = sql`e."strength" DESC, COALESCE(e."gradeRank", ${UNGRADED}), ${cut.dialect.codePointOrder(sql`e."id"`)}`;
  const rows = await db.$queryRaw<{ fromId: string; toId: string; degree: unknown; expanded: unknown }[]>(sql`
    SELECT r."fromId", r."toId", r."degree", ${expand ? sql`CASE WHEN r."fromId" IN ${expand} THEN 1 ELSE 0 END` : sql`0`} AS "expanded" FROM (
      SELECT e."fromId", e."toId",
        ROW_NUMBER() OVER (PARTITION BY e."fromId" ORDER BY ${order}) AS "rank",
        COUNT(*) OVER (PARTITION BY e."fromId") AS "degree"
      FROM (${incident}) e
    ) r
    ${capped ? sql`WHERE r."rank" <= ${limit} ${expand ? sql`OR r."fromId" IN ${expand}` : empty}` : empty}`);
  return rows.map((row) => ({ fromId: row.fromId, toId: row.toId, degree: int(row.degree), expanded: bool(row.expanded) }));
}

interface NodeRow {
  actorId: string;
  node: ViewNode;
}

export async function readNodes(db: Db, cut: Cut, scope: Sql): Promise<NodeRow[]> {
  const names = cut.dialect.jsonTextArray(sql`n."name"`, sql`n."id"`, sql`FROM "ActorName" n WHERE n."actorId" = a."id"`);
  const actors = await db.$queryRaw<{
    id: string; slug: string; name: string; kind: string; faction: string; summary: string;
    startDate: string | null; startPrecision: string | null; endDate: string | null; endPrecision: string | null;
    endDay: string | null; x: number | null; y: number | null; names: unknown;
  }[]>(sql`
    SELECT a."id", a."slug", a."name", a."kind", a."faction", a."summary", a."startDate", a."startPrecision",
      a."endDate", a."endPrecision", a."endDay", a."x", a."y", ${names} AS "names"
    FROM "Actor" a WHERE ${scope}`);
  return actors
    .map((a) => ({
      actorId: a.id,
      node: {
        ...toGraphNode({ ...a, x: a.x === null ? null : Number(a.x), y: a.y === null ? null : Number(a.y) }, parseJsonTextArray(a.names)),
        ended: a.endDay !== null && a.endDay < cut.asOf,
      },
    }))
    .sort((a, b) => compareText(a.node.slug, b.node.slug));
}

export async function readEdges(db: Db, cut: Cut, scope: Sql, principal: Principal): Promise<ViewEdge[]> {
  const rows = await db.$queryRaw<{
    id: string; type: string; role: string; strength: unknown;
    startDate: string | null; startPrecision: string | null; endDate: string | null; endPrecision: string | null;
    bestGrade: string | null; claimCount: unknown; disputed: unknown; noteCount: unknown; publicNoteCount: unknown;
    sourceSlug: string; targetSlug: string; past: unknown;
  }[]>(sql`
    SELECT t."id", t."type", t."role", t."strength", t."startDate", t."startPrecision", t."endDate", t."endPrecision",
      t."bestGrade", t."claimCount", t."disputed", t."noteCount", t."publicNoteCount",
      s."slug" AS "sourceSlug", g."slug" AS "targetSlug", CASE WHEN ${tiePast(cut)} THEN 1 ELSE 0 END AS "past"
    ${tieJoins}
    WHERE ${tieInView(cut)} ${scope}`);
  const edges = rows
    .map((row) => ({
      ...toGraphEdge(
        { ...row, strength: int(row.strength), claimCount: int(row.claimCount), disputed: bool(row.disputed), noteCount: int(row.noteCount), publicNoteCount: int(row.publicNoteCount) },
        row.sourceSlug,
        row.targetSlug,
        principal,
      ),
      past: bool(row.past),
    }))
    .sort((a, b) => compareText(a.tieId, b.tieId));
  // The cut kept only ties with a known claim; their grades and disputes are read again from those claims.
  return cut.query.known ? regradeByKnowledge(db, cut.dialect, edges, cut.query.known) : edges;
}
