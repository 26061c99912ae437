// The supernode guard for neighbourhoods (as Linkurious guards supernodes): an actor with more
// ties than a limit is expanded only through its strongest ties, and the rest are summarised as
// "+N more" until someone asks to expand it. This pure function is the definition; the SQL path
// in lib/data/network/load-view.ts must agree with capHubs(buildView(…)) on any network.
import { compareText } from './adjacency';
import type { GraphView, ViewEdge } from './types';
import { gradeRank } from '../domain/grade';

/** More ties than this in one neighbourhood and an actor is shown through its strongest ties only. */
export const HUB_TIE_LIMIT = 50;

export interface HiddenTies {
  /** The capped actor, `actor:${slug}`. */
  nodeId: string;
  /** Its ties in the uncapped neighbourhood that this view leaves out. */
  count: number;
}

export interface CappedView extends GraphView {
  /** One entry per capped actor that has ties left out, by node id. */
  hidden: HiddenTies[];
}

export interface CapHubsOptions {
  focusNodeId: string;
  hops: number;
  /** Ties an actor may have before it is capped; defaults to HUB_TIE_LIMIT. */
  limit?: number;
  /** Node ids whose every tie is followed, whatever the limit: "+N more" expanded. */
  expand?: readonly string[];
}

/** Sorts after every real rank (0–35); the SQL path uses the same number. */
export const UNGRADED = 99;

/** Strongest first: strength, then best grade (ungraded last), then tie id so the order is total. */
export function compareTieStrength(
  a: Pick<ViewEdge, 'strength' | 'grade' | 'id'>,
  b: Pick<ViewEdge, 'strength' | 'grade' | 'id'>,
): number {
  return b.strength - a.strength || (gradeRank(a.grade) ?? UNGRADED) - (gradeRank(b.grade) ?? UNGRADED) || compareText(a.id, b.id);
}

/**
 * `view` is the uncapped neighbourhood of the focus within `hops` (buildView with a focus).
 * The neighbourhood is walked again from the focus, level by level, but from each actor only
 * through its `limit` strongest ties (all of them for an expanded actor). Every tie of the view
 * between two actors so reached is shown. An actor reached before the outer ring that has more
 * ties than the limit reports how many of its ties are left out. Actors on the outer ring are
 * never walked from, so they are never capped: their ties beyond the ring were never in the view.
 */
export function capHubs(view: GraphView, options: CapHubsOptions): CappedView {
  const limit = options.limit ?? HUB_TIE_LIMIT;
  const expand = new Set(options.expand ?? []);
  const tiesOf = new Map<string, ViewEdge[]>();
  const add = (nodeId: string, edge: ViewEdge) => {
    const list = tiesOf.get(nodeId);
    if (list) list.push(edge);
    else tiesOf.set(nodeId, [edge]);
  };
  for (const edge of view.edges) {
    add(edge.source, edge);
    if (edge.target !== edge.source) add(edge.target, edge);
  }
  for (const list of tiesOf.values()) list.sort(compareTieStrength);

  const distance = new Map<string, number>();
  if (view.nodes.some((node) => node.id === options.focusNodeId)) distance.set(options.focusNodeId, 0);
  let frontier = [...distance.keys()];
  for (let hop = 1; hop <= options.hops && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const nodeId of frontier) {
      const ties = tiesOf.get(nodeId) ?? [];
      for (const edge of expand.has(nodeId) ? ties : ties.slice(0, limit)) {
        const other = edge.source === nodeId ? edge.target : edge.source;
        if (distance.has(other)) continue;
        distance.set(other, hop);
        next.push(other);
      }
    }
    frontier = next;
  }

  const edges = view.edges.filter((edge) => distance.has(edge.source) && distance.has(edge.target));
  const shown = new Map<string, number>();
  for (const edge of edges) {
    shown.set(edge.source, (shown.get(edge.source) ?? 0) + 1);
    if (edge.target !== edge.source) shown.set(edge.target, (shown.get(edge.target) ?? 0) + 1);
  }
  const hidden: HiddenTies[] = [];
  for (const [nodeId, hop] of distance) {
    const degree = tiesOf.get(nodeId)?.length ?? 0;
    if (hop >= options.hops || expand.has(nodeId) || degree <= limit) continue;
    const count = degree - (shown.get(nodeId) ?? 0);
    if (count > 0) hidden.push({ nodeId, count });
  }
  hidden.sort((a, b) => compareText(a.nodeId, b.nodeId));
  return { asOf: view.asOf, nodes: view.nodes.filter((node) => distance.has(node.id)), edges, hidden };
}
