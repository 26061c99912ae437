import { describe, expect, it } from 'vitest';
import { buildView } from '../../lib/graph/build-view';
import { parseGraphQuery } from '../../lib/validation/graph-queries';
import type { GraphQuery, GraphView } from '../../lib/graph/types';
import { miniNetwork } from './fixtures/mini-network';

const slugs = (v: GraphView) => v.nodes.map((n) => n.slug).sort();
const tieIds = (v: GraphView) => v.edges.map((e) => e.tieId).sort();
const base: GraphQuery = { showEnded: true, hops: 1 };

describe('buildView', () => {
  it('uses today when the query has no date', () => {
    const v = buildView(miniNetwork, base, '2020-09-02');
    expect(v.asOf).toBe('2020-09-02');
    expect(tieIds(v)).toContain('vakulchik-leads-kgb');
    expect(tieIds(v)).not.toContain('tertel-leads-kgb');
  });

  it("prefers the query's date to today", () => {
    const v = buildView(miniNetwork, { ...base, asOf: '2020-09-04' }, '2020-09-02');
    expect(v.asOf).toBe('2020-09-04');
    expect(v.edges.find((e) => e.tieId === 'vakulchik-leads-kgb')?.past).toBe(true);
  });

  it('defaults today to the real date', () => {
    expect(buildView(miniNetwork, base).asOf).toBe(new Date().toISOString().slice(0, 10));
  });

  it('slices, filters, then takes the neighbourhood of the focus slug', () => {
    const v = buildView(miniNetwork, { ...base, asOf: '2023-01-01', showEnded: false, focus: 'kgb', hops: 1 });
    expect(slugs(v)).toEqual(['kgb', 'lukashenko', 'tertel']);
    expect(tieIds(v)).toEqual(['kgb-reports-to-lukashenko', 'tertel-appointed-by-lukashenko', 'tertel-leads-kgb']);
  });

  it('keeps the focus even when its kind is filtered out', () => {
    const v = buildView(miniNetwork, { ...base, asOf: '2023-01-01', kinds: ['organization'], focus: 'lukashenko', hops: 1 });
    expect(slugs(v)).toEqual(['kgb', 'lukashenko']);
  });

  it('is empty when the focus does not exist at the date', () => {
    const v = buildView(miniNetwork, { ...base, asOf: '2021-01-01', focus: 'united-transitional-cabinet' });
    expect(v).toEqual({ asOf: '2021-01-01', nodes: [], edges: [] });
  });

  it('applies a parsed address end to end', () => {
    const parsed = parseGraphQuery({ asOf: '2023-01-01', ended: 'hide', minGrade: 'B2', types: 'leads,represents' });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const v = buildView(miniNetwork, parsed.query);
    expect(tieIds(v)).toEqual(['gryzlov-represents-russia', 'putin-leads-russia', 'tertel-leads-kgb', 'tsikhanouskaya-leads-utc']);
    expect(v.nodes).toHaveLength(miniNetwork.nodes.length);
  });
});
