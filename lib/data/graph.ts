// The whole network as plain data for the map and GET /api/graph. Views (time, filters,
// focus) are cut from this by the pure functions in lib/graph, the same on server and client.
import { getDb } from '../db/client';
import type { ActorKind, Faction } from '../domain/vocabulary';
import { actorNodeId } from '../graph/build-view';
import type { GraphData, GraphEdge, GraphNode } from '../graph/types';
import type { Principal } from './principal';
import { liveTieWhere, toGraphEdge } from './read-models';
import { requireReader } from './read-access';
import { toPartialDate } from './records';

/**
 * Flat queries joined here rather than nested includes: Prisma loads an include with one bound
 * parameter per parent row, and a network of thousands of ties runs past the database's limit
 * on bound parameters (P2029). Each query below binds only a handful.
 */
export async function loadGraph(principal: Principal): Promise<GraphData> {
  requireReader(principal);
  const db = await getDb();
  const [actors, names, ties] = await Promise.all([
    db.actor.findMany({ where: { deletedAt: null }, orderBy: { slug: 'asc' } }),
    db.actorName.findMany({ where: { actor: { deletedAt: null } }, select: { actorId: true, name: true }, orderBy: { id: 'asc' } }),
    db.tie.findMany({ where: liveTieWhere, orderBy: { id: 'asc' } }),
  ]);

  const namesOf = new Map<string, string[]>();
  for (const n of names) (namesOf.get(n.actorId) ?? namesOf.set(n.actorId, []).get(n.actorId)!).push(n.name);
  const slugOf = new Map(actors.map((a) => [a.id, a.slug]));

  const nodes: GraphNode[] = actors.map((a) => ({
    id: actorNodeId(a.slug),
    slug: a.slug,
    label: a.name,
    kind: a.kind as ActorKind,
    faction: a.faction as Faction,
    summary: a.summary,
    start: toPartialDate(a.startDate, a.startPrecision),
    end: toPartialDate(a.endDate, a.endPrecision),
    names: [...new Set([a.name, ...(namesOf.get(a.id) ?? [])])],
    x: a.x,
    y: a.y,
  }));

  // One mapping from tie rows to edges, shared with the profile and tie pages; grades, disputes
  // and counts come from the tie's stored summaries, so no claim is read here.
  const edges: GraphEdge[] = ties.map((t) => toGraphEdge(t, slugOf.get(t.sourceId)!, slugOf.get(t.targetId)!, principal));
  return { nodes, edges };
}
