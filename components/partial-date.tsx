import { formatPartialDate, formatPeriod, type PartialDate } from '@/lib/domain/dates';
// Dates known to a precision, shown the same way on every page (lib/domain/dates.ts),
// with a machine-readable <time> for the precision the date is actually known to.

/** "2020" → 2020, "Nov 2020" → 2020-11, "19 Nov 2020" → 2020-11-19. */
function machineDate(d: PartialDate): string {
  if (d.precision === 'year') return d.date.slice(0, 4);
  if (d.precision === 'month') return d.date.slice(0, 7);
  return d.date;
}

export function PartialDateText({ date }: { date: PartialDate | null }) {
  if (!date) return <span className="muted">unknown</span>;
  return <time dateTime={machineDate(date)}>{formatPartialDate(date)}</time>;
}

/** "Sep 2020 – present"; pass current={false} when an open end is merely unrecorded. */
export function PeriodText({ start, end, current = true }: { start: PartialDate | null; end: PartialDate | null; current?: boolean }) {
  return <span>{formatPeriod(start, end, { current })}</span>;
}
