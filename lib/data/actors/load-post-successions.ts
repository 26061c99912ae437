// Predecessor and successor of each post an actor held (the profile's "Posts held"): reads the
// actor's leads and holds_position ties, then the ties of those types into the same institutions
// (never more of the network), and pairs them with postNeighbours (lib/graph/post-successions.ts).
import { getDb } from '../../db/client';
import type { TieType } from '../../domain/vocabulary';
import { postNeighbours, type PostTie } from '../../graph/post-successions';
import type { Principal } from '../principal';
import { cachedByRevision } from '../network/revision-cache';
import { requireReader } from '../read-access';
import { toPartialDate } from '../records';

export interface PostSuccession {
  predecessor?: { slug: string; name: string };
  successor?: { slug: string; name: string };
}

const SUCCESSION_TIE_TYPES = ['leads', 'holds_position'];

/** By the actor's post tie id; posts with neither neighbour are left out. */
/** Kept per network revision (revision-cache.ts), like the profile it sits on. */
export async function loadPostSuccessions(principal: Principal, actorSlug: string): Promise<Record<string, PostSuccession>> {
  requireReader(principal);
  return cachedByRevision('post-successions', actorSlug, principal, () => readPostSuccessions(actorSlug));
}

async function readPostSuccessions(actorSlug: string): Promise<Record<string, PostSuccession>> {
  const db = await getDb();
  const live = { deletedAt: null, source: { deletedAt: null }, target: { deletedAt: null } } as const;
  const own = await db.tie.findMany({ where: { ...live, type: { in: SUCCESSION_TIE_TYPES }, source: { slug: actorSlug, deletedAt: null } }, select: { targetId: true } });
  if (own.length === 0) return {};
  const rows = await db.tie.findMany({
    where: { ...live, type: { in: SUCCESSION_TIE_TYPES }, targetId: { in: [...new Set(own.map((t) => t.targetId))] } },
    select: {
      id: true, type: true, role: true, startDate: true, startPrecision: true, endDate: true, endPrecision: true,
      source: { select: { slug: true, name: true } }, target: { select: { slug: true } },
    },
  });
  const names = new Map(rows.map((r) => [r.source.slug, r.source.name]));
  const ties: PostTie[] = rows.map((r) => ({
    tieId: r.id, type: r.type as TieType, role: r.role, source: r.source.slug, target: r.target.slug,
    start: toPartialDate(r.startDate, r.startPrecision), end: toPartialDate(r.endDate, r.endPrecision),
  }));
  const ownIds = new Set(rows.filter((r) => r.source.slug === actorSlug).map((r) => r.id));
  const result: Record<string, PostSuccession> = {};
  for (const [tieId, n] of postNeighbours(ties)) {
    if (!ownIds.has(tieId)) continue;
    result[tieId] = {
      ...(n.predecessor ? { predecessor: { slug: n.predecessor.slug, name: names.get(n.predecessor.slug) ?? n.predecessor.slug } } : {}),
      ...(n.successor ? { successor: { slug: n.successor.slug, name: names.get(n.successor.slug) ?? n.successor.slug } } : {}),
    };
  }
  return result;
}
