// Time-respecting paths (i2's Find Path with time flow): from one actor to another through ties
// whose periods follow each other forward in time — each step taken on a day within its tie's
// period, no earlier than the step before, and at most `maxGapDays` after it — or, for flow
// "window", through ties that each stood at some time within one window. Reports the earliest
// arrival and whether the path is certain or only possible given the dates' precision.
//
// Precision: a tie has two readings of its period. Possible: the widest its dates allow (a start
// "2020" from 1 Jan 2020, an end "Nov 2012" to 30 Nov, an "as of" start reaching back without
// limit, an "as of" end or no end running on to the view's date). Certain: the narrowest (a start
// "2020" only from 31 Dec 2020, an end "Nov 2012" only to 1 Nov, an "as of" date on its day); a
// tie begun and ended within one imprecise year may have no certain day at all. A missing start
// counts as standing, as on the map (tieStatusAt) and in the chain of command. A path is certain
// when it is feasible under every tie's certain reading.
//
// How: the feasible days of a path's last step form one interval (a step's days are its tie's
// period cut by [earliest of the step before, latest of the step before + gap]), so the search is
// Dijkstra over (actor, interval) labels by earliest day, keeping per actor only the labels no
// other label dominates (earlier and later both), and never returning to an actor on its path.
import { isoToDayNumber, dayNumberToIso, periodEnd, periodStart, type PartialDate } from '../domain/dates';
import { excludedActors, kShortestPaths, usable, type FoundPath, type PathOptions } from './k-paths';
import type { GraphView, ViewEdge } from './types';
import { compareText } from './adjacency';

export const TIME_FLOWS = ['forward', 'window'] as const;
export type TimeFlow = (typeof TIME_FLOWS)[number];
export type Certainty = 'certain' | 'possible';

export interface TimePathOptions extends PathOptions {
  flow: TimeFlow;
  /** Forward: the most days a step may come after the one before; absent, no limit. */
  maxGapDays?: number;
  /** ISO days. Forward: every step within it (either side may be open). Window: every tie stood within it. */
  window?: { from?: string; to?: string };
}

export interface TimedStep {
  edgeId: string;
  /** Forward: the earliest day the step can be taken on a path arriving earliest; null when undated (any time before). */
  on: string | null;
  /** Whether the tie certainly stood on that day (or, for a window, within the window). */
  certainty: Certainty;
}

export interface TimePath extends FoundPath {
  steps: TimedStep[];
  /** Forward: the earliest day the last step can possibly be taken; null when no date bounds it, or for a window. */
  arrival: string | null;
  /** Forward, on a certain path: the earliest day it certainly arrives by (later than `arrival` when dates are imprecise). */
  certainArrival?: string | null;
  certainty: Certainty;
}

export interface TimePathResult {
  /**
   * Forward: the earliest-arriving path (possible), then, when that one is not certain, the
   * earliest certain one if there is one. Window: up to k shortest, certain ones marked.
   */
  paths: TimePath[];
  /** When no path respects time but one ignoring it does: the shortest such, so the answer can say so. */
  timeless: FoundPath | null;
}

/** Labels examined at most per search, so a dense view cannot run away; real searches use far fewer. */
export const MAX_TIME_LABELS = 200_000;
/** Non-dominated labels kept per actor. */
const LABELS_PER_ACTOR = 16;

type Interval = [number, number];
type Reading = 'possible' | 'certain';

/** A tie's days under one reading, open ends cut at `cap` (the view's day); null when it has none. */
export function tieInterval(edge: { start: PartialDate | null; end: PartialDate | null }, reading: Reading, cap: number): Interval | null {
  const { start, end } = edge;
  let lo: number;
  if (!start) lo = -Infinity;
  else if (start.precision === 'asof') lo = reading === 'possible' ? -Infinity : isoToDayNumber(start.date);
  else lo = isoToDayNumber(reading === 'possible' ? periodStart(start) : periodEnd(start));
  let hi: number;
  if (!end) hi = cap;
  else if (end.precision === 'asof') hi = reading === 'possible' ? Math.max(cap, isoToDayNumber(end.date)) : isoToDayNumber(end.date);
  else hi = isoToDayNumber(reading === 'possible' ? periodEnd(end) : periodStart(end));
  return lo <= hi ? [lo, hi] : null;
}

interface Label {
  node: string;
  lo: number;
  hi: number;
  ties: number;
  edgeId: string | null;
  parent: Label | null;
}

