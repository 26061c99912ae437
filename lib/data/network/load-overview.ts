// The large map's overview, counted by the database: actors grouped by faction and kind, the ties
// between groups counted, and for an open group its most tied members with their own ties and,
// counted, their ties to every other group. GROUP BY over the same cut as loadView (date slice
// and filters; an overview has no focus), so it costs a few aggregate queries, whatever the
// network's size. It means what lib/graph/overview.ts overviewOf(buildView(…)) says, and
// test/db/load-overview.test.ts holds it to that. With it go the first and last tie dates under
// the same filters on every date (MIN/MAX in the same scan), where the map's Play runs: the
// overview holds no ties.
import { getConnection } from '../../db/client';
import { sql, sqlDialect, type Sql } from '../../db/sql';
import type { ActorKind, Faction } from '../../domain/vocabulary';
import { compareText } from '../../graph/adjacency';
import { actorNodeId } from '../../graph/build-view';
import { groupKey, groupOrder, parseGroupKey, type Overview, type OverviewGroup, type TieDates } from '../../graph/overview';
import { todayIso } from '../../domain/dates';
import type { GraphQuery, GraphView } from '../../graph/types';
import type { Principal } from '../principal';
import { requireReader } from '../read-access';
import { actorInView, readEdges, readNodes, tieChosen, tieInView, tieJoins, tieOnDate, type Cut } from './load-view';

/** Members of an open group drawn at most; the rest are counted as omitted. */
export const OPEN_GROUP_LIMIT = 400;

export interface LoadOverviewOptions {
  today?: string;
  /** The group to open, "faction:kind". */
  open?: string | null;
  memberLimit?: number;
  /** The view's tie dates when the caller knows them already (they do not depend on the date): no MIN/MAX is run. */
  dated?: TieDates | null;
}

export interface LoadedOverview {
  asOf: string;
  overview: Overview;
  /** The open group's drawn members and the ties among them. */
  members: GraphView;
}

const int = (value: unknown): number => Number(value);

/** A tie's start, when dated (a date without its precision is read as none, as toPartialDate reads it). */
const datedStart = sql`CASE WHEN t."startPrecision" IS NOT NULL THEN t."startDate" END`;

const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null || a <= b ? a : b);
const later = (a: string | null, b: string | null) => (a === null ? b : b === null || a >= b ? a : b);

interface PairRow {
  sf: string;
  sk: string;
  tf: string;
  tk: string;
  n: unknown;
  /** With the tie dates: the earliest and latest dated start and stored end day of the pair's ties on any date. */
  fs?: string | null;
  ls?: string | null;
  fe?: string | null;
  le?: string | null;
}

