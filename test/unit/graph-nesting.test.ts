// Institutions nesting on a date and collapsed parents, on hand-made networks: every date
// precision of a subordinate_to tie, ended ties, cycles, several parents, aggregation's count and grade.
import { describe, expect, it } from 'vitest';
import { nestingParents } from '../../lib/graph/nesting';
import { aggregateEdgeId, aggregateLabel, collapseNesting, parseAggregateEdgeId } from '../../lib/graph/collapse-nesting';
import { toCytoscapeElements } from '../../lib/graph/cytoscape-elements';
import type { PartialDate } from '../../lib/domain/dates';
import type { ActorKind, DatePrecision, TieType } from '../../lib/domain/vocabulary';
import type { GraphView, ViewEdge, ViewNode } from '../../lib/graph/types';

const d = (date: string, precision: DatePrecision = 'day'): PartialDate => ({ date, precision });
function node(slug: string, kind: ActorKind = 'organization'): ViewNode {
  return { id: `actor:${slug}`, slug, label: slug, kind, faction: 'belarus-state', summary: '', start: null, end: null, names: [slug], x: null, y: null, ended: false };
}
function tie(tieId: string, source: string, target: string, over: Partial<ViewEdge> & { type?: TieType } = {}): ViewEdge {
  return {
    id: `tie:${tieId}`, tieId, source: `actor:${source}`, target: `actor:${target}`, type: 'subordinate_to', category: 'formal',
    role: '', start: null, end: null, strength: 5, grade: 'B2', disputed: false, claimCount: 1, noteCount: 0, past: false, ...over,
  } as ViewEdge;
}
const view = (asOf: string, nodes: ViewNode[], edges: ViewEdge[]): GraphView => ({ asOf, nodes, edges });
const slugMap = (m: Map<string, string>) => Object.fromEntries([...m].map(([c, p]) => [c.slice(6), p.slice(6)]));

describe('nestingParents', () => {
  it('nests institutions under their superior; people and events never nest', () => {
    const v = view('2021-01-01', [node('mvd'), node('gubopik'), node('almaz', 'group'), node('minister', 'person'), node('kgb')], [
      tie('g', 'gubopik', 'mvd'), tie('a', 'almaz', 'mvd'), tie('k', 'kgb', 'minister'), tie('m', 'minister', 'mvd'),
      tie('l', 'gubopik', 'kgb', { type: 'ally_of' as TieType }),
    ]);
    expect(slugMap(nestingParents(v))).toEqual({ gubopik: 'mvd', almaz: 'mvd' });
  });

  it('follows the date at every precision: a start counts from its period, an end until its last day', () => {
    const nodes = [node('p'), node('y'), node('m'), node('dd'), node('e')];
    const edges = [
      tie('y', 'y', 'p', { start: d('2020-01-01', 'year') }),
      tie('m', 'm', 'p', { start: d('2020-06-01', 'month'), end: d('2020-12-01', 'month') }),
      tie('dd', 'dd', 'p', { start: d('2020-06-15'), end: d('2020-06-20') }),
      tie('e', 'e', 'p', { end: d('2020-01-01', 'year') }),
    ];
    expect(Object.keys(slugMap(nestingParents(view('2019-12-31', nodes, edges))))).toEqual(['e']);
    expect(Object.keys(slugMap(nestingParents(view('2020-06-15', nodes, edges)))).sort()).toEqual(['dd', 'e', 'm', 'y']);
    expect(Object.keys(slugMap(nestingParents(view('2020-12-31', nodes, edges)))).sort()).toEqual(['e', 'm', 'y']);
    expect(Object.keys(slugMap(nestingParents(view('2021-01-01', nodes, edges))))).toEqual(['y']);
  });

  it('drops ties drawn past (an ended tie shown with showEnded, or a dissolved end)', () => {
    const v = view('2021-01-01', [node('p'), node('c')], [tie('t', 'c', 'p', { past: true })]);
    expect(nestingParents(v).size).toBe(0);
  });

  it('picks one parent among several: best grade, then earliest start (unknown last), then tie id', () => {
    const nodes = [node('c'), node('p1'), node('p2'), node('p3')];
    expect(slugMap(nestingParents(view('2021-01-01', nodes, [tie('a', 'c', 'p1', { grade: 'C3' }), tie('b', 'c', 'p2', { grade: 'B3' }), tie('z', 'c', 'p3', { grade: null })])))).toEqual({ c: 'p2' });
    expect(slugMap(nestingParents(view('2021-01-01', nodes, [tie('a', 'c', 'p1'), tie('b', 'c', 'p2', { start: d('2015', 'year') }), tie('c', 'c', 'p3', { start: d('2010-05-01', 'month') })])))).toEqual({ c: 'p3' });
    expect(slugMap(nestingParents(view('2021-01-01', nodes, [tie('b', 'c', 'p2'), tie('a', 'c', 'p1')])))).toEqual({ c: 'p1' });
  });

  it('never closes a cycle: the worse tie of a loop gives way, and a self-tie is ignored', () => {
    const nodes = [node('a'), node('b'), node('c')];
    const edges = [tie('1', 'a', 'b', { grade: 'A1' }), tie('2', 'b', 'c', { grade: 'A2' }), tie('3', 'c', 'a', { grade: 'C3' }), tie('4', 'a', 'a')];
    expect(slugMap(nestingParents(view('2021-01-01', nodes, edges)))).toEqual({ a: 'b', b: 'c' });
    // The looping child falls back to its next parent when it has one.
    const more = [...edges, tie('5', 'c', 'x', { grade: 'F6' })];
    expect(slugMap(nestingParents(view('2021-01-01', [...nodes, node('x')], more)))).toEqual({ a: 'b', b: 'c', c: 'x' });
  });
});

