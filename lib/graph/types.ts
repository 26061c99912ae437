// The network as plain data, shared by the API, the map and the pure graph functions.
// Element ids are prefixed by type (actor:…, tie:…) so nodes and edges never collide.
import type { PartialDate } from '../domain/dates';
import type { ActorKind, Faction, TieCategory, TieType } from '../domain/vocabulary';

export interface GraphNode {
  id: string; // `actor:${slug}`
  slug: string;
  label: string;
  kind: ActorKind;
  faction: Faction;
  summary: string;
  start: PartialDate | null;
  end: PartialDate | null;
  /** Every name variant, in every script, for search. */
  names: string[];
  /** Stored layout position, when one has been computed. */
  x: number | null;
  y: number | null;
}

export interface GraphEdge {
  id: string; // `tie:${tieId}`
  tieId: string;
  source: string; // `actor:${slug}`
  target: string;
  type: TieType;
  category: TieCategory;
  role: string;
  start: PartialDate | null;
  end: PartialDate | null;
  strength: number;
  /** Best claim's grade, like "B2"; null when the tie has no supporting claim. */
  grade: string | null;
  disputed: boolean;
  claimCount: number;
  noteCount: number;
}

export interface GraphData {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** What a view of the network asks for; the page's address and the API's query both parse into this. */
export interface GraphQuery {
  /** ISO day; absent means today. */
  asOf?: string;
  /** Show ties that ended before asOf (drawn dashed) instead of hiding them. */
  showEnded: boolean;
  kinds?: ActorKind[];
  factions?: Faction[];
  types?: TieType[];
  /** Like "B2": keep ties graded B2 or better. */
  minGrade?: string;
  /** Actor slug to centre a neighbourhood on. */
  focus?: string;
  /** ISO day: only claims whose source was published by then count (lib/graph/knowledge.ts). */
  known?: string;
  hops: number;
}

/** Time status of an element at the view's date. */
export type TimeStatus = 'future' | 'active' | 'ended';

export interface ViewNode extends GraphNode {
  /** Dead, dissolved or over at the view's date. */
  ended: boolean;
}

export interface ViewEdge extends GraphEdge {
  /** Ended before the view's date; shown dashed when ended ties are shown. */
  past: boolean;
}

export interface GraphView {
  asOf: string;
  nodes: ViewNode[];
  edges: ViewEdge[];
}
