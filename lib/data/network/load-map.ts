// What the map draws for an address, as the compact payload of lib/graph/map-payload.ts, and the
// key that names it. A network of up to `overviewAbove` actors and ties goes whole (the browser
// cuts every view from it); a larger one goes as an overview (load-overview.ts), or as the
// neighbourhoods a focus or a traced path asks for (load-view.ts).
//
// The key (the ETag of GET /api/graph/map) is derived from the network revision, a database value,
// so it is right with several app servers on one database: the revision is read before the data
// it keys, so a change committed in between leaves the key older than the data, never newer.
// Encoded bodies are kept per key in a small in-process cache; a key never names two bodies.
import 'server-only';
import { createHash } from 'node:crypto';
import { getConnection, getDb } from '../../db/client';
import { sqlDialect } from '../../db/sql';
import { cutByKnowledge } from '../../graph/knowledge';
import { claimsOfTies } from './known-claims';
import { actorNodeId } from '../../graph/build-view';
import { encodeMapPayload, MAP_PAYLOAD_FORMAT, type MapMode } from '../../graph/map-payload';
import { todayIso } from '../../domain/dates';
import { mergeViews } from '../../graph/merge-views';
import { withProvisionalPositions } from '../../graph/place-beside-neighbours';
import type { GraphData, GraphQuery } from '../../graph/types';
import { DEFAULT_HOPS, serializeGraphQuery, type GraphViewState } from '../../validation/graph-queries';
import { loadGraph } from '../graph';
import { canSeeInternal, type Principal } from '../principal';
import { requireReader } from '../read-access';
import { liveTieWhere } from '../read-models';
import { allTimeQuery, type TieDates } from '../../graph/overview';
import { loadOverview, OPEN_GROUP_LIMIT } from './load-overview';
import { loadView, type LoadedView } from './load-view';
import { getNetworkRevision } from './network-revision';

/** Actors plus ties above which the map opens as an overview: drawing more at once is not readable. */
export const DEFAULT_OVERVIEW_ABOVE = 4000;
/** Hops walked from each end of a traced path on a large network (a path of up to twice this is found). */
export const PATH_HOPS = 2;

export function overviewAboveFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = Number(env.POWERMAP_MAP_OVERVIEW_ABOVE);
  return Number.isInteger(raw) && raw >= 0 ? raw : DEFAULT_OVERVIEW_ABOVE;
}

export interface MapAddress {
  query: GraphQuery;
  view: GraphViewState;
}

export interface MapPlan {
  mode: MapMode;
  revision: number;
  /** Quoted, ready for the ETag header. */
  etag: string;
  /** The part of the address the payload depends on. */
  address: MapAddress;
  today: string;
}

/** Live actors and ties, counted once per revision (the count only changes when the revision does). */
let counted: { revision: number; elements: number } | null = null;

async function countElements(revision: number): Promise<number> {
  if (counted?.revision === revision) return counted.elements;
  const db = await getDb();
  const [actors, ties] = await Promise.all([db.actor.count({ where: { deletedAt: null } }), db.tie.count({ where: liveTieWhere })]);
  counted = { revision, elements: actors + ties };
  return counted.elements;
}

export interface PlanOptions {
  overviewAbove?: number;
  today?: string;
}

/** Whether the network is too large to draw whole, so the map opens on an overview. */
export async function isLargeNetwork(principal: Principal, options: PlanOptions = {}): Promise<boolean> {
  requireReader(principal);
  const revision = await getNetworkRevision();
  return (await countElements(revision)) > (options.overviewAbove ?? overviewAboveFromEnv());
}

/** Decides what to send for an address and names it, without reading the network itself. */
export async function planMap(principal: Principal, address: MapAddress, options: PlanOptions = {}): Promise<MapPlan> {
  requireReader(principal);
  const revision = await getNetworkRevision();
  const overviewAbove = options.overviewAbove ?? overviewAboveFromEnv();
  const today = options.today ?? todayIso();
  const large = (await countElements(revision)) > overviewAbove;
  const { query, view } = address;
  const mode: MapMode = !large ? 'whole' : query.focus || view.path ? 'view' : 'overview';
  // Only what the payload depends on: nothing of the address for a whole network (the browser cuts it).
  const relevant: MapAddress =
    mode === 'whole'
      ? { query: { showEnded: true, hops: DEFAULT_HOPS, ...(query.known ? { known: query.known } : {}) }, view: { layout: 'force' } }
      : { query, view: { layout: 'force', ...(mode === 'view' && view.path ? { path: view.path } : {}), ...(mode === 'overview' && view.group ? { group: view.group } : {}) } };
  const key = JSON.stringify([
    MAP_PAYLOAD_FORMAT,
    // The overview's tie dates joined the payload after its format was named: no browser revalidates an older body.
    'dated',
    revision,
    mode,
    serializeGraphQuery(relevant.query, relevant.view).toString(),
    // Note counts differ for those who may read internal notes.
    canSeeInternal(principal) ? 'internal' : 'public',
    // An absent date means today, which moves at midnight; a whole network does not depend on it.
    mode === 'whole' || query.asOf ? '' : today,
    overviewAbove,
    OPEN_GROUP_LIMIT,
  ]);
  return { mode, revision, etag: revisionEtag(key), address: relevant, today };
}

