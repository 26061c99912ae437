import { describe, expect, it } from 'vitest';
import { buildView } from '../../lib/graph/build-view';
import { toCytoscapeElements } from '../../lib/graph/cytoscape-elements';
import { miniNetwork } from './fixtures/mini-network';
import { isWeakGrade } from '../../lib/domain/grade';

describe('isWeakGrade', () => {
  it('fades ungraded ties, unreliable sources and doubtful information', () => {
    expect(isWeakGrade(null)).toBe(true);
    expect(isWeakGrade('D1')).toBe(true);
    expect(isWeakGrade('F6')).toBe(true);
    expect(isWeakGrade('A4')).toBe(true);
    expect(isWeakGrade('nonsense')).toBe(true);
  });

  it('keeps ordinary evidence at full strength', () => {
    for (const grade of ['A1', 'B2', 'C3']) expect(isWeakGrade(grade)).toBe(false);
  });
});

describe('toCytoscapeElements', () => {
  const view = buildView(miniNetwork, { asOf: '2023-01-01', showEnded: true, hops: 1 });
  const elements = toCytoscapeElements(view);

  it('gives every node the fields the API promises, flat for Cytoscape desktop', () => {
    const makei = elements.nodes.find((n) => n.data.id === 'actor:makei')!;
    expect(makei.data).toMatchObject({
      slug: 'makei',
      label: 'Uladzimir Makei',
      name: 'Uladzimir Makei',
      kind: 'person',
      faction: 'belarus-state',
      end: '2022-11-26',
      endPrecision: 'day',
      ended: true,
      displayLabel: 'Uladzimir Makei †',
    });
    for (const node of elements.nodes) {
      for (const value of Object.values(node.data)) {
        expect(value === null || ['string', 'number', 'boolean'].includes(typeof value) || Array.isArray(value)).toBe(true);
      }
    }
  });

  it('gives every edge its ends, type, dates, grade and drawing flags', () => {
    const tertel = elements.edges.find((e) => e.data.id === 'tie:tertel-leads-kgb')!;
    expect(tertel.data).toMatchObject({
      source: 'actor:tertel',
      target: 'actor:kgb',
      type: 'leads',
      interaction: 'leads',
      category: 'position',
      start: '2020-09-03',
      startPrecision: 'day',
      startLabel: '3 Sep 2020',
      end: null,
      grade: 'A1',
      weak: false,
      past: false,
    });
    const makeiPost = elements.edges.find((e) => e.data.id === 'tie:makei-leads-mfa')!;
    expect(makeiPost.data.past).toBe(true);
    const ungraded = elements.edges.find((e) => e.data.id === 'tie:gryzlov-associate-of-putin')!;
    expect(ungraded.data).toMatchObject({ grade: null, weak: true });
  });

  it('carries stored positions, and leaves them out where there are none', () => {
    const graph = structuredClone(miniNetwork);
    graph.nodes[0]!.x = 10;
    graph.nodes[0]!.y = -5;
    const withPositions = toCytoscapeElements(buildView(graph, { showEnded: true, hops: 1 }, '2023-01-01'));
    expect(withPositions.nodes.find((n) => n.data.id === graph.nodes[0]!.id)!.position).toEqual({ x: 10, y: -5 });
    expect(withPositions.nodes.find((n) => n.data.id === graph.nodes[1]!.id)!.position).toBeUndefined();
  });
});
