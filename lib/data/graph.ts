// The whole network as plain data for the map and GET /api/graph. Views (time, filters,
// focus) are cut from this by the pure functions in lib/graph, the same on server and client.
import { getDb } from '../db/client';
import type { ActorKind, Faction, TieType } from '../domain/vocabulary';
import { TIE_TYPE_INFO } from '../domain/vocabulary';
import { actorNodeId } from '../graph/build-view';
import { isDisputed } from '../graph/disputes';
import { bestGrade } from '../graph/grade';
import type { GraphData, GraphEdge, GraphNode } from '../graph/types';
import { canSeeInternal, type Principal } from './principal';
import { requireReader } from './read-access';
import { toPartialDate } from './records';

export const tieEdgeId = (tieId: string) => `tie:${tieId}`;

export async function loadGraph(principal: Principal): Promise<GraphData> {
  requireReader(principal);
  const db = await getDb();
  const visibleNotes = canSeeInternal(principal) ? { deletedAt: null } : { deletedAt: null, visibility: 'public' };
  const [actors, ties] = await Promise.all([
    db.actor.findMany({
      where: { deletedAt: null },
      include: { names: { select: { name: true } } },
      orderBy: { slug: 'asc' },
    }),
    db.tie.findMany({
      where: { deletedAt: null, source: { deletedAt: null }, target: { deletedAt: null } },
      include: {
        source: { select: { slug: true } },
        target: { select: { slug: true } },
        claims: { where: { deletedAt: null }, include: { source: { select: { reliability: true } } } },
        _count: { select: { annotations: { where: visibleNotes } } },
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

  const edges: GraphEdge[] = ties.map((t) => {
    const claims = t.claims.map((c) => ({
      reliability: c.source.reliability,
      credibility: c.credibility,
      stance: c.stance,
      status: c.status,
      statedStart: toPartialDate(c.statedStartDate, c.statedStartPrecision),
      statedEnd: toPartialDate(c.statedEndDate, c.statedEndPrecision),
      statedCurrent: c.statedCurrent,
    }));
    const type = t.type as TieType;
    return {
      id: tieEdgeId(t.id),
      tieId: t.id,
      source: actorNodeId(t.source.slug),
      target: actorNodeId(t.target.slug),
      type,
      category: TIE_TYPE_INFO[type].category,
      role: t.role,
      start: toPartialDate(t.startDate, t.startPrecision),
      end: toPartialDate(t.endDate, t.endPrecision),
      strength: t.strength,
      grade: bestGrade(claims),
      disputed: isDisputed(claims),
      claimCount: claims.length,
      noteCount: t._count.annotations,
    };
  });

  return { nodes, edges };
}
