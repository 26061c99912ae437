// The whole network as plain data for the map and GET /api/graph. Views (time, filters,
// focus) are cut from this by the pure functions in lib/graph, the same on server and client.
import { getDb } from '../db/client';
import type { ActorKind, Faction } from '../domain/vocabulary';
import { actorNodeId } from '../graph/build-view';
import type { GraphData, GraphEdge, GraphNode } from '../graph/types';
import type { Principal } from './principal';
import { claimInclude, liveClaimWhere, liveTieWhere, toClaimDto, toGraphEdge, visibleNotesWhere } from './read-models';
import { requireReader } from './read-access';
import { toPartialDate } from './records';

export async function loadGraph(principal: Principal): Promise<GraphData> {
  requireReader(principal);
  const db = await getDb();
  const [actors, ties] = await Promise.all([
    db.actor.findMany({
      where: { deletedAt: null },
      include: { names: { select: { name: true } } },
      orderBy: { slug: 'asc' },
    }),
    db.tie.findMany({
      where: liveTieWhere,
      include: {
        source: { select: { slug: true } },
        target: { select: { slug: true } },
        claims: { where: liveClaimWhere, include: claimInclude, orderBy: { id: 'asc' } },
        _count: { select: { annotations: { where: visibleNotesWhere(principal) } } },
      },
      orderBy: { id: 'asc' },
    }),
  ]);

  const nodes: GraphNode[] = actors.map((a) => ({
    id: actorNodeId(a.slug),
    slug: a.slug,
    label: a.name,
    kind: a.kind as ActorKind,
    faction: a.faction as Faction,
    summary: a.summary,
    start: toPartialDate(a.startDate, a.startPrecision),
    end: toPartialDate(a.endDate, a.endPrecision),
    names: [...new Set([a.name, ...a.names.map((n) => n.name)])],
    x: a.x,
    y: a.y,
  }));

  // One mapping from tie rows to edges, shared with the profile and tie pages.
  const edges: GraphEdge[] = ties.map((t) => toGraphEdge(t, t.source.slug, t.target.slug, t.claims.map(toClaimDto), t._count.annotations));

  return { nodes, edges };
}
