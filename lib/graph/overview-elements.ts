// An overview as Cytoscape elements: each group one node, sized so its area follows its members,
// placed on a ring in faction then kind order (so one faction's groups sit together and a line
// between two groups never runs through a third); the ties between two groups one line whose
// width and label give their count. An open group's members sit inside the ring at their stored
// layout, scaled to fit, with their ties to each other group counted.
import { FACTION_LABELS, type ActorKind } from '../domain/vocabulary';
import { edgeElementData, nodeElementData, type EdgeElementData, type NodeElementData } from './cytoscape-elements';
import type { Overview, OverviewGroup } from './overview';
import type { GraphView } from './types';

export const KIND_PLURALS: Record<ActorKind, string> = {
  person: 'people',
  organization: 'organisations',
  state: 'states',
  group: 'groups',
  event: 'events',
};

export function groupNodeId(key: string): string {
  return `group:${key}`;
}

/** The counted line between two groups. */
export function groupTieId(t: { source: string; target: string }): string {
  return `groups:${t.source}|${t.target}`;
}

/** The counted line from an open group's member to another group. */
export function memberTieId(t: { actor: string; group: string }): string {
  return `member:${t.actor}|${t.group}`;
}

export function groupLabel(group: Pick<OverviewGroup, 'faction' | 'kind'>): string {
  return `${FACTION_LABELS[group.faction]} · ${KIND_PLURALS[group.kind]}`;
}

export interface GroupNodeData {
  id: string;
  group: true;
  key: string;
  kind: OverviewGroup['kind'];
  faction: OverviewGroup['faction'];
  members: number;
  label: string;
  displayLabel: string;
  /** Diameter in model pixels: area grows with the members. */
  size: number;
}

export interface AggregateEdgeData {
  id: string;
  source: string;
  target: string;
  aggregate: true;
  /** A member's ties to a group rather than a group's to a group. */
  member: boolean;
  count: number;
  countLabel: string;
  width: number;
}

export interface OverviewElements {
  nodes: { data: GroupNodeData | NodeElementData; position: { x: number; y: number } }[];
  edges: { data: AggregateEdgeData | EdgeElementData }[];
}

/** Room around each group on the ring, beyond its own size, for its label. */
const RING_GAP = 120;

export function groupSize(members: number): number {
  return Math.round(Math.min(220, 26 + 9 * Math.sqrt(members)));
}

export function countWidth(count: number): number {
  return Math.round(Math.min(14, 1 + 1.6 * Math.log2(1 + count)) * 10) / 10;
}

const formatCount = (n: number) => n.toLocaleString('en-GB');

function groupData(g: OverviewGroup): GroupNodeData {
  const label = groupLabel(g);
  return {
    id: groupNodeId(g.key),
    group: true,
    key: g.key,
    kind: g.kind,
    faction: g.faction,
    members: g.members,
    label,
    displayLabel: `${label}\n${formatCount(g.members)} ${g.members === 1 ? 'actor' : 'actors'}`,
    size: groupSize(g.members),
  };
}

function aggregate(id: string, source: string, target: string, count: number, member: boolean): { data: AggregateEdgeData } {
  return { data: { id, source, target, aggregate: true, member, count, countLabel: formatCount(count), width: countWidth(count) } };
}

/** Groups on a ring from the top, clockwise, each given an arc as wide as its size plus a gap. */
function ringPositions(groups: OverviewGroup[], innerRadius: number): Map<string, { x: number; y: number }> {
  const arcs = groups.map((g) => groupSize(g.members) + RING_GAP);
  const circumference = arcs.reduce((a, b) => a + b, 0);
  const radius = Math.max(innerRadius, circumference / (2 * Math.PI));
  const positions = new Map<string, { x: number; y: number }>();
  let along = 0;
  groups.forEach((g, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * (along + arcs[i]! / 2)) / circumference;
    along += arcs[i]!;
    positions.set(g.key, { x: Math.round(Math.cos(angle) * radius), y: Math.round(Math.sin(angle) * radius) });
  });
  return positions;
}

