// A large network as a person can read it at first sight: actors grouped by faction and kind,
// each group one node sized by its members, the ties between two groups one line with a count.
// Opening a group brings its members (the most tied first, up to a limit) and their ties to
// each other and, counted, to every other group. This is the definition; the database computes
// the same with GROUP BY (lib/data/network/load-overview.ts), and a test holds them together.
import { ACTOR_KINDS, FACTIONS, type ActorKind, type Faction } from '../domain/vocabulary';
import { compareText } from './adjacency';
import { periodEnd } from '../domain/dates';
import type { GraphData, GraphEdge, GraphQuery, GraphView } from './types';

export interface OverviewGroup {
  /** `${faction}:${kind}`, as the address's `group` parameter writes it. */
  key: string;
  faction: Faction;
  kind: ActorKind;
  members: number;
  /** Ties between two members of the group. */
  inner: number;
}

export interface Overview {
  /** Faction order, then kind order, as the vocabularies list them. */
  groups: OverviewGroup[];
  /** Ties between two different groups, either direction, counted; source is the earlier group in `groups`. Without the open group. */
  groupTies: { source: string; target: string; count: number }[];
  /** Ties from each shown member of the open group to each other group, counted. */
  memberTies: { actor: string; group: string; count: number }[];
  open: string | null;
  /** Members of the open group not drawn because it has more than the limit. */
  omitted: number;
  /**
   * The first and last day a tie of the view starts or ends on, whatever the view's date (tieDates
   * over allTimeQuery): where Play runs, since the overview holds no ties to read it from.
   */
  dated: TieDates | null;
}

/** The first and last day of a set of ties' dates. */
export interface TieDates {
  first: string;
  last: string;
}

/** A date later than any the network holds: cut at it, with ended ties shown, a view keeps every tie its filters keep. */
export const ALL_TIME = '9999-12-31';

/** The view's filters (types, kinds, factions, grade, knowledge date) on every date at once. */
export function allTimeQuery(query: GraphQuery): GraphQuery {
  // An overview has no focus (loadOverview drops it too).
  const { focus: _focus, ...filters } = query;
  return { ...filters, asOf: ALL_TIME, showEnded: true };
}

/**
 * The first and last day any of these ties starts or ends on (an end on the last day of its
 * period: "2020" ends 2020-12-31); null when none is dated. The map's Play runs between them.
 */
export function tieDates(edges: readonly Pick<GraphEdge, 'start' | 'end'>[]): TieDates | null {
  let first = '';
  let last = '';
  for (const e of edges) {
    for (const day of [e.start?.date, e.end ? periodEnd(e.end) : undefined]) {
      if (!day) continue;
      if (!first || day < first) first = day;
      if (!last || day > last) last = day;
    }
  }
  return first ? { first, last } : null;
}

export function groupKey(faction: string, kind: string): string {
  return `${faction}:${kind}`;
}

/** Reads "faction:kind"; null for anything else. */
export function parseGroupKey(key: string): { faction: Faction; kind: ActorKind } | null {
  const [faction, kind, ...rest] = key.split(':');
  if (rest.length > 0 || !(FACTIONS as readonly string[]).includes(faction ?? '') || !(ACTOR_KINDS as readonly string[]).includes(kind ?? '')) return null;
  return { faction: faction as Faction, kind: kind as ActorKind };
}

export function groupOrder(a: { faction: Faction; kind: ActorKind }, b: { faction: Faction; kind: ActorKind }): number {
  return FACTIONS.indexOf(a.faction) - FACTIONS.indexOf(b.faction) || ACTOR_KINDS.indexOf(a.kind) - ACTOR_KINDS.indexOf(b.kind);
}

/** The members of an open group drawn, most tied first (ties in the view), then by slug. */
export function chooseMembers<T extends { slug: string; degree: number }>(members: T[], limit: number): T[] {
  return [...members].sort((a, b) => b.degree - a.degree || compareText(a.slug, b.slug)).slice(0, limit);
}

