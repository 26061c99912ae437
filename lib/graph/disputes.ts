import { formatPartialDate, type PartialDate, periodEnd } from '../domain/dates';
// Whether the sources behind a tie contradict each other, and how, in words for the tie's page.

export interface DisputeClaim {
  status: string;
  stance: string;
  statedStart: PartialDate | null;
  statedEnd: PartialDate | null;
  statedCurrent: boolean;
  /**
   * When the claim's source was published. "Still current" means current when published, so it
   * only contradicts an end that came before then; null when the source is undated.
   */
  sourcePublished: PartialDate | null;
}

type Edge = 'start' | 'end';

/**
 * The days a stated date could mean. An "as of" start only says the tie had begun by then,
 * so it reaches back indefinitely; '' sorts before every ISO day.
 */
function possibleDays(d: PartialDate, edge: Edge): { from: string; to: string } {
  if (edge === 'start' && d.precision === 'asof') return { from: '', to: d.date };
  return { from: d.date, to: periodEnd(d) };
}

/**
 * Two stated dates contradict only when they cannot both be true: "2020" and "19 Nov 2020"
 * agree (one is merely vaguer), "19 Nov 2020" and "2021" do not.
 */
function datesConflict(a: PartialDate, b: PartialDate, edge: Edge): boolean {
  const pa = possibleDays(a, edge);
  const pb = possibleDays(b, edge);
  return pa.to < pb.from || pb.to < pa.from;
}

/**
 * Whether a source saying "still current" contradicts a stated end. It does unless the end may
 * fall on or after the day the source was published: a page from August that calls a post
 * current does not dispute a September departure. An undated source always conflicts.
 */
function currentConflictsWithEnd(current: DisputeClaim, end: PartialDate): boolean {
  if (!current.sourcePublished) return true;
  return periodEnd(end) < current.sourcePublished.date;
}

function anyConflict(dates: PartialDate[], edge: Edge): boolean {
  return dates.some((a, i) => dates.slice(i + 1).some((b) => datesConflict(a, b, edge)));
}

function listDates(dates: PartialDate[]): string {
  const sorted = [...dates].sort((a, b) => a.date.localeCompare(b.date) || periodEnd(a).localeCompare(periodEnd(b)));
  return [...new Set(sorted.map(formatPartialDate))].join(' or ');
}

function present<T>(value: T | null): value is T {
  return value !== null;
}

/**
 * Human-readable reasons the claims disagree; empty when they agree.
 * Dates are compared among supporting claims only: a refuting source denies the tie
 * altogether, and that already shows up as a disagreement in stance.
 */
export function disputeReasons(claims: readonly DisputeClaim[]): string[] {
  const reasons: string[] = [];

  const markedDisputed = claims.filter((c) => c.status === 'disputed').length;
  if (markedDisputed === 1) reasons.push('A claim is marked disputed');
  else if (markedDisputed > 1) reasons.push(`${markedDisputed} claims are marked disputed`);

  const supporting = claims.filter((c) => c.stance === 'supports');
  const refuting = claims.filter((c) => c.stance !== 'supports');
  if (supporting.length > 0 && refuting.length > 0) {
    const s = supporting.length === 1 ? 'One claim supports the tie' : `${supporting.length} claims support the tie`;
    const r = refuting.length === 1 ? 'one refutes it' : `${refuting.length} refute it`;
    reasons.push(`${s}; ${r}`);
  }

  const ongoing = supporting.filter((c) => c.statedCurrent);
  // A claim that both states an end and says "current" is muddled, not a dispute between sources.
  const endedByOthers = supporting
    .filter((c) => c.statedEnd && ongoing.some((o) => o !== c && currentConflictsWithEnd(o, c.statedEnd!)))
    .map((c) => c.statedEnd)
    .filter(present);
  if (ongoing.length > 0 && endedByOthers.length > 0) {
    reasons.push(`One source says the tie still holds; another says it ended ${listDates(endedByOthers)}`);
  }

  const starts = supporting.map((c) => c.statedStart).filter(present);
  if (anyConflict(starts, 'start')) reasons.push(`Sources disagree on when the tie began: ${listDates(starts)}`);

  const ends = supporting.map((c) => c.statedEnd).filter(present);
  if (anyConflict(ends, 'end')) reasons.push(`Sources disagree on when the tie ended: ${listDates(ends)}`);

  return reasons;
}

export function isDisputed(claims: readonly DisputeClaim[]): boolean {
  return disputeReasons(claims).length > 0;
}
