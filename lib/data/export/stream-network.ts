// The whole network (GET /api/export?scope=all) read a page at a time, for the writers'
// writeViewParts (lib/exchange/export-writer.ts): every live actor in code-point order of slug,
// then every live tie in code-point order of id, each page with what the view of loadExportView
// gives it (the same ViewNode and ViewEdge, marked at asOf, with a place for every actor), so the
// streamed file is the file the whole view would give, without holding the network or the file.
//
// What is held across pages grows with the actors, never with the ties: the ids of actors ended by
// asOf (a tie to one is past) and, only while the layout job has not placed everyone, the places
// it gives the unplaced (as loadExportView's withPlaces does, from the ties that touch them).
import 'server-only';
import { getConnection, type Db } from '../../db/client';
import { empty, sql, sqlDialect, type SqlDialect } from '../../db/sql';
import { compareText } from '../../graph/adjacency';
import { actorNodeId } from '../../graph/build-view';
import { placeBesideNeighbours, type Position } from '../../graph/place-beside-neighbours';
import { actorEndedAt, tieStatusAt } from '../../graph/time-slice';
import type { ViewEdge, ViewNode } from '../../graph/types';
import { NO_EVIDENCE, type ViewPart } from '../../exchange/export-writer';
import type { Principal } from '../principal';
import { requireReader } from '../read-access';
import { toGraphEdge, toGraphNode } from '../read-models';
import { loadExportEvidence } from './load-export-view';

/** Rows per page: big enough that a query's overhead vanishes, small enough that a page is nothing. */
export const STREAM_PAGE = 2_000;

export interface StreamNetworkOptions {
  /** The day ended actors and past ties are marked at. */
  asOf: string;
  /** Read each page of ties' evidence too (formats that cite their sources). */
  evidence?: boolean;
  pageSize?: number;
}

export async function* streamNetwork(principal: Principal, options: StreamNetworkOptions): AsyncGenerator<ViewPart> {
  requireReader(principal);
  const { kind, db } = await getConnection();
  const dialect = sqlDialect(kind);
  const size = options.pageSize ?? STREAM_PAGE;
  const places = await provisionalPlaces(db, dialect);
  const ended = new Set<string>();

  for (let after: string | null = null; ; ) {
    const page: { id: string }[] = await db.$queryRaw<{ id: string }[]>(sql`
      SELECT "id" FROM "Actor" WHERE "deletedAt" IS NULL ${after === null ? empty : sql`AND ${dialect.codePointOrder(sql`"slug"`)} > ${after}`}
      ORDER BY ${dialect.codePointOrder(sql`"slug"`)} LIMIT ${size}`);
    if (page.length === 0) break;
    const ids = page.map((r) => r.id);
    const [actors, names] = await Promise.all([
      db.actor.findMany({ where: { id: { in: ids } } }),
      db.actorName.findMany({ where: { actorId: { in: ids } }, select: { id: true, actorId: true, name: true } }),
    ]);
    names.sort((a, b) => compareText(a.id, b.id));
    const namesOf = new Map<string, string[]>();
    for (const n of names) (namesOf.get(n.actorId) ?? namesOf.set(n.actorId, []).get(n.actorId)!).push(n.name);
    const nodes: ViewNode[] = actors
      .map((a) => {
        const node = toGraphNode(a, namesOf.get(a.id) ?? []);
        const place = places.get(node.id);
        return { ...node, ...place, ended: actorEndedAt(node, options.asOf) };
      })
      .sort((a, b) => compareText(a.slug, b.slug));
    for (const n of nodes) if (n.ended) ended.add(n.id);
    yield { nodes };
    if (page.length < size) break;
    after = nodes[nodes.length - 1]!.slug;
  }

  for (let after: string | null = null; ; ) {
    const page: { id: string; sourceSlug: string; targetSlug: string }[] = await db.$queryRaw<{ id: string; sourceSlug: string; targetSlug: string }[]>(sql`
      SELECT t."id", s."slug" AS "sourceSlug", g."slug" AS "targetSlug"
      FROM "Tie" t JOIN "Actor" s ON s."id" = t."sourceId" JOIN "Actor" g ON g."id" = t."targetId"
      WHERE t."deletedAt" IS NULL AND s."deletedAt" IS NULL AND g."deletedAt" IS NULL
        ${after === null ? empty : sql`AND ${dialect.codePointOrder(sql`t."id"`)} > ${after}`}
      ORDER BY ${dialect.codePointOrder(sql`t."id"`)} LIMIT ${size}`);
    if (page.length === 0) break;
    const ends = new Map(page.map((r) => [r.id, r]));
    const ties = await db.tie.findMany({ where: { id: { in: page.map((r) => r.id) } } });
    const edges: ViewEdge[] = ties
      .map((t) => {
        const { sourceSlug, targetSlug } = ends.get(t.id)!;
        const edge = toGraphEdge(t, sourceSlug, targetSlug, principal);
        return { ...edge, past: tieStatusAt(edge, options.asOf) === 'ended' || ended.has(edge.source) || ended.has(edge.target) };
      })
      .sort((a, b) => compareText(a.tieId, b.tieId));
    const evidence = options.evidence ? await loadExportEvidence(principal, edges.map((e) => e.tieId)) : NO_EVIDENCE;
    yield { edges, evidence };
    if (page.length < size) break;
    after = page[page.length - 1]!.id;
  }
}

/**
 * Places for the actors the layout job has not placed yet, as loadExportView gives them: beside
 * their neighbours (in the same order of actors and ties, so the same places). Nothing is read
 * beyond a count when every actor is placed, which is the rule once npm start has run.
 */
async function provisionalPlaces(db: Db, dialect: SqlDialect): Promise<Map<string, Position>> {
  const unplaced = await db.actor.findMany({ where: { deletedAt: null, OR: [{ x: null }, { y: null }] }, select: { slug: true } });
  if (unplaced.length === 0) return new Map();
  const placed = new Map<string, Position>();
  const rows = await db.actor.findMany({ where: { deletedAt: null, x: { not: null }, y: { not: null } }, select: { slug: true, x: true, y: true } });
  for (const r of rows.sort((a, b) => compareText(a.slug, b.slug))) if (Number.isFinite(r.x) && Number.isFinite(r.y)) placed.set(actorNodeId(r.slug), { x: r.x!, y: r.y! });
  // Only ties with an unplaced end move anyone: placeBesideNeighbours skips ties between two placed actors.
  const edges = await db.$queryRaw<{ id: string; source: string; target: string }[]>(sql`
    SELECT t."id", s."slug" AS "source", g."slug" AS "target"
    FROM "Tie" t JOIN "Actor" s ON s."id" = t."sourceId" JOIN "Actor" g ON g."id" = t."targetId"
    WHERE t."deletedAt" IS NULL AND s."deletedAt" IS NULL AND g."deletedAt" IS NULL
      AND (s."x" IS NULL OR s."y" IS NULL OR g."x" IS NULL OR g."y" IS NULL)
    ORDER BY ${dialect.codePointOrder(sql`t."id"`)}`);
  const missing = unplaced.map((a) => a.slug).sort(compareText).map(actorNodeId);
  return placeBesideNeighbours(
    missing,
    edges.map((e) => ({ source: actorNodeId(e.source), target: actorNodeId(e.target) })),
    placed,
  );
}
