import { describe, expect, it } from 'vitest';
import { claimSays, isWebUrl, lifeDates, plural, tiePeriod, tieSentence } from '../../components/profile/format';
import { asof, day, month, year } from './fixtures/mini-network';
import { describeGrade } from '../../lib/domain/grade';

describe('lifeDates', () => {
  it('says born and died for people, in the dates’ own precision', () => {
    expect(lifeDates('person', day('1954-08-30'), null)).toBe('Born 30 Aug 1954');
    expect(lifeDates('person', year('1953'), day('2022-11-26'))).toBe('Born 1953, died 26 Nov 2022');
    expect(lifeDates('person', null, day('2023-08-23'))).toBe('Died 23 Aug 2023');
  });

  it('says founded and dissolved for organisations, states and groups', () => {
    expect(lifeDates('organization', day('1991-03-28'), null)).toBe('Founded 28 Mar 1991');
    expect(lifeDates('group', month('1996-10'), year('2003'))).toBe('Founded Oct 1996, dissolved 2003');
    expect(lifeDates('state', null, year('1991'))).toBe('Dissolved 1991');
  });

  it('gives an event its span, never "present"', () => {
    expect(lifeDates('event', day('2023-06-23'), day('2023-06-24'))).toBe('23 Jun 2023 – 24 Jun 2023');
    expect(lifeDates('event', day('2010-12-19'), day('2010-12-19'))).toBe('19 Dec 2010');
    expect(lifeDates('event', day('2020-08-09'), null)).toBe('from 9 Aug 2020');
  });

  it('is null when nothing is known', () => {
    expect(lifeDates('person', null, null)).toBeNull();
  });
});

describe('tiePeriod', () => {
  it('runs to "present" only for a tie that still holds', () => {
    expect(tiePeriod(month('2020-09'), null, 'current')).toBe('Sep 2020 – present');
    expect(tiePeriod(day('2012-08-20'), null, 'past')).toBe('from 20 Aug 2012');
    expect(tiePeriod(asof('2020-09-07'), day('2020-11-19'), 'past')).toBe('as of 7 Sep 2020 – 19 Nov 2020');
    expect(tiePeriod(year('2020'), null, 'current')).toBe('2020 – present');
    expect(tiePeriod(null, null, 'current')).toBe('date unknown');
  });
});

describe('claimSays', () => {
  const claim = { stance: 'supports', statedStart: null, statedEnd: null, statedCurrent: false };
  it('puts what a claim says about dates in words', () => {
    expect(claimSays({ ...claim, statedCurrent: true })).toBe('Says it still holds');
    expect(claimSays({ ...claim, statedEnd: day('2020-11-19') })).toBe('Says it ended 19 Nov 2020');
    expect(claimSays({ ...claim, statedStart: asof('2020-09-07') })).toBe('Says it held as of 7 Sep 2020');
    expect(claimSays({ ...claim, statedStart: year('2014'), statedEnd: day('2023-08-23') })).toBe('Says it began 2014 and ended 23 Aug 2023');
    expect(claimSays({ ...claim, statedStart: day('2020-11-19'), statedEnd: year('2024'), statedCurrent: true })).toBe(
      'Says it began 19 Nov 2020, ended 2024 and still holds',
    );
  });

  it('says a refuting claim denies the tie, and is silent when a claim gives no dates', () => {
    expect(claimSays({ ...claim, stance: 'refutes', statedCurrent: true })).toBe('Denies the tie');
    expect(claimSays(claim)).toBeNull();
  });
});

describe('small words', () => {
  it('reads a tie from its source to its target', () => {
    expect(tieSentence({ name: 'Nikolay Karpenkov' }, 'leads', { name: 'GUBOPiK' })).toBe('Nikolay Karpenkov leads GUBOPiK');
    expect(tieSentence({ name: 'GUBOPiK' }, 'subordinate_to', { name: 'MVD' })).toBe('GUBOPiK reports to MVD');
  });

  it('spells out a grade for its tooltip', () => {
    expect(describeGrade('B2')).toBe('Source B (usually reliable), information 2 (probably true)');
    expect(describeGrade('weird')).toBe('weird');
  });

  it('counts in words', () => {
    expect([plural(0, 'claim'), plural(1, 'claim'), plural(4, 'claim')]).toEqual(['0 claims', '1 claim', '4 claims']);
  });

  it('lets only http(s) addresses become links', () => {
    expect(isWebUrl('https://president.gov.by/en')).toBe(true);
    expect(isWebUrl('http://example.org/a?b=c')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,hi', 'JAVASCRIPT:alert(1)', '//evil.example', 'https://a b', '', null, undefined]) {
      expect(isWebUrl(bad), String(bad)).toBe(false);
    }
  });
});
