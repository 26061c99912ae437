// What the map draws, on the wire: columns instead of objects (one array per field, dictionary
// codes for kind, faction and type, row numbers for a tie's ends, a date and its precision in one
// number), so the payload is close in size to the bare ids, ends and positions it must carry.
// GET /api/graph/map writes it with encodeMapPayload; the map reads it with decodeMapPayload.
// Claims, quotes, notes and summaries are not in it: the panels load them on selection.
import { ACTOR_KINDS, DATE_PRECISIONS, FACTIONS, TIE_TYPES, TIE_TYPE_INFO } from '../domain/vocabulary';
import { actorNodeId } from './build-view';
import { dayNumberToIso, isoToDayNumber, type PartialDate } from '../domain/dates';
import { DEFAULT_LAYOUT, serializeGraphQuery, type GraphViewState } from '../validation/graph-queries';
import type { GraphData, GraphEdge, GraphNode, GraphQuery } from './types';
import type { Overview } from './overview';
import { UNGRADED, type HiddenTies } from './cap-hubs';
import { gradeCode } from './view-columns';

export const MAP_PAYLOAD_FORMAT = 'powermap-map/1';

/**
 * 'whole': the whole network, cut in the browser by masks. 'view': a neighbourhood (focus or
 * path) the server cut. 'overview': a large network as groups of actors, with one group's
 * members when it is opened.
 */
export type MapMode = 'whole' | 'view' | 'overview';

export interface ActorColumns {
  slug: string[];
  label: string[];
  kind: number[];
  faction: number[];
  /** Stored layout position, as stored (the map opens exactly on it); null when never laid out. */
  x: (number | null)[];
  y: (number | null)[];
  /** encodeDate of the start and end. */
  start: (number | null)[];
  end: (number | null)[];
  /** Every name variant, for search in the browser and the "also written" list. */
  names: string[][];
}

export interface TieColumns {
  /** Tie ids; the element id is `tie:${id}`. */
  id: string[];
  /** Rows of ActorColumns. */
  source: number[];
  target: number[];
  type: number[];
  role: string[];
  start: (number | null)[];
  end: (number | null)[];
  strength: number[];
  /** gradeCode (0 = A1 … 35 = F6), UNGRADED for none. */
  grade: number[];
  disputed: number[];
  claims: number[];
  notes: number[];
}

export interface GroupColumns {
  faction: number[];
  kind: number[];
  /** Actors in the group on the view's date, under its filters. */
  members: number[];
  /** Ties among the group's own members. */
  inner: number[];
}

export interface MapPayload {
  format: typeof MAP_PAYLOAD_FORMAT;
  mode: MapMode;
  /** The network revision the payload was cut from. */
  revision: number;
  /** The day the server cut the view at (overview and view); the browser cuts 'whole' itself. */
  asOf: string | null;
  /** The vocabularies the codes index into, so a payload reads correctly whatever the client's version. */
  dict: { kinds: string[]; factions: string[]; types: string[]; precisions: string[] };
  actors: ActorColumns;
  ties: TieColumns;
  /** Overview only. */
  groups?: GroupColumns;
  /** Overview only: ties between groups, counted; rows of GroupColumns. */
  groupTies?: { source: number[]; target: number[]; count: number[] };
  /** Overview with an open group: ties from its members (actor rows) to other groups (group rows), counted. */
  memberTies?: { actor: number[]; group: number[]; count: number[] };
  /** Overview: the open group's row, if any. */
  open?: number | null;
  /** Overview with an open group: members left out because the group is larger than the map draws at once. */
  omitted?: number;
  /** Overview: the first and last day a tie of the view starts or ends on, on any date (ISO days); null when none is dated. */
  dated?: { first: string; last: string } | null;
  /** View: capped hubs (actor rows) and how many of their ties the neighbourhood leaves out. */
  hidden?: { actor: number[]; count: number[] };
}

/** A date and its precision as one integer: day number × 4 + precision code. */
export function encodeDate(d: PartialDate | null): number | null {
  return d ? isoToDayNumber(d.date) * 4 + DATE_PRECISIONS.indexOf(d.precision) : null;
}

export function decodeDate(v: number | null, precisions: readonly string[] = DATE_PRECISIONS): PartialDate | null {
  if (v === null) return null;
  const code = ((v % 4) + 4) % 4;
  return { date: dayNumberToIso((v - code) / 4), precision: precisions[code] as PartialDate['precision'] };
}

