// The map's masks over columns must show exactly what buildView shows: the same actors and ties,
// the same ended and past marks, for every kind of query, on the mini network and on generated ones.
import { describe, expect, it } from 'vitest';
import { buildView } from '../../lib/graph/build-view';
import type { GraphData, GraphQuery } from '../../lib/graph/types';
import { UNGRADED } from '../../lib/graph/cap-hubs';
import { createViewMaterialiser, gradeCode, graphColumns, MARKED, viewMask } from '../../lib/graph/view-columns';
import { miniNetwork } from './fixtures/mini-network';
import { generatedNetwork as generated, randomQueries } from './fixtures/random-network';

function expectAgreement(graph: GraphData, queries: GraphQuery[], today: string) {
  const columns = graphColumns(graph);
  const materialise = createViewMaterialiser(graph);
  for (const q of queries) {
    const expected = buildView(graph, q, today);
    const mask = viewMask(columns, q, today);
    const got = materialise(mask);
    expect(got, JSON.stringify(q)).toEqual(expected);
    expect([mask.nodeCount, mask.edgeCount]).toEqual([expected.nodes.length, expected.edges.length]);
  }
}

describe('viewMask', () => {
  it('agrees with buildView on the mini network at every date that matters', () => {
    const dates = ['1990-01-01', '2016-10-31', '2016-11-01', '2020-09-02', '2020-09-03', '2020-09-04', '2022-11-26', '2022-11-27', '2023-01-01'];
    const queries: GraphQuery[] = [];
    for (const asOf of dates) {
      for (const showEnded of [true, false]) {
        queries.push({ asOf, showEnded, hops: 1 });
        queries.push({ asOf, showEnded, hops: 2, focus: 'kgb' });
        queries.push({ asOf, showEnded, hops: 1, focus: 'lukashenko', kinds: ['organization'] });
        queries.push({ asOf, showEnded, hops: 1, minGrade: 'B2', types: ['leads', 'represents'] });
        queries.push({ asOf, showEnded, hops: 3, factions: ['belarus-opposition'], focus: 'united-transitional-cabinet' });
      }
    }
    queries.push({ showEnded: true, hops: 1 });
    expectAgreement(miniNetwork, queries, '2024-05-01');
  });

  it('agrees with buildView on generated networks under random queries', () => {
    for (const seed of [1, 2, 3]) {
      const graph = generated(seed, 200, 800);
      expectAgreement(graph, randomQueries(graph, seed * 7, 80), '2024-05-01');
    }
  }, 30_000);

  it('marks ended actors and past ties, and reuses one object per row and mark', () => {
    const columns = graphColumns(miniNetwork);
    const materialise = createViewMaterialiser(miniNetwork);
    const mask = viewMask(columns, { asOf: '2023-01-01', showEnded: true, hops: 1 }, '2024-05-01');
    expect(mask.nodes[columns.nodeIndex.get('actor:makei')!]).toBe(MARKED);
    const a = materialise(mask);
    const b = materialise(viewMask(columns, { asOf: '2023-01-01', showEnded: true, hops: 1, types: ['leads'] }, '2024-05-01'));
    expect(b.nodes[0]).toBe(a.nodes[0]);
  });

  it('codes grades by their stored rank, ungraded last', () => {
    expect(gradeCode('A1')).toBe(0);
    expect(gradeCode('F6')).toBe(35);
    expect(gradeCode(null)).toBe(UNGRADED);
    expect(gradeCode('b2')).toBe(UNGRADED);
  });
});