/** A binary heap of labels: earliest day first, then fewer ties, then actor id. */
class LabelHeap {
  private items: Label[] = [];
  get size() {
    return this.items.length;
  }
  private less(a: Label, b: Label) {
    return a.lo < b.lo || (a.lo === b.lo && (a.ties < b.ties || (a.ties === b.ties && compareText(a.node, b.node) < 0)));
  }
  push(label: Label) {
    const items = this.items;
    items.push(label);
    for (let i = items.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!this.less(items[i]!, items[p]!)) break;
      [items[i], items[p]] = [items[p]!, items[i]!];
      i = p;
    }
  }
  pop(): Label | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.less(items[l]!, items[m]!)) m = l;
        if (r < items.length && this.less(items[r]!, items[m]!)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m]!, items[i]!];
        i = m;
      }
    }
    return top;
  }
}

interface Step {
  edge: ViewEdge;
  nodeId: string;
}

function stepsOut(view: GraphView, options: PathOptions, excluded: ReadonlySet<string>): Map<string, Step[]> {
  const present = new Set(view.nodes.map((n) => n.id));
  const steps = new Map<string, Step[]>();
  const add = (from: string, step: Step) => (steps.get(from) ?? steps.set(from, []).get(from)!).push(step);
  for (const edge of view.edges) {
    if (!present.has(edge.source) || !present.has(edge.target) || !usable(edge, options)) continue;
    add(edge.source, { edge, nodeId: edge.target });
    if (!options.directed) add(edge.target, { edge, nodeId: edge.source });
  }
  for (const [from, list] of steps) {
    steps.set(from, list.filter((s) => !excluded.has(s.nodeId)).sort((a, b) => compareText(a.nodeId, b.nodeId) || compareText(a.edge.id, b.edge.id)));
  }
  return steps;
}

const onPath = (label: Label, node: string) => {
  for (let l: Label | null = label; l; l = l.parent) if (l.node === node) return true;
  return false;
};

/** The earliest-arriving forward path under one reading of the ties' dates, or null. */
function earliestForward(steps: ReadonlyMap<string, Step[]>, from: string, to: string, intervalOf: (e: ViewEdge) => Interval | null, gap: number, bounds: Interval): Label | null {
  const heap = new LabelHeap();
  const kept = new Map<string, Label[]>();
  const dominated = (l: Label) => (kept.get(l.node) ?? []).some((k) => k !== l && k.lo <= l.lo && k.hi >= l.hi);
  const keep = (l: Label) => {
    const list = (kept.get(l.node) ?? []).filter((k) => !(l.lo <= k.lo && l.hi >= k.hi));
    if (list.length >= LABELS_PER_ACTOR) return false;
    list.push(l);
    kept.set(l.node, list);
    return true;
  };
  const start: Label = { node: from, lo: bounds[0], hi: bounds[1], ties: 0, edgeId: null, parent: null };
  keep(start);
  heap.push(start);
  let examined = 0;
  while (heap.size > 0 && examined++ < MAX_TIME_LABELS) {
    const label = heap.pop()!;
    if (label.node === to) return label;
    if (dominated(label)) continue;
    for (const step of steps.get(label.node) ?? []) {
      if (step.nodeId === label.node || onPath(label, step.nodeId)) continue;
      const period = intervalOf(step.edge);
      if (!period) continue;
      const lo = Math.max(label.lo, period[0]);
      const hi = Math.min(period[1], bounds[1], label.ties === 0 ? Infinity : label.hi + gap);
      if (lo > hi) continue;
      const next: Label = { node: step.nodeId, lo, hi, ties: label.ties + 1, edgeId: step.edge.id, parent: label };
      if (dominated(next) || !keep(next)) continue;
      heap.push(next);
    }
  }
  return null;
}

/** The path's labels from the first step to the last. */
function chain(last: Label): Label[] {
  const labels: Label[] = [];
  for (let l: Label | null = last; l && l.edgeId; l = l.parent) labels.push(l);
  return labels.reverse();
}

const dayOrNull = (day: number) => (Number.isFinite(day) ? dayNumberToIso(day) : null);

/** The earliest arrival of a walk along the given ties under one reading (the search's interval arithmetic), or null when it is not feasible. */
function walkArrival(edges: readonly ViewEdge[], intervalOf: (e: ViewEdge) => Interval | null, gap: number, bounds: Interval): { day: number } | null {
  let lo = bounds[0];
  let hi = bounds[1];
  for (let i = 0; i < edges.length; i++) {
    const period = intervalOf(edges[i]!);
    if (!period) return null;
    const nextLo = Math.max(lo, period[0]);
    const nextHi = Math.min(period[1], bounds[1], i === 0 ? Infinity : hi + gap);
    if (nextLo > nextHi) return null;
    lo = nextLo;
    hi = nextHi;
  }
  return { day: lo };
}

