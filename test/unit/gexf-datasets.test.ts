// GEXF files nobody here wrote (Gephi Lite's samples, graphology's fixtures; ../shared/datasets,
// never committed): each reads with the counts its README states, and survives GEXF → ForeignGraph →
// GEXF through graphology's parser. Skipped with a message where the datasets are absent.
import { readFileSync } from 'node:fs';
import Graph from 'graphology';
import { parse as parseWithGraphology } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { readGexf } from '../../lib/exchange/gexf/read-gexf';
import { sharedDataset } from '../support/shared-datasets';

const cases = [
  // gephi-lite-samples/README.md: GEXF 1.2 draft, undirected, viz positions and colours, 77 / 254.
  { file: 'gephi-lite-samples/les-miserables.gexf', nodes: 77, edges: 254, directed: false, positioned: 77, title: 'Les Miserables.gexf', attribute: 'modularity_class' },
  // GEXF 1.3 written by Gephi 0.9.3, undirected, 4,941 / 6,594.
  { file: 'gephi-lite-samples/power-grid.gexf', nodes: 4941, edges: 6594, directed: false, positioned: 4941, title: null, attribute: 'viz:size' },
  // graphology-fixtures/README.md: GEXF 1.1 draft, directed, node attributes authority/hub, 77 / 254.
  { file: 'graphology-fixtures/les_miserables.gexf', nodes: 77, edges: 254, directed: true, positioned: 77, title: 'Les Misérables, the characters coappearance weighted graph', attribute: 'Authority' },
  // GEXF 1.1 draft, undirected, no attributes, 306 / 2,345.
  { file: 'graphology-fixtures/celegans.gexf', nodes: 306, edges: 2345, directed: false, positioned: 0, title: null, attribute: null },
];

for (const c of cases) {
  const file = sharedDataset(c.file);

  describe.skipIf(!file)(`reading ${c.file}`, () => {
    const text = file ? readFileSync(file, 'utf8') : '';

    it(`has the ${c.nodes} nodes and ${c.edges} edges its README states`, () => {
      const g = readGexf(text);
      expect([g.nodes.length, g.edges.length]).toEqual([c.nodes, c.edges]);
      expect(g.title).toBe(c.title);
      expect(g.edges.every((e) => e.directed === c.directed)).toBe(true);
      expect(g.nodes.filter((n) => n.x !== null && n.y !== null)).toHaveLength(c.positioned);
      if (c.attribute) expect(g.nodeAttributes.find((a) => a.key === c.attribute)?.count).toBe(c.nodes);
    });

    it('agrees with graphology-gexf on ids, labels, endpoints and weights', () => {
      const g = readGexf(text);
      const reference = parseWithGraphology(Graph, text, { allowUndeclaredAttributes: true });
      expect(reference.order).toBe(g.nodes.length);
      expect(reference.size).toBe(g.edges.length);
      for (const node of g.nodes) {
        const attributes = reference.getNodeAttributes(node.id);
        expect(node.label ?? undefined).toBe(attributes.label);
        if (node.x !== null) expect([node.x, -node.y! || 0]).toEqual([attributes.x, attributes.y ?? 0]);
      }
      const referenceEdges = reference.mapEdges((id, attributes, source, target) => ({ source, target, weight: attributes.weight ?? null }));
      expect(g.edges.map((e) => ({ source: e.source, target: e.target, weight: e.weight }))).toEqual(referenceEdges);
      // graphology's DOM parse of the Power Grid takes seconds on a busy machine: a ceiling, not a speed goal.
    }, 60_000);
  });
}
