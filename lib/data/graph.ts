// The whole network as plain data, for tests that hold the SQL views to the pure definition
// (buildView over this must equal lib/data/network/load-view.ts) and for callers that truly need
// everything. Reads of a view go through loadView, which cuts it in the database.
import { getDb } from '../db/client';
import { compareText } from '../graph/adjacency';
import type { GraphData, GraphEdge, GraphNode } from '../graph/types';
import type { Principal } from './principal';
import { liveTieWhere, toGraphEdge, toGraphNode } from './read-models';
import { requireReader } from './read-access';

/**
 * Flat queries joined here rather than nested includes: Prisma loads an include with one bound
 * parameter per parent row, and a network of thousands of ties runs past the database's limit
 * on bound parameters (P2029). Each query below binds only a handful. Rows are put in code-point
 * order here, not by the database, whose collation differs between SQLite and PostgreSQL.
 */
export async function loadGraph(principal: Principal): Promise<GraphData> {
  requireReader(principal);
  const db = await getDb();
  const [actors, names, ties] = await Promise.all([
    db.actor.findMany({ where: { deletedAt: null } }),
    db.actorName.findMany({ where: { actor: { deletedAt: null } }, select: { id: true, actorId: true, name: true } }),
    db.tie.findMany({ where: liveTieWhere }),
  ]);

  names.sort((a, b) => compareText(a.id, b.id));
  const namesOf = new Map<string, string[]>();
  for (const n of names) (namesOf.get(n.actorId) ?? namesOf.set(n.actorId, []).get(n.actorId)!).push(n.name);
  const slugOf = new Map(actors.map((a) => [a.id, a.slug]));

  const nodes: GraphNode[] = actors.map((a) => toGraphNode(a, namesOf.get(a.id) ?? [])).sort((a, b) => compareText(a.slug, b.slug));
  // Grades, disputes and counts come from the tie's stored summaries, so no claim is read here.
  const edges: GraphEdge[] = ties
    .map((t) => toGraphEdge(t, slugOf.get(t.sourceId)!, slugOf.get(t.targetId)!, principal))
    .sort((a, b) => compareText(a.tieId, b.tieId));
  return { nodes, edges };
}
