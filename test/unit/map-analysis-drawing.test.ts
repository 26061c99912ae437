// What keeps a restyle of the large map cheap, checked without a browser: analysis sizes and
// colours drawn from node data by the stylesheet's last rules (and cleared back to it), lone ties
// drawn straight, and a metric's input and rows packed for the worker and back unchanged.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { ANALYSIS_FIELDS, ANALYSIS_SIZE, applyAnalysisStyle, communityColour } from '../../components/graph/analysis-style';
import { applyMask, loneTies, maskedElements } from '../../components/graph/apply-mask';
import { LONE_TIE_CLASS, graphStylesheet } from '../../components/graph/graph-style';
import { syncElements } from '../../components/graph/sync-elements';
import { analysisInput, computeMetric } from '../../lib/graph/analysis/metrics';
import { packInput, packResult, unpackInput, unpackResult } from '../../lib/graph/analysis/packed-input';
import { buildView } from '../../lib/graph/build-view';
import { toCytoscapeElements } from '../../lib/graph/cytoscape-elements';
import { graphColumns, viewMask } from '../../lib/graph/view-columns';
import { cloneMiniNetwork, miniNetwork, tie } from './fixtures/mini-network';

const ASOF = '2023-01-01';
const view = buildView(miniNetwork, { showEnded: true, hops: 1 }, ASOF);

function styled() {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStylesheet(), layout: { name: 'preset' } });
  syncElements(cy, toCytoscapeElements(view));
  return cy;
}

describe('analysis drawn from node data', () => {
  it('sizes the encoded nodes over the stylesheet, writes only what changed, and clears back to the stylesheet', () => {
    const cy = styled();
    const [first, second] = cy.nodes().map((n) => n.id());
    const before = cy.$id(second!).style('width');
    applyAnalysisStyle(cy, { kind: 'size', values: new Map([[first!, 10], [second!, 0]]) });
    expect(parseFloat(cy.$id(first!).style('width'))).toBeCloseTo(ANALYSIS_SIZE.max);
    expect(parseFloat(cy.$id(second!).style('width'))).toBeCloseTo(ANALYSIS_SIZE.min);
    // The same encoding again touches no node.
    let writes = 0;
    cy.on('data', () => writes++);
    applyAnalysisStyle(cy, { kind: 'size', values: new Map([[first!, 10], [second!, 0]]) });
    expect(writes).toBe(0);
    // Another kind of encoding leaves no size behind.
    applyAnalysisStyle(cy, { kind: 'community', values: new Map([[first!, 1]]) });
    expect(cy.$id(first!).data(ANALYSIS_FIELDS.size)).toBeUndefined();
    const hex = Number.parseInt(communityColour(1).slice(1), 16);
    expect(cy.$id(first!).style('background-color')).toBe(`rgb(${hex >> 16},${(hex >> 8) & 255},${hex & 255})`);
    applyAnalysisStyle(cy, null);
    expect(cy.nodes(`[${ANALYSIS_FIELDS.colour}], [${ANALYSIS_FIELDS.size}]`).length).toBe(0);
    expect(cy.$id(second!).style('width')).toBe(before);
  });
});

describe('lone ties', () => {
  it('marks a tie lone only when no other tie joins its two actors, either way round', () => {
    const graph = cloneMiniNetwork();
    const [a, b] = [graph.edges[0]!.source, graph.edges[0]!.target].map((id) => id.replace(/^actor:/, ''));
    graph.edges.push(tie('back-again', b!, 'influences', a!, { grade: 'B2', strength: 2 }));
    const columns = graphColumns(graph);
    const lone = loneTies(columns);
    const pair = (e: number) => [columns.edgeSource[e], columns.edgeTarget[e]].sort().join('-');
    for (let e = 0; e < columns.edgeCount; e++) {
      const siblings = [...Array(columns.edgeCount).keys()].filter((f) => pair(f) === pair(e)).length;
      expect(lone[e], `tie ${graph.edges[e]!.id}`).toBe(siblings === 1 && columns.edgeSource[e] !== columns.edgeTarget[e] ? 1 : 0);
    }
    expect(lone[0]).toBe(0);
    // The map draws them straight, the others as bundled beziers.
    const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStylesheet(), layout: { name: 'preset' } });
    const store = maskedElements(graph, columns);
    applyMask(cy, store, viewMask(columns, { showEnded: true, hops: 1 }, ASOF));
    for (const edge of cy.edges()) expect(edge.style('curve-style'), edge.id()).toBe(edge.hasClass(LONE_TIE_CLASS) ? 'straight' : 'bezier');
    expect(cy.edges(`.${LONE_TIE_CLASS}`).length).toBeGreaterThan(0);
  });
});

describe('packed worker messages', () => {
  it('carry a view and a metric result across unchanged', () => {
    const input = analysisInput(view);
    expect(unpackInput(structuredClone(packInput(input)))).toEqual(input);
    for (const metric of ['pagerank', 'communities'] as const) {
      const result = computeMetric(input, { metric, weight: 'grade' });
      expect(unpackResult(structuredClone(packResult(result, input.nodes.map((n) => n.id))), input.nodes)).toEqual(result);
    }
  });
});
