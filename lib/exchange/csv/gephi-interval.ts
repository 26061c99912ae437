// Gephi's spreadsheet syntax for when an element exists, the "Time Interval" column:
// "<[2020-08-09, 2021-01-01]>", several intervals separated by ";" ("<[2000, 2004]; [2008, inf]>"),
// open ends as "-inf" / "inf", bounds as ISO dates or numbers. Gephi reads the bounds as instants,
// so Powermap writes whole days: a period's first day to its last ("2020" → 2020-01-01 … 2020-12-31),
// and keeps the precision in its own start and end columns.
import { periodEnd, periodStart, type PartialDate } from '../../domain/dates';
import { readForeignDate } from '../foreign-date';
import type { ForeignSpell } from '../foreign-graph';

/** The interval of a start and an end, or '' when neither is known (the element always exists). */
export function formatGephiInterval(start: PartialDate | null, end: PartialDate | null): string {
  if (!start && !end) return '';
  return `<[${start ? periodStart(start) : '-inf'}, ${end ? periodEnd(end) : 'inf'}]>`;
}

const OPEN = /^[-+]?(inf|infinity)$/i;
/** Gephi and its users write years as numbers, often doubles ("2020.0"). */
const YEAR_NUMBER = /^(\d{4})(?:\.0+)?$/;

function readBound(text: string): { ok: true; value: string | null } | { ok: false } {
  const value = text.trim();
  if (value === '' || OPEN.test(value)) return { ok: true, value: null };
  const year = YEAR_NUMBER.exec(value)?.[1];
  if (year) return { ok: true, value: year };
  const date = readForeignDate(value.replace(/^"|"$/g, ''));
  return date ? { ok: true, value: date } : { ok: false };
}

/** The spells a Time Interval cell names, or an error in words; '' is no spell at all. */
export function parseGephiInterval(text: string): { spells: ForeignSpell[] } | { error: string } {
  let body = text.trim();
  if (body === '') return { spells: [] };
  if (body.startsWith('<') && body.endsWith('>')) body = body.slice(1, -1).trim();
  const spells: ForeignSpell[] = [];
  for (const part of body.split(';')) {
    const interval = part.trim();
    if (interval === '') continue;
    const match = /^[[(]\s*([^,]*?)\s*,\s*([^,]*?)\s*[\])]$/.exec(interval);
    if (!match) return { error: `"${text.trim()}" is not a Gephi time interval (write <[2020-08-09, 2021-01-01]>)` };
    const start = readBound(match[1]!);
    const end = readBound(match[2]!);
    if (!start.ok || !end.ok) return { error: `"${text.trim()}" has a bound that is not a date (use YYYY, YYYY-MM, YYYY-MM-DD, -inf or inf)` };
    spells.push({ start: start.value, end: end.value });
  }
  return { spells };
}