export async function loadOverview(principal: Principal, query: GraphQuery, options: LoadOverviewOptions = {}): Promise<LoadedOverview> {
  requireReader(principal);
  const { kind, db } = await getConnection();
  const asOf = query.asOf ?? options.today ?? todayIso();
  // An overview is of the whole network: a focus is a neighbourhood, which loadView cuts.
  const cut: Cut = { asOf, query: { ...query, focus: undefined }, dialect: sqlDialect(kind) };
  const limit = options.memberLimit ?? OPEN_GROUP_LIMIT;

  const knownDates = options.dated !== undefined;
  const [groupRows, pairRows] = await Promise.all([
    db.$queryRaw<{ faction: string; kind: string; members: unknown }[]>(sql`
      SELECT a."faction", a."kind", COUNT(*) AS "members" FROM "Actor" a WHERE ${actorInView(sql`a`, cut)}
      GROUP BY a."faction", a."kind"`),
    // Play's range (tieDates of the view on every date) comes from the same scan: the ties the
    // filters keep on any date, counted where they stand on this one, with their first and last days.
    // A caller that knows the dates (they do not move with the date) gets the plain count.
    knownDates
      ? db.$queryRaw<PairRow[]>(sql`
      SELECT s."faction" AS "sf", s."kind" AS "sk", g."faction" AS "tf", g."kind" AS "tk", COUNT(*) AS "n" ${tieJoins}
      WHERE ${tieInView(cut)}
      GROUP BY s."faction", s."kind", g."faction", g."kind"`)
      : db.$queryRaw<PairRow[]>(sql`
      SELECT s."faction" AS "sf", s."kind" AS "sk", g."faction" AS "tf", g."kind" AS "tk",
        SUM(CASE WHEN ${tieOnDate(cut)} THEN 1 ELSE 0 END) AS "n",
        MIN(${datedStart}) AS "fs", MAX(${datedStart}) AS "ls", MIN(t."endDay") AS "fe", MAX(t."endDay") AS "le" ${tieJoins}
      WHERE ${tieChosen(cut)}
      GROUP BY s."faction", s."kind", g."faction", g."kind"`),
  ]);
  let dated = knownDates ? options.dated! : null;
  if (!knownDates) {
    let first: string | null = null;
    let last: string | null = null;
    for (const row of pairRows) {
      first = earlier(earlier(first, row.fs ?? null), row.fe ?? null);
      last = later(later(last, row.ls ?? null), row.le ?? null);
    }
    dated = first && last ? { first, last } : null;
  }

  const groups = new Map<string, OverviewGroup>();
  for (const row of groupRows) {
    const key = groupKey(row.faction, row.kind);
    groups.set(key, { key, faction: row.faction as Faction, kind: row.kind as ActorKind, members: int(row.members), inner: 0 });
  }
  const ordered = [...groups.values()].sort(groupOrder);
  const position = new Map(ordered.map((g, i) => [g.key, i]));
  const requested = options.open ? parseGroupKey(options.open) : null;
  const open = requested && groups.has(options.open!) ? options.open! : null;

  const pairs = new Map<string, { source: string; target: string; count: number }>();
  for (const row of pairRows) {
    // A pair whose ties all stand on other dates only.
    if (int(row.n) === 0) continue;
    const a = groupKey(row.sf, row.sk);
    const b = groupKey(row.tf, row.tk);
    if (a === b) {
      groups.get(a)!.inner += int(row.n);
      continue;
    }
    if (a === open || b === open) continue;
    const [source, target] = position.get(a)! < position.get(b)! ? [a, b] : [b, a];
    const key = `${source}|${target}`;
    const entry = pairs.get(key) ?? pairs.set(key, { source, target, count: 0 }).get(key)!;
    entry.count += int(row.n);
  }
  const groupTies = [...pairs.values()].sort((x, y) => position.get(x.source)! - position.get(y.source)! || position.get(x.target)! - position.get(y.target)!);

  const empty: LoadedOverview = { asOf, overview: { groups: ordered, groupTies, memberTies: [], open, omitted: 0, dated }, members: { asOf, nodes: [], edges: [] } };
  if (!open || !requested) return empty;

  // The open group's members, most tied first (ties of the view, any other end), then by slug.
  const inGroup = (a: Sql) => sql`${a}."faction" = ${requested.faction} AND ${a}."kind" = ${requested.kind}`;
  const memberRows = await db.$queryRaw<{ id: string; slug: string; degree: unknown }[]>(sql`
    SELECT a."id", a."slug", COALESCE(d."n", 0) AS "degree" FROM "Actor" a
    LEFT JOIN (
      SELECT e."actorId", COUNT(*) AS "n" FROM (
        SELECT t."sourceId" AS "actorId" ${tieJoins} WHERE ${inGroup(sql`s`)} AND ${tieInView(cut)}
        UNION ALL
        SELECT t."targetId" AS "actorId" ${tieJoins} WHERE ${inGroup(sql`g`)} AND t."sourceId" <> t."targetId" AND ${tieInView(cut)}
      ) e GROUP BY e."actorId"
    ) d ON d."actorId" = a."id"
    WHERE ${actorInView(sql`a`, cut)} AND ${inGroup(sql`a`)}`);
  const chosen = memberRows
    .map((row) => ({ id: row.id, slug: row.slug, degree: int(row.degree) }))
    .sort((a, b) => b.degree - a.degree || compareText(a.slug, b.slug))
    .slice(0, limit);
  const ids = cut.dialect.textList(chosen.map((c) => c.id));
  const [nodeRows, edges, memberTieRows] = await Promise.all([
    readNodes(db, cut, sql`a."id" IN ${ids}`),
    readEdges(db, cut, sql`AND t."sourceId" IN ${ids} AND t."targetId" IN ${ids}`, principal),
    db.$queryRaw<{ slug: string; faction: string; kind: string; n: unknown }[]>(sql`
      SELECT m."slug", o."faction", o."kind", COUNT(*) AS "n" FROM (
        SELECT t."sourceId" AS "memberId", t."targetId" AS "otherId" ${tieJoins} WHERE t."sourceId" IN ${ids} AND ${tieInView(cut)}
        UNION ALL
        SELECT t."targetId" AS "memberId", t."sourceId" AS "otherId" ${tieJoins} WHERE t."targetId" IN ${ids} AND t."sourceId" <> t."targetId" AND ${tieInView(cut)}
      ) e
      JOIN "Actor" m ON m."id" = e."memberId"
      JOIN "Actor" o ON o."id" = e."otherId"
      WHERE NOT (${inGroup(sql`o`)})
      GROUP BY m."slug", o."faction", o."kind"`),
  ]);
  const memberTies = memberTieRows
    .map((row) => ({ actor: actorNodeId(row.slug), group: groupKey(row.faction, row.kind), count: int(row.n) }))
    .sort((x, y) => compareText(x.actor, y.actor) || position.get(x.group)! - position.get(y.group)!);
  return {
    asOf,
    overview: { groups: ordered, groupTies, memberTies, open, omitted: memberRows.length - chosen.length, dated },
    members: { asOf, nodes: nodeRows.map((row) => row.node), edges },
  };
}
