import { describe, expect, it } from 'vitest';
import { disputeReasons, isDisputed, type DisputeClaim } from '../../lib/graph/disputes';
import { asof, day, month, year } from './fixtures/mini-network';

const claim = (over: Partial<DisputeClaim> = {}): DisputeClaim => ({
  status: 'accepted',
  stance: 'supports',
  statedStart: null,
  statedEnd: null,
  statedCurrent: false,
  sourcePublished: null,
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

describe('a "still current" claim read against its publication date', () => {
  const ended = claim({ statedEnd: day('2020-09-03') });
  it('does not dispute an end after the source was published', () => {
    // Tertel chaired the State Control Committee "from 4 June 2020" per a page of 4 Aug 2020; he left on 3 Sep 2020.
    const current = claim({ statedCurrent: true, sourcePublished: day('2020-08-04') });
    expect(isDisputed([current, ended])).toBe(false);
    expect(disputeReasons([current, ended])).toEqual([]);
  });
  it('does not dispute an end on the day of publication, nor one a vague publication date may precede', () => {
    expect(isDisputed([claim({ statedCurrent: true, sourcePublished: day('2020-09-03') }), ended])).toBe(false);
    expect(isDisputed([claim({ statedCurrent: true, sourcePublished: year('2020') }), ended])).toBe(false);
    expect(isDisputed([claim({ statedCurrent: true, sourcePublished: month('2020-09') }), ended])).toBe(false);
  });
  it('still disputes an end that came before the source was published', () => {
    // The 2023 article says Karpenkov "heads" GUBOPiK; he left it on 19 Nov 2020.
    const article = claim({ statedCurrent: true, sourcePublished: year('2023') });
    expect(disputeReasons([article, claim({ statedEnd: day('2020-11-19') })])).toEqual([
      'One source says the tie still holds; another says it ended 19 Nov 2020',
    ]);
    expect(isDisputed([claim({ statedCurrent: true, sourcePublished: day('2020-09-04') }), ended])).toBe(true);
  });
  it('treats an undated source as current today, so any stated end disputes it', () => {
    expect(isDisputed([claim({ statedCurrent: true, sourcePublished: null }), ended])).toBe(true);
  });
  it('names only the ends that conflict', () => {
    const current = claim({ statedCurrent: true, sourcePublished: day('2021-01-01') });
    expect(disputeReasons([current, claim({ statedEnd: day('2020-11-19') }), claim({ statedEnd: day('2021-06-01') })])).toEqual([
      'One source says the tie still holds; another says it ended 19 Nov 2020',
      'Sources disagree on when the tie ended: 19 Nov 2020 or 1 Jun 2021',
    ]);
  });
});