function gradeOfRank(rank: number): string | null {
  return rank === UNGRADED ? null : `${'ABCDEF'[Math.floor(rank / 6)]}${(rank % 6) + 1}`;
}

export interface EncodeInput {
  mode: MapMode;
  revision: number;
  asOf: string | null;
  graph: GraphData;
  overview?: Overview;
  hidden?: readonly HiddenTies[];
}

export function encodeMapPayload({ mode, revision, asOf, graph, overview, hidden }: EncodeInput): MapPayload {
  const row = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const actors: ActorColumns = { slug: [], label: [], kind: [], faction: [], x: [], y: [], start: [], end: [], names: [] };
  for (const n of graph.nodes) {
    actors.slug.push(n.slug);
    actors.label.push(n.label);
    actors.kind.push(ACTOR_KINDS.indexOf(n.kind));
    actors.faction.push(FACTIONS.indexOf(n.faction));
    actors.x.push(n.x);
    actors.y.push(n.y);
    actors.start.push(encodeDate(n.start));
    actors.end.push(encodeDate(n.end));
    actors.names.push(n.names);
  }
  const ties: TieColumns = { id: [], source: [], target: [], type: [], role: [], start: [], end: [], strength: [], grade: [], disputed: [], claims: [], notes: [] };
  for (const e of graph.edges) {
    const source = row.get(e.source);
    const target = row.get(e.target);
    // A tie whose end is not in the payload cannot be drawn; the cut never sends one.
    if (source === undefined || target === undefined) continue;
    ties.id.push(e.tieId);
    ties.source.push(source);
    ties.target.push(target);
    ties.type.push(TIE_TYPES.indexOf(e.type));
    ties.role.push(e.role);
    ties.start.push(encodeDate(e.start));
    ties.end.push(encodeDate(e.end));
    ties.strength.push(e.strength);
    ties.grade.push(gradeCode(e.grade));
    ties.disputed.push(e.disputed ? 1 : 0);
    ties.claims.push(e.claimCount);
    ties.notes.push(e.noteCount);
  }
  const payload: MapPayload = {
    format: MAP_PAYLOAD_FORMAT,
    mode,
    revision,
    asOf,
    dict: { kinds: [...ACTOR_KINDS], factions: [...FACTIONS], types: [...TIE_TYPES], precisions: [...DATE_PRECISIONS] },
    actors,
    ties,
  };
  if (hidden?.length) {
    payload.hidden = { actor: [], count: [] };
    for (const h of hidden) {
      const actor = row.get(h.nodeId);
      if (actor === undefined) continue;
      payload.hidden.actor.push(actor);
      payload.hidden.count.push(h.count);
    }
  }
  if (overview) {
    const groupRow = new Map(overview.groups.map((g, i) => [g.key, i]));
    payload.groups = {
      faction: overview.groups.map((g) => FACTIONS.indexOf(g.faction)),
      kind: overview.groups.map((g) => ACTOR_KINDS.indexOf(g.kind)),
      members: overview.groups.map((g) => g.members),
      inner: overview.groups.map((g) => g.inner),
    };
    payload.groupTies = { source: [], target: [], count: [] };
    for (const t of overview.groupTies) {
      payload.groupTies.source.push(groupRow.get(t.source)!);
      payload.groupTies.target.push(groupRow.get(t.target)!);
      payload.groupTies.count.push(t.count);
    }
    payload.memberTies = { actor: [], group: [], count: [] };
    for (const t of overview.memberTies) {
      const actor = row.get(t.actor);
      const group = groupRow.get(t.group);
      if (actor === undefined || group === undefined) continue;
      payload.memberTies.actor.push(actor);
      payload.memberTies.group.push(group);
      payload.memberTies.count.push(t.count);
    }
    payload.open = overview.open === null ? null : (groupRow.get(overview.open) ?? null);
    payload.omitted = overview.omitted;
    payload.dated = overview.dated ? { first: overview.dated.first, last: overview.dated.last } : null;
  }
  return payload;
}

export interface DecodedMap {
  mode: MapMode;
  revision: number;
  asOf: string | null;
  /** Actors and ties as the pure graph functions take them (summaries are blank: loaded on selection). */
  graph: GraphData;
  overview: Overview | null;
  /** Capped hubs of a view and the ties it leaves out of each, by node id. */
  hidden: Map<string, number>;
}

