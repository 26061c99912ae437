// An actor's ties arranged for its profile page: by type, current before past, newest first.
import { TIE_TYPES, TIE_TYPE_INFO, type TieType } from '../domain/vocabulary';
import { compareText } from './adjacency';
import { tieStatusAt } from './time-slice';
import type { GraphEdge } from './types';
import { periodEnd } from '../domain/dates';

/** Formal power first (what an actor holds and leads), then alignment, then the personal, then the rest. */
export const TIE_TYPE_ORDER: readonly TieType[] = [
  'holds_position',
  'leads',
  'represents',
  'subordinate_to',
  'appointed_by',
  'member_of',
  'owns',
  'ally_of',
  'supports',
  'opposes',
  'rival_of',
  'influences',
  'family_of',
  'associate_of',
  'sanctioned_by',
  'participated_in',
];

/** Section headings on a profile page; they must fit ties read in either direction. */
export const TIE_GROUP_LABELS: Record<TieType, string> = {
  holds_position: 'Positions',
  leads: 'Leadership',
  represents: 'Representation',
  subordinate_to: 'Reporting lines',
  appointed_by: 'Appointments',
  member_of: 'Membership',
  owns: 'Ownership',
  ally_of: 'Allies',
  supports: 'Support',
  opposes: 'Opposition',
  rival_of: 'Rivals',
  influences: 'Influence',
  family_of: 'Family',
  associate_of: 'Associates',
  sanctioned_by: 'Sanctions',
  participated_in: 'Participation',
};

/** How a tie reads from its target's side: "KGB is led by Tertel" becomes "led by Tertel". */
export const TIE_INVERSE_LABELS: Record<TieType, string> = {
  holds_position: 'position held by',
  leads: 'led by',
  member_of: 'has member',
  subordinate_to: 'oversees',
  appointed_by: 'appointed',
  ally_of: TIE_TYPE_INFO.ally_of.label,
  supports: 'supported by',
  opposes: 'opposed by',
  rival_of: TIE_TYPE_INFO.rival_of.label,
  influences: 'influenced by',
  represents: 'represented by',
  family_of: TIE_TYPE_INFO.family_of.label,
  associate_of: TIE_TYPE_INFO.associate_of.label,
  owns: 'owned by',
  sanctioned_by: 'sanctioned',
  participated_in: 'had participant',
};

export interface ActorTie<E extends GraphEdge = GraphEdge> {
  edge: E;
  otherNodeId: string;
  /** The actor is the tie's source: "leads KGB" rather than "led by Tertel". */
  outgoing: boolean;
  /** The verb from the actor's side, ready to put before the other actor's name. */
  verb: string;
}

export interface TieGroup<E extends GraphEdge = GraphEdge> {
  type: TieType;
  label: string;
  /** Ties holding at asOf, and ones not yet begun: those are not history. */
  current: ActorTie<E>[];
  past: ActorTie<E>[];
}

/** Latest start first; undated ties last, since their place in time is unknown. */
function byStartDescending(a: ActorTie, b: ActorTie): number {
  const sa = a.edge.start?.date;
  const sb = b.edge.start?.date;
  if (sa !== sb) {
    if (sa === undefined) return 1;
    if (sb === undefined) return -1;
    return compareText(sb, sa);
  }
  const ea = a.edge.end ? periodEnd(a.edge.end) : '9999-12-31';
  const eb = b.edge.end ? periodEnd(b.edge.end) : '9999-12-31';
  return compareText(eb, ea) || compareText(a.edge.id, b.edge.id);
}

/**
 * Groups the actor's ties by type. A tie is past when it ended before asOf, or when it is a
 * ViewEdge already marked past (pass sliceAt's edges to count the other actor's death too).
 * Types with no ties are left out; types outside the known order come last.
 */
export function groupTiesForActor<E extends GraphEdge>(actorNodeId: string, edges: readonly E[], asOf: string): TieGroup<E>[] {
  const groups = new Map<TieType, TieGroup<E>>();
  for (const edge of edges) {
    if (edge.source !== actorNodeId && edge.target !== actorNodeId) continue;
    const outgoing = edge.source === actorNodeId;
    const entry: ActorTie<E> = {
      edge,
      otherNodeId: outgoing ? edge.target : edge.source,
      outgoing,
      verb: outgoing ? TIE_TYPE_INFO[edge.type].label : TIE_INVERSE_LABELS[edge.type],
    };
    const markedPast = 'past' in edge && edge.past === true;
    const isPast = markedPast || tieStatusAt(edge, asOf) === 'ended';
    let group = groups.get(edge.type);
    if (!group) {
      group = { type: edge.type, label: TIE_GROUP_LABELS[edge.type], current: [], past: [] };
      groups.set(edge.type, group);
    }
    (isPast ? group.past : group.current).push(entry);
  }
  const rank = (type: TieType) => {
    const i = TIE_TYPE_ORDER.indexOf(type);
    return i === -1 ? TIE_TYPE_ORDER.length + TIE_TYPES.indexOf(type) : i;
  };
  return [...groups.values()]
    .sort((a, b) => rank(a.type) - rank(b.type))
    .map((group) => ({ ...group, current: group.current.sort(byStartDescending), past: group.past.sort(byStartDescending) }));
}
