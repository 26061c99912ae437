// Dates as other tools write them, read into ForeignSpell's ISO forms: "2020", "2020-11",
// "2020-11-19". A timestamp keeps its day ("2020-11-19T10:00:00Z" → "2020-11-19"), since
// Powermap's dates are days at most; anything else is not a date and the reader says so.
import { isRealDay } from '../domain/dates';

const YEAR = /^\d{4}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY_PREFIX = /^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The date in ISO form, or null when the text is not a date (blank text is no date either). */
export function readForeignDate(text: string): string | null {
  const value = text.trim();
  if (YEAR.test(value) || MONTH.test(value)) return value;
  const day = DAY_PREFIX.exec(value)?.[1];
  return day && isRealDay(day) ? day : null;
}
