// Who held a post before and after: "Predecessor" and "Successor" on a person's posts, paired by
// the one definition of succession the time comparison uses (successions in changes.ts): same
// type and institution (for a position the same title), a different holder, the predecessor's end
// nearest the successor's start, within a year.
import type { PartialDate } from '../domain/dates';
import type { TieType } from '../domain/vocabulary';
import { successions, type TieChange } from './changes';

export interface PostTie {
  tieId: string;
  type: TieType;
  role: string;
  /** Slugs. */
  source: string;
  target: string;
  start: PartialDate | null;
  end: PartialDate | null;
}

export interface PostNeighbours {
  /** Slug of whoever held the post just before, and the tie they held it by. */
  predecessor?: { slug: string; tieId: string };
  successor?: { slug: string; tieId: string };
}

/** Predecessor and successor of each tie in `ties` that has one, by tie id; `ties` are every post tie into the institutions concerned. */
export function postNeighbours(ties: readonly PostTie[]): Map<string, PostNeighbours> {
  const asChange = (t: PostTie): TieChange => ({ ...t, grade: null, claimCount: 0, on: t.start, certain: true });
  // Earlier posts first, so a chain of holders pairs in the order they served.
  const began = ties.filter((t) => t.start).sort((a, b) => (a.start!.date < b.start!.date ? -1 : a.start!.date > b.start!.date ? 1 : a.tieId < b.tieId ? -1 : 1));
  const result = new Map<string, PostNeighbours>();
  const entry = (tieId: string) => result.get(tieId) ?? result.set(tieId, {}).get(tieId)!;
  for (const pair of successions(began.map(asChange), ties.filter((t) => t.end).map(asChange))) {
    entry(pair.tieId).predecessor = { slug: pair.replaces.source, tieId: pair.replaces.tieId };
    entry(pair.replaces.tieId).successor = { slug: pair.source, tieId: pair.tieId };
  }
  return result;
}
