// Reading and writing partial dates. Pure string arithmetic, so the result never depends
// on the server's locale or timezone.
import type { PartialDate } from './types';

const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function splitDay(iso: string): { year: number; month: number; day: number } {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

function monthName(month: number): string {
  return MONTH_ABBREVIATIONS[month - 1] ?? '???';
}

/** First ISO day of the period; `date` is already normalised to it. */
export function periodStart(d: PartialDate): string {
  return d.date;
}

/** Last ISO day of the period the date names, so "ended 2020" still holds on 31 Dec 2020. */
export function periodEnd(d: PartialDate): string {
  const { year, month } = splitDay(d.date);
  const yyyy = d.date.slice(0, 4);
  switch (d.precision) {
    case 'year':
      return `${yyyy}-12-31`;
    case 'month':
      return `${d.date.slice(0, 7)}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
    default:
      return d.date;
  }
}

/** periodEnd of a date that may be missing: the stored end-day columns of ties and actors. */
export function lastDayOf(d: PartialDate | null): string | null {
  return d ? periodEnd(d) : null;
}

/** "3 Sep 2020", "Sep 2020", "2020", "as of 12 Mar 2021"; "unknown" when there is no date. */
export function formatPartialDate(d: PartialDate | null): string {
  if (!d) return 'unknown';
  const { year, month, day } = splitDay(d.date);
  switch (d.precision) {
    case 'year':
      return String(year);
    case 'month':
      return `${monthName(month)} ${year}`;
    case 'day':
      return `${day} ${monthName(month)} ${year}`;
    case 'asof':
      return `as of ${day} ${monthName(month)} ${year}`;
  }
}

export interface FormatPeriodOptions {
  /**
   * Whether an open end means "still holds". Defaults to true; pass false when the end is
   * merely unrecorded (say, the actor has died) so the text does not claim "present".
   */
  current?: boolean;
}

/** "Sep 2020 – present", "2020 – 19 Nov 2020", "until 19 Nov 2020", "date unknown". */
export function formatPeriod(start: PartialDate | null, end: PartialDate | null, options: FormatPeriodOptions = {}): string {
  const current = options.current ?? true;
  if (!start && !end) return 'date unknown';
  if (!start && end) return `until ${formatPartialDate(end)}`;
  const from = formatPartialDate(start);
  if (!end) return current ? `${from} – present` : `from ${from}`;
  const to = formatPartialDate(end);
  // A one-day event would otherwise read "3 Sep 2020 – 3 Sep 2020".
  if (from === to) return from;
  return `${from} – ${to}`;
}

/** Today as an ISO day in UTC. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
