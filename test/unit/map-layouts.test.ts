import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { hierarchyDirection, hierarchyPositions } from '../../components/graph/layouts';
import { syncElements } from '../../components/graph/sync-elements';
import { buildView } from '../../lib/graph/build-view';
import { toCytoscapeElements } from '../../lib/graph/cytoscape-elements';
import { miniNetwork, month, tie } from './fixtures/mini-network';

describe('the hierarchy layout', () => {
  it('knows which way each rank-bearing tie runs', () => {
    expect(hierarchyDirection('leads')).toBe('down');
    expect(hierarchyDirection('subordinate_to')).toBe('up');
    expect(hierarchyDirection('appointed_by')).toBe('up');
    expect(hierarchyDirection('opposes')).toBeNull();
  });

  it('puts superiors above the people and bodies under them', () => {
    const cy = cytoscape({ headless: true, layout: { name: 'preset' } });
    syncElements(cy, toCytoscapeElements(buildView(miniNetwork, { showEnded: true, hops: 1 }, '2023-01-01')));
    const positions = hierarchyPositions(cy);
    expect(positions.size).toBe(cy.nodes().length);
    const y = (slug: string) => positions.get(`actor:${slug}`)!.y;
    expect(y('lukashenko')).toBeLessThan(y('tertel')); // Tertel appointed by Lukashenko
    expect(y('tertel')).toBeLessThan(y('kgb')); // Tertel leads the KGB
    expect(y('lukashenko')).toBeLessThan(y('kgb')); // the KGB reports to Lukashenko
    expect(y('putin')).toBeLessThan(y('russia'));
  });

  it('lets a current tie outrank a past one between the same two actors', () => {
    const graph = structuredClone(miniNetwork);
    // Tertel held a post in the KGB before he led it: the past post would put the KGB above him.
    graph.edges.push(tie('tertel-holds-position-kgb', 'tertel', 'holds_position', 'kgb', { start: month('2008-11'), end: month('2020-06') }));
    const cy = cytoscape({ headless: true, layout: { name: 'preset' } });
    syncElements(cy, toCytoscapeElements(buildView(graph, { showEnded: true, hops: 1 }, '2023-01-01')));
    const positions = hierarchyPositions(cy);
    expect(positions.get('actor:tertel')!.y).toBeLessThan(positions.get('actor:kgb')!.y);
  });
});
