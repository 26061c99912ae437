// Day arithmetic on ISO days ("2020-09-03") in UTC, for the map's time slider.
const DAY_MS = 86_400_000;

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

/** Earliest dated start among the network's ties, as the first day of its year; fallback when none. */
export function earliestTieYearStart(starts: readonly (string | null | undefined)[], fallback: string): string {
  const dated = starts.filter((s): s is string => typeof s === 'string' && s.length >= 4).sort();
  return dated.length ? `${dated[0]!.slice(0, 4)}-01-01` : fallback;
}
