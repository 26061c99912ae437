// Dates known to a stated precision, and the day arithmetic on ISO days ("2020-09-03") that the
// validation, the graph, the map's slider, the forms and the pages share. Pure string and UTC
// arithmetic, so no result depends on the server's or the browser's locale or timezone.
import type { DatePrecision } from './vocabulary';

/** A stored date: `date` is normalised to a full ISO day, the first day of the period it names. */
export interface PartialDate {
  date: string;
  precision: DatePrecision;
}

/** A date as written, as precise as it is known: "2020", "2020-11", "2020-11-19". */
export interface WrittenDate {
  date: string;
  precision: DatePrecision;
}

const YEAR = /^\d{4}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** YYYY-MM-DD, saying nothing yet of whether the day exists (isRealDay does). */
export const ISO_DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAY = ISO_DAY_PATTERN;
const DAY_MS = 86_400_000;
const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

// --- ISO days ---

/** A day that exists on the calendar: 2020-02-29 does, 2021-02-29 does not. */
export function isRealDay(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return DAY.test(value) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Today as an ISO day in UTC. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Days since 1970-01-01. */
export function isoToDayNumber(iso: string): number {
  return Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS);
}

export function dayNumberToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The same day of a later month, clamped to the month's end (31 Jan + 1 month = 28 or 29 Feb). */
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const d = Number(iso.slice(8, 10));
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

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

// --- Writing and reading partial dates ---

/**
 * Whether a written date fits its precision: a year is "YYYY" (or its first day), a month "YYYY-MM"
 * (or its first day), a day or "as of" a real calendar day.
 */
export function fitsPrecision({ date, precision }: WrittenDate): boolean {
  if (precision === 'year') return YEAR.test(date) || (DAY.test(date) && date.endsWith('-01-01'));
  if (precision === 'month') return MONTH.test(date) || (DAY.test(date) && date.endsWith('-01'));
  return isRealDay(date);
}

/** The stored form of a written date: the first day of its period, so that dates sort as text. */
export function normaliseDate({ date, precision }: WrittenDate): PartialDate {
  return { date: precision === 'year' ? `${date.slice(0, 4)}-01-01` : precision === 'month' ? `${date.slice(0, 7)}-01` : date, precision };
}

/** Precision when a form leaves it to the date: "2020" a year, "2020-11" a month, else a day. */
export function inferPrecision(date: string): DatePrecision {
  if (YEAR.test(date)) return 'year';
  if (/^\d{4}-\d{2}$/.test(date)) return 'month';
  return 'day';
}

/** A stored date as a form shows it: as precise as it is known ("2020", "2020-11", "2020-11-19"). */
export function dateText(d: PartialDate | null | undefined): string {
  if (!d) return '';
  return d.precision === 'year' ? d.date.slice(0, 4) : d.precision === 'month' ? d.date.slice(0, 7) : d.date;
}

// --- Periods ---

/** First ISO day of the period; `date` is already normalised to it. */
export function periodStart(d: PartialDate): string {
  return d.date;
}

/** Last ISO day of the period the date names, so "ended 2020" still holds on 31 Dec 2020. */
export function periodEnd(d: PartialDate): string {
  const { year, month } = splitDay(d.date);
  switch (d.precision) {
    case 'year':
      return `${d.date.slice(0, 4)}-12-31`;
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

/** Earliest dated start among the network's ties, as the first day of its year; fallback when none. */
export function earliestTieYearStart(starts: readonly (string | null | undefined)[], fallback: string): string {
  const dated = starts.filter((s): s is string => typeof s === 'string' && s.length >= 4).sort();
  return dated.length ? `${dated[0]!.slice(0, 4)}-01-01` : fallback;
}

// --- Display ---

function monthName(month: number): string {
  return MONTH_ABBREVIATIONS[month - 1] ?? '???';
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
