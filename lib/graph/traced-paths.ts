// The paths an address traces, on the view it shows: up to k shortest paths, or time-respecting
// ones when the address asks for time (with the timeless path when time forbids every one). The
// map's path panel and a published embed both draw these, so both trace the same paths.
import type { PathChoices } from '../validation/graph-queries';
import { actorNodeId } from './build-view';
import { kShortestPaths, type FoundPath } from './k-paths';
import { timeRespectingPaths, type TimePath } from './time-paths';
import type { GraphView } from './types';

export interface TracedPaths {
  paths: (FoundPath | TimePath)[];
  /** With time: the shortest path ignoring time, when time forbids every path; otherwise null. */
  timeless: FoundPath | null;
}

/**
 * `ends` are actor slugs. `extraDegree` counts, per node id, a capped hub's ties the server left
 * out of the view, which still count against the hub limit.
 */
export function tracedPaths(view: GraphView, ends: readonly [string, string], choices: PathChoices, extraDegree?: ReadonlyMap<string, number>): TracedPaths {
  const { avoid, time, ...options } = choices;
  const pathOptions = { ...options, avoid: avoid.map(actorNodeId), extraDegree };
  const [from, to] = [actorNodeId(ends[0]), actorNodeId(ends[1])];
  if (time) return timeRespectingPaths(view, from, to, { ...pathOptions, flow: time.flow, maxGapDays: time.maxGapDays, window: { from: time.from, to: time.to } });
  return { paths: kShortestPaths(view, from, to, pathOptions), timeless: null };
}