describe('collapseNesting', () => {
  // mvd ⊃ gubopik ⊃ unit; mvd ⊃ almaz; outsiders: minister (person), court, protest.
  const nodes = [node('mvd'), node('gubopik'), node('unit'), node('almaz'), node('minister', 'person'), node('court'), node('protest', 'event')];
  const edges = [
    tie('g', 'gubopik', 'mvd'), tie('u', 'unit', 'gubopik'), tie('a', 'almaz', 'mvd'),
    tie('l1', 'minister', 'mvd', { type: 'leads' as TieType, grade: 'A1' }),
    tie('r1', 'gubopik', 'protest', { type: 'participated_in' as TieType, grade: 'C3' }),
    tie('r2', 'unit', 'protest', { type: 'participated_in' as TieType, grade: 'B2', past: true }),
    tie('r3', 'almaz', 'protest', { type: 'participated_in' as TieType, grade: null }),
    tie('r4', 'mvd', 'protest', { type: 'participated_in' as TieType, grade: 'D4' }),
    tie('c1', 'court', 'unit', { type: 'ally_of' as TieType, grade: 'E5' }),
    tie('x', 'unit', 'almaz', { type: 'ally_of' as TieType }),
  ];
  const v = view('2021-01-01', nodes, edges);
  const elements = toCytoscapeElements(v);
  const parents = nestingParents(v);

  it('expanded: sets compound parents and passes every tie through unchanged', () => {
    const out = collapseNesting(elements, parents, new Set());
    const byId = new Map(out.nodes.map((n) => [n.data.id, n.data]));
    expect(byId.get('actor:gubopik')?.parent).toBe('actor:mvd');
    expect(byId.get('actor:unit')?.parent).toBe('actor:gubopik');
    expect(byId.get('actor:mvd')?.compound).toBe(true);
    expect(byId.get('actor:mvd')?.parent).toBeUndefined();
    expect(out.edges.map((e) => e.data.id)).toEqual(elements.edges.map((e) => e.data.id));
    expect(out.edges[0]).toBe(elements.edges[0]);
  });

  it('collapsed: descendants leave, their ties aggregate on the parent with count and best grade, inner ties vanish', () => {
    const out = collapseNesting(elements, parents, new Set(['actor:mvd']));
    expect(out.nodes.map((n) => n.data.slug)).toEqual(['mvd', 'minister', 'court', 'protest']);
    const mvd = out.nodes[0]!.data;
    expect(mvd).toMatchObject({ collapsed: true, compound: true, hiddenCount: 3 });
    const byId = new Map(out.edges.map((e) => [e.data.id, e.data]));
    // The minister's tie to the parent itself stays as it was.
    expect(byId.get('tie:l1')?.aggregate).toBeUndefined();
    // mvd's own tie to the protest stays apart; the three children's ties merge into one.
    expect(byId.get('tie:r4')?.source).toBe('actor:mvd');
    const protest = byId.get('agg:mvd.protest.participated_in')!;
    expect(protest).toMatchObject({ aggregate: true, aggregateCount: 3, grade: 'B2', aggregateLabel: '×3, best B2', past: false, source: 'actor:mvd', target: 'actor:protest' });
    expect(protest.tieIds).toEqual(['r1', 'r2', 'r3']);
    const court = byId.get('agg:court.mvd.ally_of')!;
    expect(court).toMatchObject({ aggregateCount: 1, grade: 'E5', weak: true, aggregateLabel: '×1, best E5' });
    // subordinate_to ties inside and unit–almaz are between the parent and its own children.
    expect([...byId.keys()].sort()).toEqual(['agg:court.mvd.ally_of', 'agg:mvd.protest.participated_in', 'tie:l1', 'tie:r4']);
  });

  it('collapses an inner parent alone, and the outer one wins when both are collapsed', () => {
    const inner = collapseNesting(elements, parents, new Set(['actor:gubopik']));
    expect(inner.nodes.map((n) => n.data.slug)).not.toContain('unit');
    expect(inner.nodes.find((n) => n.data.slug === 'gubopik')?.data).toMatchObject({ parent: 'actor:mvd', collapsed: true, hiddenCount: 1 });
    const ids = inner.edges.map((e) => e.data.id);
    expect(ids).toContain('agg:gubopik.almaz.ally_of');
    expect(ids).not.toContain('tie:u');
    const protest = inner.edges.find((e) => e.data.id === 'agg:gubopik.protest.participated_in')!.data;
    // gubopik's own tie to the protest stays apart; only the hidden unit's is redrawn.
    expect(protest).toMatchObject({ aggregateCount: 1, grade: 'B2', tieIds: ['r2'] });
    expect(ids).toContain('tie:r1');

    const both = collapseNesting(elements, parents, new Set(['actor:gubopik', 'actor:mvd']));
    expect(both.nodes.map((n) => n.data.slug)).toEqual(['mvd', 'minister', 'court', 'protest']);
    expect(both.nodes[0]!.data.hiddenCount).toBe(3);
  });

  it('ignores a collapsed id that has no children on this date', () => {
    const out = collapseNesting(elements, parents, new Set(['actor:court', 'actor:nobody']));
    expect(out.nodes).toHaveLength(nodes.length);
    expect(out.edges).toHaveLength(edges.length);
  });

  it('labels aggregates with an ungraded fallback', () => {
    expect(aggregateLabel(4, 'B2')).toBe('×4, best B2');
    expect(aggregateLabel(2, null)).toBe('×2, ungraded');
  });

  it('names a merged tie by its ends and type, and reads the name back', () => {
    expect(aggregateEdgeId('actor:mvd', 'actor:protest', 'participated_in')).toBe('agg:mvd.protest.participated_in');
    expect(parseAggregateEdgeId('agg:mvd.protest.participated_in')).toEqual({ source: 'actor:mvd', target: 'actor:protest', type: 'participated_in' });
    for (const bad of ['tie:x', 'agg:mvd.protest', 'agg:mvd..x', 'agg:a.b.c.d', 'agg:actor:a.b.c']) expect(parseAggregateEdgeId(bad)).toBeNull();
  });
});