function toTimePath(last: Label, edgeOf: ReadonlyMap<string, ViewEdge>, certainOf: (e: ViewEdge) => Interval | null, gap: number, bounds: Interval, from: string): TimePath {
  const labels = chain(last);
  // The days each step is taken on, consistent with arriving as early as possible: back from the last.
  const days: number[] = new Array(labels.length);
  for (let i = labels.length - 1; i >= 0; i--) {
    const l = labels[i]!;
    days[i] = i === labels.length - 1 ? l.lo : Math.max(l.lo, days[i + 1]! - gap);
  }
  const edges = labels.map((l) => edgeOf.get(l.edgeId!)!);
  const steps: TimedStep[] = labels.map((l, i) => {
    const certain = certainOf(edges[i]!);
    const day = days[i]!;
    return { edgeId: l.edgeId!, on: dayOrNull(day), certainty: certain && certain[0] <= day && day <= certain[1] ? 'certain' : 'possible' };
  });
  const certain = walkArrival(edges, certainOf, gap, bounds);
  return {
    nodeIds: [from, ...labels.map((l) => l.node)],
    edgeIds: labels.map((l) => l.edgeId!),
    length: labels.length,
    steps,
    arrival: dayOrNull(last.lo),
    ...(certain ? { certainArrival: dayOrNull(certain.day) } : {}),
    certainty: certain ? 'certain' : 'possible',
  };
}

/**
 * Time-respecting paths from one actor to another in a view, under the path finder's options
 * (avoid, hubs, direction, types, grade) and the time options. Empty paths (and `timeless` set)
 * when only a path ignoring time joins them.
 */
export function timeRespectingPaths(view: GraphView, fromNodeId: string, toNodeId: string, options: TimePathOptions): TimePathResult {
  const present = new Set(view.nodes.map((n) => n.id));
  if (!present.has(fromNodeId) || !present.has(toNodeId)) return { paths: [], timeless: null };
  const cap = isoToDayNumber(view.asOf);
  const possibleOf = (e: ViewEdge) => tieInterval(e, 'possible', cap);
  const certainOf = (e: ViewEdge) => tieInterval(e, 'certain', cap);
  const bounds: Interval = [options.window?.from ? isoToDayNumber(options.window.from) : -Infinity, options.window?.to ? isoToDayNumber(options.window.to) : Infinity];
  const timeless = () => kShortestPaths(view, fromNodeId, toNodeId, { ...options, k: 1 })[0] ?? null;
  if (fromNodeId === toNodeId) return { paths: [{ nodeIds: [fromNodeId], edgeIds: [], length: 0, steps: [], arrival: null, certainty: 'certain' }], timeless: null };

  if (options.flow === 'window') {
    // Every tie stood at some time within the window: the k shortest paths among those ties.
    const overlaps = (i: Interval | null) => i !== null && i[0] <= bounds[1] && i[1] >= bounds[0];
    const within: GraphView = { ...view, edges: view.edges.filter((e) => overlaps(possibleOf(e))) };
    const edgeOf = new Map(view.edges.map((e) => [e.id, e]));
    const paths = kShortestPaths(within, fromNodeId, toNodeId, options).map((p): TimePath => {
      const steps: TimedStep[] = p.edgeIds.map((id) => ({ edgeId: id, on: null, certainty: overlaps(certainOf(edgeOf.get(id)!)) ? 'certain' : 'possible' }));
      return { ...p, steps, arrival: null, certainty: steps.every((s) => s.certainty === 'certain') ? 'certain' : 'possible' };
    });
    return { paths, timeless: paths.length === 0 ? timeless() : null };
  }

  const gap = options.maxGapDays ?? Infinity;
  const steps = stepsOut(view, options, excludedActors(view, fromNodeId, toNodeId, options));
  const edgeOf = new Map(view.edges.map((e) => [e.id, e]));
  const possible = earliestForward(steps, fromNodeId, toNodeId, possibleOf, gap, bounds);
  if (!possible) return { paths: [], timeless: timeless() };
  const paths = [toTimePath(possible, edgeOf, certainOf, gap, bounds, fromNodeId)];
  if (paths[0]!.certainty === 'possible') {
    const certain = earliestForward(steps, fromNodeId, toNodeId, certainOf, gap, bounds);
    if (certain) paths.push(toTimePath(certain, edgeOf, certainOf, gap, bounds, fromNodeId));
  }
  return { paths, timeless: null };
}
