import { describe, expect, it } from 'vitest';
import { hopDistances, neighbourhood } from '../../lib/graph/neighbourhood';
import { sliceAt } from '../../lib/graph/time-slice';
import type { GraphView } from '../../lib/graph/types';
import { id, miniNetwork } from './fixtures/mini-network';

const view = sliceAt(miniNetwork, '2023-01-01', false);
const slugs = (v: GraphView) => v.nodes.map((n) => n.slug).sort();
const tieIds = (v: GraphView) => v.edges.map((e) => e.tieId).sort();

describe('neighbourhood', () => {
  it('takes direct ties in both directions at one hop', () => {
    const v = neighbourhood(view, id('tertel'), 1);
    expect(slugs(v)).toEqual(['kgb', 'lukashenko', 'tertel']);
    // The KGB–Lukashenko tie is among the neighbours, so it is shown too.
    expect(tieIds(v)).toEqual(['kgb-reports-to-lukashenko', 'tertel-appointed-by-lukashenko', 'tertel-leads-kgb']);
    expect(v.asOf).toBe('2023-01-01');
  });

  it('includes ties between two nodes on the outer ring', () => {
    const v = neighbourhood(view, id('tertel'), 2);
    expect(slugs(v)).toEqual(['kgb', 'lukashenko', 'putin', 'russia', 'tertel', 'tsikhanouskaya', 'vakulchik']);
    expect(tieIds(v)).toContain('putin-leads-russia');
    expect(tieIds(v)).not.toContain('gryzlov-represents-russia');
  });

  it('goes only through ties present in the view', () => {
    // With ended ties hidden, Makei's ties are gone, so he stands alone.
    expect(slugs(neighbourhood(view, id('makei'), 3))).toEqual(['makei']);
    const withEnded = sliceAt(miniNetwork, '2023-01-01', true);
    expect(slugs(neighbourhood(withEnded, id('makei'), 1))).toEqual(['lukashenko', 'makei', 'mfa']);
  });

  it('is just the focus at zero hops', () => {
    const v = neighbourhood(view, id('putin'), 0);
    expect(slugs(v)).toEqual(['putin']);
    expect(v.edges).toEqual([]);
  });

  it('is empty for an unknown focus', () => {
    expect(neighbourhood(view, id('nobody'), 2)).toEqual({ asOf: '2023-01-01', nodes: [], edges: [] });
  });
});

describe('hopDistances', () => {
  it('measures ties from the start, ignoring direction', () => {
    const d = hopDistances(view, id('gryzlov'), 3);
    expect(d.get(id('gryzlov'))).toBe(0);
    expect(d.get(id('russia'))).toBe(1);
    expect(d.get(id('putin'))).toBe(1);
    expect(d.get(id('lukashenko'))).toBe(2);
    expect(d.get(id('tertel'))).toBe(3);
    expect(d.has(id('mfa'))).toBe(false);
  });
});
