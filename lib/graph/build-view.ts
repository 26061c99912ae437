// The one way to turn the stored network and a query into what is shown: the API route and
// the map both call this, so they can never disagree about what a query means.
import { filterView } from './filter';
import { neighbourhood } from './neighbourhood';
import { sliceAt } from './time-slice';
import type { GraphData, GraphQuery, GraphView } from './types';
import { todayIso } from '../domain/dates';

export function actorNodeId(slug: string): string {
  return `actor:${slug}`;
}

/**
 * Date slice, then filters, then the focus's neighbourhood. The focus survives the kind and
 * faction filters, so "organisations around Lukashenko" shows Lukashenko among them instead of
 * an empty map; it can still vanish if it did not exist on the view's date.
 */
export function buildView(graph: GraphData, q: GraphQuery, today: string = todayIso()): GraphView {
  const asOf = q.asOf ?? today;
  const focusId = q.focus ? actorNodeId(q.focus) : undefined;
  const sliced = sliceAt(graph, asOf, q.showEnded);
  const filtered = filterView(sliced, q, { keepNodeIds: focusId ? [focusId] : [] });
  return focusId ? neighbourhood(filtered, focusId, q.hops) : filtered;
}
