// Words for the profile, tie and source pages, from plain data. Pure, so the pages and their
// unit tests agree; every date goes through lib/domain/dates, so dates read the same everywhere.
import { TIE_TYPE_INFO, type ActorKind, type TieType } from '@/lib/domain/vocabulary';
import type { TieTimeStatus } from '@/lib/graph/tie-status';
import { formatPartialDate, formatPeriod, type PartialDate } from '@/lib/domain/dates';

/** "Born 30 Aug 1954", "Founded 1991, dissolved 2003", an event's span; null when nothing is known. */
export function lifeDates(kind: ActorKind, start: PartialDate | null, end: PartialDate | null): string | null {
  if (!start && !end) return null;
  if (kind === 'event') return formatPeriod(start, end, { current: false });
  const [begin, finish] = kind === 'person' ? ['Born', 'died'] : ['Founded', 'dissolved'];
  if (start && end) return `${begin} ${formatPartialDate(start)}, ${finish} ${formatPartialDate(end)}`;
  if (start) return `${begin} ${formatPartialDate(start)}`;
  return `${finish[0]!.toUpperCase()}${finish.slice(1)} ${formatPartialDate(end)}`;
}

/**
 * A tie's dates as a period. "present" only for a tie that still holds: a tie that is past
 * because an actor died has no recorded end, and must not read "– present".
 */
export function tiePeriod(start: PartialDate | null, end: PartialDate | null, status: TieTimeStatus): string {
  return formatPeriod(start, end, { current: status !== 'past' });
}

/** "Nikolay Karpenkov leads GUBOPiK": a tie always reads from its source to its target. */
export function tieSentence(source: { name: string }, type: TieType, target: { name: string }): string {
  return `${source.name} ${TIE_TYPE_INFO[type].label} ${target.name}`;
}

export const CLAIM_STATUS_LABELS: Record<string, string> = {
  accepted: 'Accepted',
  disputed: 'Disputed',
  needs_review: 'Needs review',
};
export const claimStatusLabel = (status: string) => CLAIM_STATUS_LABELS[status] ?? status;

export interface StatedDates {
  stance: string;
  statedStart: PartialDate | null;
  statedEnd: PartialDate | null;
  statedCurrent: boolean;
}

/**
 * What a claim says about when: "Says it began 19 Nov 2020 and still holds", "Denies the tie".
 * Null when the claim says nothing about dates (the quote speaks for itself).
 */
export function claimSays(claim: StatedDates): string | null {
  if (claim.stance === 'refutes') return 'Denies the tie';
  const parts: string[] = [];
  if (claim.statedStart) parts.push(`${claim.statedStart.precision === 'asof' ? 'held' : 'began'} ${formatPartialDate(claim.statedStart)}`);
  if (claim.statedEnd) parts.push(`ended ${formatPartialDate(claim.statedEnd)}`);
  if (claim.statedCurrent) parts.push('still holds');
  if (parts.length === 0) return null;
  const last = parts.pop()!;
  return `Says it ${parts.length > 0 ? `${parts.join(', ')} and ${last}` : last}`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Only http(s) addresses become links; anything else stays text. */
export const isWebUrl = (url: string | null | undefined): url is string => typeof url === 'string' && /^https?:\/\/\S+$/i.test(url);
