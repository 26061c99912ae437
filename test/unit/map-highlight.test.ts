import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { clearNeighbourhood, highlightNeighbourhood, markPath } from '../../components/graph/highlight';
import { syncElements } from '../../components/graph/sync-elements';
import { buildView } from '../../lib/graph/build-view';
import { toCytoscapeElements } from '../../lib/graph/cytoscape-elements';
import { shortestPath } from '../../lib/graph/path';
import { miniNetwork } from './fixtures/mini-network';

const view = buildView(miniNetwork, { showEnded: true, hops: 1 }, '2023-01-01');
function instance() {
  const cy = cytoscape({ headless: true, layout: { name: 'preset' } });
  syncElements(cy, toCytoscapeElements(view));
  return cy;
}

describe('hover emphasis', () => {
  it('lights the actor, its neighbours and their ties, and fades the rest', () => {
    const cy = instance();
    highlightNeighbourhood(cy, cy.$id('actor:tertel'));
    const lit = cy.$('.highlighted').map((e) => e.id());
    expect(lit).toEqual(expect.arrayContaining(['actor:tertel', 'actor:kgb', 'actor:lukashenko', 'tie:tertel-leads-kgb']));
    expect(cy.$id('actor:gryzlov').hasClass('hover-faded')).toBe(true);
    expect(cy.$id('actor:kgb').hasClass('hover-faded')).toBe(false);
    clearNeighbourhood(cy);
    expect(cy.$('.highlighted, .hover-faded')).toHaveLength(0);
  });
});

describe('path emphasis', () => {
  it('marks the path and fades everything else, and clears', () => {
    const cy = instance();
    const path = shortestPath(view, 'actor:tsikhanouskaya', 'actor:gryzlov')!;
    markPath(cy, path.nodeIds, path.edgeIds);
    expect(cy.$('.path').map((e) => e.id()).sort()).toEqual([...path.nodeIds, ...path.edgeIds].sort());
    expect(cy.$('.path-faded').length).toBe(cy.elements().length - path.nodeIds.length - path.edgeIds.length);
    markPath(cy, [], []);
    expect(cy.$('.path, .path-faded')).toHaveLength(0);
  });
});
