// The posts an actor has held, for the timeline on its profile: offices it holds, bodies it
// leads and states it represents, most recent first.
import { compareText } from './adjacency';
import type { GraphEdge } from './types';
import { POST_TIE_TYPES } from '../domain/vocabulary';
import { periodEnd } from '../domain/dates';

const OPEN_END = '9999-12-31';

/**
 * The actor's posts, latest start first; an undated start sorts by its end, so "until 2010"
 * lands among the 2010s, and a post with no dates at all goes last.
 */
export function postsHeld<E extends GraphEdge>(actorNodeId: string, edges: readonly E[]): E[] {
  const sortKey = (e: E) => e.start?.date ?? (e.end ? e.end.date : '');
  return edges
    .filter((e) => e.source === actorNodeId && POST_TIE_TYPES.includes(e.type))
    .sort(
      (a, b) =>
        compareText(sortKey(b), sortKey(a)) ||
        compareText(b.end ? periodEnd(b.end) : OPEN_END, a.end ? periodEnd(a.end) : OPEN_END) ||
        compareText(a.tieId, b.tieId),
    );
}
