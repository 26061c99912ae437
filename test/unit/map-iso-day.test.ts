import { describe, expect, it } from 'vitest';
import { addMonths, dayNumberToIso, earliestTieYearStart, isoToDayNumber } from '../../lib/domain/dates';

describe('iso-day arithmetic', () => {
  it('round-trips days', () => {
    for (const iso of ['1970-01-01', '2020-02-29', '2020-09-03', '2026-12-31']) expect(dayNumberToIso(isoToDayNumber(iso))).toBe(iso);
    expect(isoToDayNumber('2020-09-03') - isoToDayNumber('2020-09-02')).toBe(1);
  });

  it('adds months, clamping to the month end', () => {
    expect(addMonths('2020-09-03', 1)).toBe('2020-10-03');
    expect(addMonths('2021-01-31', 1)).toBe('2021-02-28');
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2022-12-15', 1)).toBe('2023-01-15');
  });

  it('starts the time slider on the first day of the earliest tie’s year', () => {
    expect(earliestTieYearStart(['2020-09-03', null, '1994-07-20', undefined], '1991-01-01')).toBe('1994-01-01');
    expect(earliestTieYearStart([null], '1991-01-01')).toBe('1991-01-01');
  });
});
