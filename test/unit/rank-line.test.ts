import { describe, expect, it } from 'vitest';
import { rankLine } from '../../lib/graph/analysis/rank-line';
import { ordinal } from '../../lib/graph/analysis/vocabulary';

describe('rank phrasing', () => {
  it('gives English ordinals, 11th to 13th included', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th', '112th']);
  });

  it('says where an actor ranks, and when it was estimated', () => {
    expect(rankLine({ metric: 'betweenness', rank: 3, of: 74, value: 0.3, method: 'exact' }, '2021-06-01')).toBe('3rd of 74 by betweenness on 1 Jun 2021');
    expect(rankLine({ metric: 'pagerank', rank: 11, of: 20_000, value: 0.01, method: 'exact' }, '2021-06-01')).toBe('11th of 20,000 by PageRank on 1 Jun 2021');
    expect(rankLine({ metric: 'betweenness', rank: 2, of: 20_000, value: 0.1, method: 'sampled' }, '2020-11-05')).toBe('2nd of 20,000 by betweenness on 5 Nov 2020, estimated');
  });
});