/**
 * A read's ETag from its key, which must hold the network revision and everything else the answer
 * depends on (date, audience): the one way GET /api/graph/map and the chain of command make theirs.
 * Quoted, ready for the header.
 */
export function revisionEtag(key: string): string {
  return `"${createHash('sha256').update(key).digest('base64url').slice(0, 27)}"`;
}

/** Whether an If-None-Match header names this plan's ETag (a list, weak forms and * included). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/**
 * What a focus and a traced path's ends draw: their neighbourhoods, cut and hub-capped in SQL,
 * as one graph, with what the caps left out of each hub. With neither, the whole view on its date.
 */
export async function cutFocusAndPath(
  principal: Principal,
  query: GraphQuery,
  pathEnds: readonly string[],
  today: string,
): Promise<{ graph: GraphData; hidden: { nodeId: string; count: number }[] }> {
  const cuts: Promise<LoadedView>[] = [];
  if (query.focus || pathEnds.length === 0) cuts.push(loadView(principal, query, { today }));
  for (const end of pathEnds) cuts.push(loadView(principal, { ...query, focus: end, hops: PATH_HOPS }, { today }));
  const views = await Promise.all(cuts);
  const graph = mergeViews(query.asOf ?? today, views);
  // A focus that is not on the map on this date gives nothing, not its path ends' surroundings.
  const focusMissing = query.focus && !graph.nodes.some((n) => n.id === actorNodeId(query.focus!));
  // A hub capped in two of the neighbourhoods leaves out at most what the fuller one does.
  const hidden = new Map<string, number>();
  for (const v of views) for (const h of v.hidden) hidden.set(h.nodeId, Math.min(h.count, hidden.get(h.nodeId) ?? Infinity));
  return {
    graph: focusMissing ? { nodes: [], edges: [] } : { nodes: graph.nodes, edges: graph.edges },
    hidden: [...hidden].map(([nodeId, count]) => ({ nodeId, count })),
  };
}

async function payloadFor(principal: Principal, plan: MapPlan): Promise<string> {
  const { query, view } = plan.address;
  if (plan.mode === 'whole') {
    // Actors the layout job has not placed yet are drawn beside their neighbours.
    const whole = await loadGraph(principal);
    // As known on a day: the browser still cuts every date, from the ties known by then.
    const known = query.known;
    let graph = whole;
    if (known) {
      const { kind, db } = await getConnection();
      graph = cutByKnowledge(whole, await claimsOfTies(db, sqlDialect(kind), whole.edges.map((e) => e.tieId)), known);
    }
    graph = withProvisionalPositions(graph);
    return JSON.stringify(encodeMapPayload({ mode: 'whole', revision: plan.revision, asOf: null, graph }));
  }
  if (plan.mode === 'overview') {
    // The tie dates do not move with the date: Play's later steps reuse the first step's.
    const datesKey = JSON.stringify([plan.revision, serializeGraphQuery(allTimeQuery(query)).toString()]);
    const known = datesCache.has(datesKey) ? { dated: datesCache.get(datesKey)! } : {};
    const loaded = await loadOverview(principal, query, { today: plan.today, open: view.group ?? null, ...known });
    datesCache.set(datesKey, loaded.overview.dated);
    while (datesCache.size > CACHE_ENTRIES) datesCache.delete(datesCache.keys().next().value!);
    return JSON.stringify(
      encodeMapPayload({ mode: 'overview', revision: plan.revision, asOf: loaded.asOf, graph: loaded.members, overview: loaded.overview }),
    );
  }
  // A focus, a traced path, or both: the neighbourhoods they need, cut and hub-capped in SQL.
  const { graph, hidden } = await cutFocusAndPath(principal, query, view.path ?? [], plan.today);
  return JSON.stringify(encodeMapPayload({ mode: 'view', revision: plan.revision, asOf: query.asOf ?? plan.today, graph, hidden }));
}

/** The overview's tie dates per revision and filters (the most recent few): Play asks for an overview a step at a time. */
const datesCache = new Map<string, TieDates | null>();

const CACHE_ENTRIES = 8;
const cache = new Map<string, string>();

/** The encoded payload for a plan; bodies are kept per ETag, the most recently used last. */
export async function loadMapPayload(principal: Principal, plan: MapPlan): Promise<string> {
  const hit = cache.get(plan.etag);
  if (hit !== undefined) {
    cache.delete(plan.etag);
    cache.set(plan.etag, hit);
    return hit;
  }
  const body = await payloadFor(principal, plan);
  cache.set(plan.etag, body);
  while (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return body;
}
