import { describe, expect, it } from 'vitest';
import { asof, day, month, year } from './fixtures/mini-network';
import { formatPartialDate, formatPeriod, periodEnd, periodStart, todayIso } from '../../lib/domain/dates';

describe('periodEnd', () => {
  it('ends a year on 31 December', () => {
    expect(periodEnd(year('2020'))).toBe('2020-12-31');
  });
  it('ends a month on its last day, including February in leap and common years', () => {
    expect(periodEnd(month('2020-11'))).toBe('2020-11-30');
    expect(periodEnd(month('2020-12'))).toBe('2020-12-31');
    expect(periodEnd(month('2020-02'))).toBe('2020-02-29');
    expect(periodEnd(month('2021-02'))).toBe('2021-02-28');
    expect(periodEnd(month('1900-02'))).toBe('1900-02-28');
    expect(periodEnd(month('2000-02'))).toBe('2000-02-29');
  });
  it('leaves a day or an as-of date as it is', () => {
    expect(periodEnd(day('2020-09-03'))).toBe('2020-09-03');
    expect(periodEnd(asof('2021-03-12'))).toBe('2021-03-12');
  });
  it('starts at the normalised first day', () => {
    expect(periodStart(month('2020-11'))).toBe('2020-11-01');
  });
});

describe('formatPartialDate', () => {
  it('writes each precision in English without leading zeros', () => {
    expect(formatPartialDate(day('2020-09-03'))).toBe('3 Sep 2020');
    expect(formatPartialDate(month('2020-09'))).toBe('Sep 2020');
    expect(formatPartialDate(year('2020'))).toBe('2020');
    expect(formatPartialDate(asof('2021-03-12'))).toBe('as of 12 Mar 2021');
    expect(formatPartialDate(day('2022-11-26'))).toBe('26 Nov 2022');
    expect(formatPartialDate(day('1999-01-31'))).toBe('31 Jan 1999');
  });
  it('says unknown for a missing date', () => {
    expect(formatPartialDate(null)).toBe('unknown');
  });
});

describe('formatPeriod', () => {
  it('reads an open end as the present', () => {
    expect(formatPeriod(month('2020-09'), null)).toBe('Sep 2020 – present');
    expect(formatPeriod(month('2020-09'), null, { current: true })).toBe('Sep 2020 – present');
  });
  it('does not claim the present when told the tie is not current', () => {
    expect(formatPeriod(month('2020-09'), null, { current: false })).toBe('from Sep 2020');
  });
  it('joins mixed precisions', () => {
    expect(formatPeriod(year('2020'), day('2020-11-19'))).toBe('2020 – 19 Nov 2020');
  });
  it('handles a missing start, both missing, and a one-day period', () => {
    expect(formatPeriod(null, day('2020-11-19'))).toBe('until 19 Nov 2020');
    expect(formatPeriod(null, null)).toBe('date unknown');
    expect(formatPeriod(null, null, { current: true })).toBe('date unknown');
    expect(formatPeriod(day('2020-08-09'), day('2020-08-09'))).toBe('9 Aug 2020');
  });
});

describe('todayIso', () => {
  it('is an ISO day', () => {
    expect(todayIso()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(todayIso()).toBe(new Date().toISOString().slice(0, 10));
  });
});