/** Reads a payload back into plain graph data; a payload of another format is an error. */
export function decodeMapPayload(payload: MapPayload): DecodedMap {
  if (payload.format !== MAP_PAYLOAD_FORMAT) throw new Error(`Unknown map payload format: ${String(payload.format)}`);
  const { dict, actors, ties } = payload;
  const nodes: GraphNode[] = actors.slug.map((slug, i) => ({
    id: actorNodeId(slug),
    slug,
    label: actors.label[i]!,
    kind: dict.kinds[actors.kind[i]!] as GraphNode['kind'],
    faction: dict.factions[actors.faction[i]!] as GraphNode['faction'],
    summary: '',
    start: decodeDate(actors.start[i]!, dict.precisions),
    end: decodeDate(actors.end[i]!, dict.precisions),
    names: actors.names[i]!,
    x: actors.x[i]!,
    y: actors.y[i]!,
  }));
  const edges: GraphEdge[] = ties.id.map((tieId, e) => {
    const type = dict.types[ties.type[e]!] as GraphEdge['type'];
    return {
      id: `tie:${tieId}`,
      tieId,
      source: nodes[ties.source[e]!]!.id,
      target: nodes[ties.target[e]!]!.id,
      type,
      category: TIE_TYPE_INFO[type].category,
      role: ties.role[e]!,
      start: decodeDate(ties.start[e]!, dict.precisions),
      end: decodeDate(ties.end[e]!, dict.precisions),
      strength: ties.strength[e]!,
      grade: gradeOfRank(ties.grade[e]!),
      disputed: ties.disputed[e] === 1,
      claimCount: ties.claims[e]!,
      noteCount: ties.notes[e]!,
    };
  });
  let overview: Overview | null = null;
  if (payload.groups) {
    const g = payload.groups;
    const groups = g.faction.map((f, i) => {
      const faction = dict.factions[f] as GraphNode['faction'];
      const kind = dict.kinds[g.kind[i]!] as GraphNode['kind'];
      return { key: `${faction}:${kind}`, faction, kind, members: g.members[i]!, inner: g.inner[i]! };
    });
    const gt = payload.groupTies ?? { source: [], target: [], count: [] };
    const mt = payload.memberTies ?? { actor: [], group: [], count: [] };
    overview = {
      groups,
      groupTies: gt.source.map((s, i) => ({ source: groups[s]!.key, target: groups[gt.target[i]!]!.key, count: gt.count[i]! })),
      memberTies: mt.actor.map((a, i) => ({ actor: nodes[a]!.id, group: groups[mt.group[i]!]!.key, count: mt.count[i]! })),
      open: payload.open === null || payload.open === undefined ? null : groups[payload.open]!.key,
      omitted: payload.omitted ?? 0,
      // A payload from before the dates were sent has none: Play then has no range.
      dated: payload.dated ? { first: payload.dated.first, last: payload.dated.last } : null,
    };
  }
  const hidden = new Map((payload.hidden?.actor ?? []).map((a, i) => [nodes[a]!.id, payload.hidden!.count[i]!]));
  return { mode: payload.mode, revision: payload.revision, asOf: payload.asOf, graph: { nodes, edges }, overview, hidden };
}

export const MAP_PAYLOAD_PATH = '/api/graph/map';

/**
 * The address of the payload for a map address. A network small enough to draw whole has one
 * payload whatever the address (the browser cuts every view), so one cached copy serves them all;
 * a large one's depends on the query, and on the traced path or the open group.
 */
export function mapPayloadPath(large: boolean, query: GraphQuery, view: GraphViewState): string {
  // A whole network is cut in the browser, except by the knowledge date: that needs the claims.
  if (!large) return query.known ? `${MAP_PAYLOAD_PATH}?known=${query.known}` : MAP_PAYLOAD_PATH;
  const relevant: GraphViewState = { layout: DEFAULT_LAYOUT };
  if (view.path) relevant.path = view.path;
  else if (view.group && !query.focus) relevant.group = view.group;
  const qs = serializeGraphQuery(query, relevant).toString();
  return qs ? `${MAP_PAYLOAD_PATH}?${qs}` : MAP_PAYLOAD_PATH;
}
