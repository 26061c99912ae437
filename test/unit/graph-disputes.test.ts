import { describe, expect, it } from 'vitest';
import { disputeReasons, isDisputed, type DisputeClaim } from '../../lib/graph/disputes';
import { asof, day, month, year } from './fixtures/mini-network';

const claim = (over: Partial<DisputeClaim> = {}): DisputeClaim => ({
  status: 'accepted',
  stance: 'supports',
  statedStart: null,
  statedEnd: null,
  statedCurrent: false,
  ...over,
});

describe('isDisputed', () => {
  it('is false for no claims, one claim, or agreeing claims', () => {
    expect(isDisputed([])).toBe(false);
    expect(isDisputed([claim({ statedStart: day('2020-09-03') })])).toBe(false);
    expect(isDisputed([claim({ statedStart: day('2020-09-03') }), claim({ statedStart: day('2020-09-03') })])).toBe(false);
  });
  it('is true when a claim is marked disputed', () => {
    expect(isDisputed([claim({ status: 'disputed' })])).toBe(true);
  });
  it('is true when stances differ', () => {
    expect(isDisputed([claim(), claim({ stance: 'refutes' })])).toBe(true);
  });
  it('is true when one says the tie still holds and another gives an end', () => {
    expect(isDisputed([claim({ statedCurrent: true }), claim({ statedEnd: day('2020-11-19') })])).toBe(true);
  });
  it('does not set a claim against itself', () => {
    expect(isDisputed([claim({ statedCurrent: true, statedEnd: day('2020-11-19') })])).toBe(false);
  });
  it('is true when stated starts or ends contradict', () => {
    expect(isDisputed([claim({ statedStart: day('2020-09-03') }), claim({ statedStart: day('2020-09-04') })])).toBe(true);
    expect(isDisputed([claim({ statedEnd: year('2020') }), claim({ statedEnd: month('2021-01') })])).toBe(true);
  });
  it('does not count a vaguer date as a contradiction of a precise one inside it', () => {
    expect(isDisputed([claim({ statedEnd: year('2020') }), claim({ statedEnd: day('2020-11-19') })])).toBe(false);
    expect(isDisputed([claim({ statedStart: month('2020-09') }), claim({ statedStart: day('2020-09-03') })])).toBe(false);
  });
  it('reads an as-of start as "begun by then"', () => {
    expect(isDisputed([claim({ statedStart: asof('2021-03-12') }), claim({ statedStart: year('2019') })])).toBe(false);
    expect(isDisputed([claim({ statedStart: asof('2021-03-12') }), claim({ statedStart: month('2021-04') })])).toBe(true);
  });
  it('compares dates among supporting claims only', () => {
    const refutingWithDate = claim({ stance: 'refutes', statedStart: year('1999') });
    expect(disputeReasons([claim({ statedStart: year('2020') }), refutingWithDate])).toEqual(['One claim supports the tie; one refutes it']);
  });
});

describe('disputeReasons', () => {
  it('is empty when the claims agree', () => {
    expect(disputeReasons([claim(), claim()])).toEqual([]);
  });
  it('explains a current-versus-ended disagreement with the date', () => {
    expect(disputeReasons([claim({ statedCurrent: true }), claim({ statedEnd: day('2020-11-19') })])).toEqual([
      'One source says the tie still holds; another says it ended 19 Nov 2020',
    ]);
  });
  it('lists conflicting dates in order', () => {
    expect(disputeReasons([claim({ statedStart: year('2021') }), claim({ statedStart: day('2020-09-03') })])).toEqual([
      'Sources disagree on when the tie began: 3 Sep 2020 or 2021',
    ]);
    expect(disputeReasons([claim({ statedEnd: day('2020-11-19') }), claim({ statedEnd: year('2022') })])).toEqual([
      'Sources disagree on when the tie ended: 19 Nov 2020 or 2022',
    ]);
  });
  it('counts disputed marks and stances', () => {
    expect(disputeReasons([claim({ status: 'disputed' })])).toEqual(['A claim is marked disputed']);
    const reasons = disputeReasons([
      claim({ status: 'disputed' }),
      claim({ status: 'disputed', stance: 'refutes' }),
      claim({ stance: 'refutes' }),
    ]);
    expect(reasons).toEqual(['2 claims are marked disputed', 'One claim supports the tie; 2 refute it']);
  });
});
