// What changed between two dates in a view of the network, for GET /api/graph/changes and the
// map's comparison. The database picks the candidates: ties of the later day's view (its filters,
// ended ties kept) that began, ended, or lost or gained an actor between the two days, read by the
// same cut as loadView (tieInView, readEdges); the pure diffNetwork (lib/graph/changes.ts) decides
// what each one is. A focus limits the answer to the neighbourhood loadView cuts on the later
// day. Costs one pass over the ties' stored dates and end days, never their claims.
import { getConnection } from '../../db/client';
import { sql, sqlDialect, type Sql } from '../../db/sql';
import { diffNetwork, type ChangeActor, type ChangeTie, type LabelledChanges } from '../../graph/changes';
import type { GraphQuery } from '../../graph/types';
import type { CompareWindow } from '../../validation/change-queries';
import type { Principal } from '../principal';
import { requireReader } from '../read-access';
import type { Db } from '../../db/client';
import { toPartialDate } from '../records';
import { actorInView, readEdges, loadView, type Cut } from './load-view';

/** The few columns a change needs of an actor (readNodes also reads every name variant and the position). */
async function readChangeActors(db: Db, scope: Sql): Promise<ChangeActor[]> {
  const rows = await db.$queryRaw<{ slug: string; name: string; kind: string; startDate: string | null; startPrecision: string | null; endDate: string | null; endPrecision: string | null }[]>(sql`
    SELECT a."slug", a."name", a."kind", a."startDate", a."startPrecision", a."endDate", a."endPrecision" FROM "Actor" a WHERE ${scope}`);
  return rows.map((a) => ({
    slug: a.slug, label: a.name, kind: a.kind as ChangeActor['kind'],
    start: toPartialDate(a.startDate, a.startPrecision), end: toPartialDate(a.endDate, a.endPrecision),
  }));
}


const within = (column: Sql, w: CompareWindow) => sql`(${column} IS NOT NULL AND ${column} >= ${w.from} AND ${column} < ${w.to})`;
const startedAfter = (alias: Sql, from: string) => sql`(${alias}."startDate" IS NOT NULL AND ${alias}."startPrecision" IS NOT NULL AND ${alias}."startDate" > ${from})`;

export async function loadChanges(principal: Principal, query: GraphQuery, window: CompareWindow): Promise<LabelledChanges> {
  requireReader(principal);
  const { kind, db } = await getConnection();
  // The later day's view with ended ties kept: everything that began by then, over or not.
  const later: GraphQuery = { ...query, asOf: window.to, showEnded: true };
  const cut: Cut = { asOf: window.to, query: later, dialect: sqlDialect(kind) };

  // A focus: only the neighbourhood's ties and actors are candidates, so the cut reads no more than the view.
  let scope: { tieIds: Sql; actorSlugs: Sql } | null = null;
  if (query.focus) {
    const around = await loadView(principal, later);
    scope = { tieIds: cut.dialect.textList(around.edges.map((e) => e.tieId)), actorSlugs: cut.dialect.textList(around.nodes.map((n) => n.slug)) };
  }

  const moved = sql`AND (${startedAfter(sql`t`, window.from)} OR ${within(sql`t."endDay"`, window)}
    OR ${startedAfter(sql`s`, window.from)} OR ${startedAfter(sql`g`, window.from)}
    OR ${within(sql`s."endDay"`, window)} OR ${within(sql`g."endDay"`, window)})
    ${scope ? sql`AND t."id" IN ${scope.tieIds}` : sql``}`;
  const [kept, movedActors] = await Promise.all([
    readEdges(db, cut, moved, principal),
    readChangeActors(db, sql`${actorInView(sql`a`, cut)} AND (${startedAfter(sql`a`, window.from)} OR ${within(sql`a."endDay"`, window)})
      ${scope ? sql`AND a."slug" IN ${scope.actorSlugs}` : sql``}`),
  ]);

  // The ends of every candidate tie, for the actors' own dates (a tie goes when its holder dies).
  const slugOf = (nodeId: string) => nodeId.slice('actor:'.length);
  const endSlugs = [...new Set(kept.flatMap((e) => [slugOf(e.source), slugOf(e.target)]))];
  const ends = endSlugs.length ? await readChangeActors(db, sql`a."slug" IN ${cut.dialect.textList(endSlugs)}`) : [];
  const actors = new Map<string, ChangeActor>();
  for (const actor of [...ends, ...movedActors]) actors.set(actor.slug, actor);

  const ties: ChangeTie[] = kept.map((e) => ({
    tieId: e.tieId, type: e.type, role: e.role, source: slugOf(e.source), target: slugOf(e.target),
    start: e.start, end: e.end, grade: e.grade, claimCount: e.claimCount,
  }));
  const changes = diffNetwork(ties, [...actors.values()], window);
  const labels: Record<string, string> = {};
  for (const a of actors.values()) labels[a.slug] = a.label;
  return { ...changes, labels };
}
