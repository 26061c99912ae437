// The k shortest paths between two actors in the view the map would show for the same filters
// (GET /api/graph/paths). The search (lib/graph/k-paths) runs on a view cut in SQL, never on the
// whole network: a network the map draws whole is one view (at most the overview threshold's
// worth of actors and ties); a larger one is the hub-capped neighbourhoods of both ends, PATH_HOPS
// each (loadView), as the map itself loads for a traced path, so paths of up to 2 × PATH_HOPS ties
// are found and the map and the API agree. A capped hub's left-out ties still count for maxDegree.
import 'server-only';
import { TIE_TYPE_INFO } from '../../domain/vocabulary';
import { actorNodeId } from '../../graph/build-view';
import { kShortestPaths, type PathOptions } from '../../graph/k-paths';
import { mergeViews } from '../../graph/merge-views';
import { describePath, type GraphPath } from '../../graph/path';
import { timeRespectingPaths, type Certainty, type TimeFlow, type TimedStep } from '../../graph/time-paths';
import type { GraphQuery, GraphView } from '../../graph/types';
import type { PathParams } from '../../validation/path-queries';
import { todayIso } from '../../domain/dates';
import type { Principal } from '../principal';
import { requireReader } from '../read-access';
import { isLargeNetwork, PATH_HOPS } from './load-map';
import { loadView, type LoadedView } from './load-view';

export interface PathActor {
  slug: string;
  label: string;
  kind: string;
  faction: string;
}

export interface PathTie {
  id: string;
  type: string;
  typeLabel: string;
  source: string;
  target: string;
  grade: string | null;
  /** The tie in words, read in its own direction ("Ivan Tertel leads KGB (Chairman)"). */
  sentence: string;
  /** With a time option: the earliest day this step can be taken (null: undated), and whether the tie surely stood then. */
  on?: string | null;
  certainty?: Certainty;
}

export interface FoundPathDto {
  rank: number;
  length: number;
  actors: PathActor[];
  ties: PathTie[];
  /** With time=forward: the earliest day the path possibly arrives (null when no date bounds it). */
  arrival?: string | null;
  /** With time=forward, on a certain path: the earliest day it certainly arrives by. */
  certainArrival?: string | null;
  /** With a time option: certain when the path holds under every tie's narrowest reading of its dates. */
  certainty?: Certainty;
}

export interface LoadedPaths {
  asOf: string;
  /** 'view': the map's whole view; 'neighbourhoods': both ends' neighbourhoods of `hops` each. */
  scope: 'view' | 'neighbourhoods';
  hops: number | null;
  from: PathActor | null;
  to: PathActor | null;
  paths: FoundPathDto[];
  /** The time option asked for, or null for paths ignoring time. */
  time: { flow: TimeFlow; maxGapDays: number | null; from: string | null; to: string | null } | null;
  /** With a time option and no path respecting it: the shortest path ignoring time, when there is one. */
  timeless: { length: number; actors: PathActor[] } | null;
}

export interface LoadPathsOptions {
  today?: string;
  overviewAbove?: number;
}

export async function loadPaths(principal: Principal, query: GraphQuery, params: PathParams, options: LoadPathsOptions = {}): Promise<LoadedPaths> {
  requireReader(principal);
  const today = options.today ?? todayIso();
  const asOf = query.asOf ?? today;
  const large = await isLargeNetwork(principal, { overviewAbove: options.overviewAbove, today });
  let view: GraphView;
  let extraDegree: Map<string, number> | undefined;
  if (!large) {
    view = await loadView(principal, query, { today });
  } else {
    const cuts: Promise<LoadedView>[] = [params.from, params.to].map((end) => loadView(principal, { ...query, focus: end, hops: PATH_HOPS }, { today }));
    if (query.focus) cuts.push(loadView(principal, query, { today }));
    const views = await Promise.all(cuts);
    view = mergeViews(asOf, views);
    // A hub capped in two of the neighbourhoods leaves out at most what the fuller one does.
    extraDegree = new Map();
    for (const v of views) for (const h of v.hidden) extraDegree.set(h.nodeId, Math.min(h.count, extraDegree.get(h.nodeId) ?? Infinity));
    // The map shows nothing when its focus is not there on this date.
    if (query.focus && !view.nodes.some((n) => n.id === actorNodeId(query.focus!))) view = { asOf, nodes: [], edges: [] };
  }

  const pathOptions: PathOptions = {
    k: params.k,
    avoid: (params.avoid ?? []).map(actorNodeId),
    directed: params.direction === 'follow',
    ...(params.maxDegree !== undefined ? { maxDegree: params.maxDegree } : {}),
    ...(params.pathTypes ? { types: params.pathTypes } : {}),
    ...(params.pathMinGrade ? { minGrade: params.pathMinGrade } : {}),
    ...(extraDegree ? { extraDegree } : {}),
  };
  const time = params.time
    ? timeRespectingPaths(view, actorNodeId(params.from), actorNodeId(params.to), {
        ...pathOptions,
        flow: params.time,
        ...(params.maxGapDays !== undefined ? { maxGapDays: params.maxGapDays } : {}),
        window: { from: params.timeFrom, to: params.timeTo },
      })
    : null;
  const found: (GraphPath & { length: number; steps?: TimedStep[]; arrival?: string | null; certainArrival?: string | null; certainty?: Certainty })[] = time
    ? time.paths
    : kShortestPaths(view, actorNodeId(params.from), actorNodeId(params.to), pathOptions);
  const nodes = new Map(view.nodes.map((n) => [n.id, n]));
  const edges = new Map(view.edges.map((e) => [e.id, e]));
  const actor = (nodeId: string): PathActor => {
    const n = nodes.get(nodeId)!;
    return { slug: n.slug, label: n.label, kind: n.kind, faction: n.faction };
  };
  const end = (slug: string) => (nodes.has(actorNodeId(slug)) ? actor(actorNodeId(slug)) : null);
  return {
    asOf: view.asOf || asOf,
    scope: large ? 'neighbourhoods' : 'view',
    hops: large ? PATH_HOPS : null,
    from: end(params.from),
    to: end(params.to),
    time: params.time ? { flow: params.time, maxGapDays: params.maxGapDays ?? null, from: params.timeFrom ?? null, to: params.timeTo ?? null } : null,
    timeless: time?.timeless ? { length: time.timeless.length, actors: time.timeless.nodeIds.map(actor) } : null,
    paths: found.map((path, i) => {
      const sentences = describePath(view, path);
      return {
        rank: i + 1,
        length: path.length,
        actors: path.nodeIds.map(actor),
        ...(path.arrival !== undefined ? { arrival: path.arrival } : {}),
        ...(path.certainArrival !== undefined ? { certainArrival: path.certainArrival } : {}),
        ...(path.certainty ? { certainty: path.certainty } : {}),
        ties: path.edgeIds.map((edgeId, j) => {
          const e = edges.get(edgeId)!;
          const step = path.steps?.[j];
          return {
            id: e.tieId, type: e.type, typeLabel: TIE_TYPE_INFO[e.type].label, source: nodes.get(e.source)!.slug, target: nodes.get(e.target)!.slug, grade: e.grade, sentence: sentences[j]!,
            ...(step ? { on: step.on, certainty: step.certainty } : {}),
          };
        }),
      };
    }),
  };
}