export interface OverviewResult {
  overview: Overview;
  /** The open group's drawn members and the ties among them (empty when no group is open). */
  members: GraphView;
}

/**
 * Groups a view (already cut by date and filters). `open` names the group whose members to
 * bring, at most `memberLimit` of them. `dated` is tieDates of the same view on every date
 * (buildView with allTimeQuery), which the view on one date cannot tell.
 */
export function overviewOf(view: GraphView, open: string | null, memberLimit: number, dated: TieDates | null = null): OverviewResult {
  const keyOf = new Map(view.nodes.map((n) => [n.id, groupKey(n.faction, n.kind)]));
  const groups = new Map<string, OverviewGroup>();
  for (const n of view.nodes) {
    const key = keyOf.get(n.id)!;
    const group = groups.get(key) ?? groups.set(key, { key, faction: n.faction, kind: n.kind, members: 0, inner: 0 }).get(key)!;
    group.members += 1;
  }
  const ordered = [...groups.values()].sort(groupOrder);
  const position = new Map(ordered.map((g, i) => [g.key, i]));
  const openKey = open !== null && groups.has(open) ? open : null;

  const pairCounts = new Map<string, { source: string; target: string; count: number }>();
  const degree = new Map<string, number>();
  for (const e of view.edges) {
    const a = keyOf.get(e.source)!;
    const b = keyOf.get(e.target)!;
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    if (e.target !== e.source) degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
    if (a === b) {
      groups.get(a)!.inner += 1;
      continue;
    }
    if (a === openKey || b === openKey) continue;
    const [source, target] = position.get(a)! < position.get(b)! ? [a, b] : [b, a];
    const pair = `${source}|${target}`;
    const entry = pairCounts.get(pair) ?? pairCounts.set(pair, { source, target, count: 0 }).get(pair)!;
    entry.count += 1;
  }
  const groupTies = [...pairCounts.values()].sort((x, y) => position.get(x.source)! - position.get(y.source)! || position.get(x.target)! - position.get(y.target)!);

  let members: GraphView = { asOf: view.asOf, nodes: [], edges: [] };
  let memberTies: Overview['memberTies'] = [];
  let omitted = 0;
  if (openKey) {
    const all = view.nodes.filter((n) => keyOf.get(n.id) === openKey);
    const chosen = chooseMembers(all.map((n) => ({ slug: n.slug, degree: degree.get(n.id) ?? 0, node: n })), memberLimit);
    const shown = new Set(chosen.map((c) => c.node.id));
    omitted = all.length - chosen.length;
    // Members in the view's own order, so the open group reads like any other view.
    members = {
      asOf: view.asOf,
      nodes: view.nodes.filter((n) => shown.has(n.id)),
      edges: view.edges.filter((e) => shown.has(e.source) && shown.has(e.target)),
    };
    const counts = new Map<string, { actor: string; group: string; count: number }>();
    for (const e of view.edges) {
      for (const [member, other] of [
        [e.source, e.target],
        [e.target, e.source],
      ] as const) {
        if (!shown.has(member)) continue;
        const group = keyOf.get(other)!;
        if (group === openKey) continue;
        const k = `${member}|${group}`;
        const entry = counts.get(k) ?? counts.set(k, { actor: member, group, count: 0 }).get(k)!;
        entry.count += 1;
      }
    }
    memberTies = [...counts.values()].sort((x, y) => compareText(x.actor, y.actor) || position.get(x.group)! - position.get(y.group)!);
  }
  return { overview: { groups: ordered, groupTies, memberTies, open: openKey, omitted, dated }, members };
}

/** The graph an overview payload carries besides its groups: the open group's members. */
export function overviewGraph(result: OverviewResult): GraphData {
  return { nodes: result.members.nodes, edges: result.members.edges };
}
