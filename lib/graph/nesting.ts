// Which institution sits inside which on the view's date: the map's compound nodes, read from
// dated `subordinate_to` ties (source = the subordinate, target = its superior).
import { compareGrades } from '../domain/grade';
import type { ActorKind } from '../domain/vocabulary';
import { tieStatusAt } from './time-slice';
import type { GraphView, ViewEdge } from './types';

/** Kinds that can contain or be contained: a person or an event is never drawn as a box. */
const NESTING_KINDS: ReadonlySet<ActorKind> = new Set<ActorKind>(['organization', 'state', 'group']);

/** Child node id → parent node id; every child has one parent and the relation has no cycle. */
export type NestingParents = Map<string, string>;

/**
 * Best first: better grade (ungraded last), then earlier start (an unknown start after every known
 * one, since "since when" is then not evidence of anything), then tie id, so the pick never depends
 * on the order the ties arrived in.
 */
function compareCandidates(a: ViewEdge, b: ViewEdge): number {
  if (a.grade !== b.grade) {
    if (a.grade === null) return 1;
    if (b.grade === null) return -1;
    const byGrade = compareGrades(a.grade, b.grade);
    if (byGrade !== 0) return byGrade;
  }
  const sa = a.start?.date ?? null;
  const sb = b.start?.date ?? null;
  if (sa !== sb) {
    if (sa === null) return 1;
    if (sb === null) return -1;
    return sa < sb ? -1 : 1;
  }
  return a.tieId < b.tieId ? -1 : a.tieId > b.tieId ? 1 : 0;
}

/**
 * The nesting on view.asOf. Only ties holding that day nest (a tie that ended, or is drawn past
 * because an end dissolved, no longer does), and only between institutions.
 *
 * A child with several valid parents gets one, since a compound node has a single parent:
 * candidates are taken best first (compareCandidates) and a child keeps the first it is offered.
 * A candidate that would close a cycle (A under B under A, which the data can hold when two sources
 * disagree) is skipped, so the child falls back to its next best parent or stays at the top.
 */
export function nestingParents(view: GraphView): NestingParents {
  const kinds = new Map<string, ActorKind>();
  for (const node of view.nodes) kinds.set(node.id, node.kind);

  const candidates: ViewEdge[] = [];
  for (const edge of view.edges) {
    if (edge.type !== 'subordinate_to' || edge.past || edge.source === edge.target) continue;
    const childKind = kinds.get(edge.source);
    const parentKind = kinds.get(edge.target);
    if (!childKind || !parentKind || !NESTING_KINDS.has(childKind) || !NESTING_KINDS.has(parentKind)) continue;
    if (tieStatusAt(edge, view.asOf) !== 'active') continue;
    candidates.push(edge);
  }
  candidates.sort(compareCandidates);

  const parents: NestingParents = new Map();
  for (const edge of candidates) {
    const child = edge.source;
    if (parents.has(child)) continue;
    if (wouldCycle(parents, child, edge.target)) continue;
    parents.set(child, edge.target);
  }
  return parents;
}

/** Whether putting child under parent closes a loop: the child is already among parent's ancestors. */
function wouldCycle(parents: NestingParents, child: string, parent: string): boolean {
  for (let at: string | undefined = parent; at !== undefined; at = parents.get(at)) {
    if (at === child) return true;
  }
  return false;
}

/** Parent node id → its direct children, in the order of `parents`. */
export function nestingChildren(parents: NestingParents): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const [child, parent] of parents) {
    const list = children.get(parent);
    if (list) list.push(child);
    else children.set(parent, [child]);
  }
  return children;
}
