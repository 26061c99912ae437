// Predecessor and successor of posts on a hand-made institution: three holders in turn, a deputy
// beside them, and a post with a month-dated start.
import { describe, expect, it } from 'vitest';
import { postNeighbours, type PostTie } from '../../lib/graph/post-successions';
import type { PartialDate } from '../../lib/domain/dates';
import type { DatePrecision } from '../../lib/domain/vocabulary';

const d = (date: string, precision: DatePrecision = 'day'): PartialDate => ({ date, precision });
const post = (tieId: string, source: string, over: Partial<PostTie> = {}): PostTie => ({ tieId, type: 'leads', role: 'Head', source, target: 'unit', start: null, end: null, ...over });

describe('postNeighbours', () => {
  it('pairs holders in turn, a month-dated start included, and leaves the deputy alone', () => {
    const ties = [
      post('a', 'ann', { start: d('2012-11-01', 'month'), end: d('2020-09-03') }),
      post('b', 'bob', { start: d('2020-09-03'), end: d('2020-11-19') }),
      post('c', 'cat', { start: d('2020-11-01', 'month') }),
      post('dep', 'dan', { type: 'holds_position', role: 'Deputy head', start: d('2020-01-01', 'year') }),
    ];
    const n = postNeighbours(ties);
    expect(n.get('a')).toEqual({ successor: { slug: 'bob', tieId: 'b' } });
    expect(n.get('b')).toEqual({ predecessor: { slug: 'ann', tieId: 'a' }, successor: { slug: 'cat', tieId: 'c' } });
    expect(n.get('c')).toEqual({ predecessor: { slug: 'bob', tieId: 'b' } });
    expect(n.has('dep')).toBe(false);
  });
  it('pairs nobody across more than a year', () => {
    expect(postNeighbours([post('a', 'ann', { end: d('2010-01-01') }), post('b', 'bob', { start: d('2012-01-01') })]).size).toBe(0);
  });
});
