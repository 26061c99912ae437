// "Who commanded this unit on this date?": from a unit up its dated `subordinate_to` ties, each
// level with whoever `leads` it (or holds a heading post in it) on that day. A tie dated only to a
// year or a month covers that period partly, so a day inside the period is "possible", not
// "certain"; uncertainty carries upward, because a parent's head commands the unit only as surely
// as the unit was under that parent. Missing dates count as standing, as on the map (tieStatusAt).
import { type PartialDate, periodEnd, periodStart } from '../domain/dates';
import type { ActorKind } from '../domain/vocabulary';
import { compareText } from './adjacency';

export type Certainty = 'certain' | 'possible';

export interface ChainActor {
  slug: string;
  label: string;
  kind: ActorKind;
}

export interface ChainTie {
  tieId: string;
  type: string;
  role: string;
  /** Slugs: the subordinate or the head. */
  source: string;
  /** Slugs: the superior or the unit headed. */
  target: string;
  start: PartialDate | null;
  end: PartialDate | null;
}

export interface ChainHead {
  actor: ChainActor;
  role: string;
  tieId: string;
  certainty: Certainty;
}

export interface ChainStep {
  actor: ChainActor;
  /** The subordinate_to tie from the step below; null for the unit asked about. */
  viaTieId: string | null;
  certainty: Certainty;
  heads: ChainHead[];
}

/** A unit's chain on a day, as GET /api/actors/{slug}/chain and the profile show it. */
export interface ChainOfCommand {
  unit: ChainActor;
  on: string;
  steps: ChainStep[];
}

/** How high a chain climbs at most; real hierarchies are a handful of levels deep. */
export const MAX_CHAIN_DEPTH = 12;

/** Roles of a holds_position tie that mean heading the institution (a deputy does not head it). */
const HEADING_ROLE = /\b(head|chief|chair\w*|minister|commander|director|president|leader|governor)\b/i;
const NOT_HEADING_ROLE = /\b(deputy|vice|assistant|aide|adviser|advisor)\b/i;

export function isHeadingTie(tie: Pick<ChainTie, 'type' | 'role'>): boolean {
  if (tie.type === 'leads') return true;
  return tie.type === 'holds_position' && HEADING_ROLE.test(tie.role) && !NOT_HEADING_ROLE.test(tie.role);
}

/**
 * Whether a tie stands on a day: null when it surely does not, "possible" when the day falls
 * inside the year or month its start or end is known to, "certain" otherwise. A day or "as of"
 * date is exact; the end day itself still counts.
 */
export function certaintyOn(tie: Pick<ChainTie, 'start' | 'end'>, on: string): Certainty | null {
  let certainty: Certainty = 'certain';
  if (tie.start) {
    if (periodStart(tie.start) > on) return null;
    if (periodEnd(tie.start) > on) certainty = 'possible';
  }
  if (tie.end) {
    if (periodEnd(tie.end) < on) return null;
    if (periodStart(tie.end) < on && periodEnd(tie.end) !== periodStart(tie.end)) certainty = 'possible';
  }
  return certainty;
}

const weaker = (a: Certainty, b: Certainty): Certainty => (a === 'possible' || b === 'possible' ? 'possible' : 'certain');
const rank = (c: Certainty) => (c === 'certain' ? 0 : 1);

/**
 * The chain from `unit` up: the unit and its heads, then its superior and its heads, and so on
 * until nothing stands above or a cycle closes. Where a unit stands under more than one superior
 * on the day, the chain follows the surest (then the first by name); a superior that is a person
 * ends the chain as its top.
 */
export function chainOfCommand(unit: string, ties: readonly ChainTie[], actors: readonly ChainActor[], on: string): ChainStep[] {
  const bySlug = new Map(actors.map((a) => [a.slug, a]));
  const start = bySlug.get(unit);
  if (!start) return [];
  const steps: ChainStep[] = [];
  const seen = new Set<string>();
  type Climb = { actor: ChainActor; viaTieId: string | null; certainty: Certainty };
  let current: Climb | null = { actor: start, viaTieId: null, certainty: 'certain' };

  while (current && !seen.has(current.actor.slug) && steps.length < MAX_CHAIN_DEPTH) {
    const { actor, certainty }: Climb = current;
    seen.add(actor.slug);
    const heads: ChainHead[] = [];
    if (actor.kind !== 'person') {
      for (const tie of ties) {
        if (tie.target !== actor.slug || !isHeadingTie(tie)) continue;
        const head = bySlug.get(tie.source);
        const stands = certaintyOn(tie, on);
        if (!head || !stands) continue;
        heads.push({ actor: head, role: tie.role, tieId: tie.tieId, certainty: weaker(stands, certainty) });
      }
      heads.sort((a, b) => rank(a.certainty) - rank(b.certainty) || compareText(a.actor.label, b.actor.label));
    }
    steps.push({ ...current, heads });
    if (actor.kind === 'person') break;

    const parents: { tie: ChainTie; stands: Certainty; parent: ChainActor }[] = ties
      .filter((t) => t.type === 'subordinate_to' && t.source === actor.slug && bySlug.has(t.target) && !seen.has(t.target))
      .map((t) => ({ tie: t, stands: certaintyOn(t, on), parent: bySlug.get(t.target)! }))
      .filter((p): p is { tie: ChainTie; stands: Certainty; parent: ChainActor } => p.stands !== null)
      .sort((a, b) => rank(a.stands) - rank(b.stands) || compareText(a.parent.label, b.parent.label));
    const next: (typeof parents)[number] | undefined = parents[0];
    current = next ? { actor: next.parent, viaTieId: next.tie.tieId, certainty: weaker(next.stands, certainty) } : null;
  }
  return steps;
}