/** Members at their stored layout, scaled into a disc around the origin; unplaced ones on an inner ring. */
function memberPositions(members: GraphView): { positions: Map<string, { x: number; y: number }>; radius: number } {
  const radius = Math.max(260, 34 * Math.sqrt(members.nodes.length));
  const placed = members.nodes.filter((n) => n.x !== null && n.y !== null);
  const xs = placed.map((n) => n.x!);
  const ys = placed.map((n) => n.y!);
  const cx = placed.length ? (Math.min(...xs) + Math.max(...xs)) / 2 : 0;
  const cy = placed.length ? (Math.min(...ys) + Math.max(...ys)) / 2 : 0;
  const half = placed.length ? Math.max(1, ...placed.map((n) => Math.hypot(n.x! - cx, n.y! - cy))) : 1;
  const scale = radius / half;
  const positions = new Map<string, { x: number; y: number }>();
  const unplaced = members.nodes.filter((n) => n.x === null || n.y === null);
  for (const n of placed) positions.set(n.id, { x: (n.x! - cx) * scale, y: (n.y! - cy) * scale });
  unplaced.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, unplaced.length);
    positions.set(n.id, { x: Math.cos(angle) * radius * 0.5, y: Math.sin(angle) * radius * 0.5 });
  });
  return { positions, radius };
}

export function overviewElements(overview: Overview, members: GraphView): OverviewElements {
  const shownGroups = overview.groups.filter((g) => g.key !== overview.open);
  const nodes: OverviewElements['nodes'] = [];
  const edges: OverviewElements['edges'] = [];
  if (overview.open === null) {
    const ring = ringPositions(shownGroups, 200);
    for (const g of shownGroups) nodes.push({ data: groupData(g), position: ring.get(g.key)! });
  } else {
    const { positions, radius } = memberPositions(members);
    const ring = ringPositions(shownGroups, radius + 260);
    for (const g of shownGroups) nodes.push({ data: groupData(g), position: ring.get(g.key)! });
    for (const n of members.nodes) nodes.push({ data: nodeElementData(n), position: positions.get(n.id)! });
    for (const e of members.edges) edges.push({ data: edgeElementData(e) });
    for (const t of overview.memberTies) edges.push(aggregate(memberTieId(t), t.actor, groupNodeId(t.group), t.count, true));
  }
  for (const t of overview.groupTies) edges.push(aggregate(groupTieId(t), groupNodeId(t.source), groupNodeId(t.target), t.count, false));
  return { nodes, edges };
}

/**
 * What changed between two overviews of the same groups, as the map marks a change
 * (components/graph/change-marks): a group or a counted line that grew (or appeared) is added, one
 * that shrank (or went) is ended; an open group's members and their own ties by whether they are
 * there. Play steps through the overview with it, one date against the one before.
 */
export function overviewChangeMarks(before: OverviewResultLike, after: OverviewResultLike): { added: Set<string>; ended: Set<string> } {
  const added = new Set<string>();
  const ended = new Set<string>();
  const compare = (was: ReadonlyMap<string, number>, now: ReadonlyMap<string, number>) => {
    for (const [id, n] of now) {
      const m = was.get(id) ?? 0;
      if (n > m) added.add(id);
      else if (n < m) ended.add(id);
    }
    for (const id of was.keys()) if (!now.has(id)) ended.add(id);
  };
  compare(countsOf(before), countsOf(after));
  const present = (r: OverviewResultLike) => new Map([...r.members.nodes, ...r.members.edges].map((e) => [e.id, 1]));
  compare(present(before), present(after));
  return { added, ended };
}

/** An overview and the open group's members, as the map's payload brings them. */
export interface OverviewResultLike {
  overview: Overview;
  members: { nodes: readonly { id: string }[]; edges: readonly { id: string }[] };
}

function countsOf({ overview }: OverviewResultLike): Map<string, number> {
  const counts = new Map<string, number>();
  for (const g of overview.groups) if (g.key !== overview.open) counts.set(groupNodeId(g.key), g.members);
  for (const t of overview.groupTies) counts.set(groupTieId(t), t.count);
  for (const t of overview.memberTies) counts.set(memberTieId(t), t.count);
  return counts;
}
