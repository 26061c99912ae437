// GraphView → GraphML (writeGraphml) → readGraphml: the same nodes, edges and attributes, with
// the characters XML is particular about, and a large view written in chunks.
import { describe, expect, it } from 'vitest';
import { dateText } from '../../lib/domain/dates';
import { readGraphml } from '../../lib/exchange/graphml/read-graphml';
import { writeGraphml, writeGraphmlChunks } from '../../lib/exchange/graphml/write-graphml';
import { tieLabel } from '../../lib/exchange/view-attributes';
import { buildView } from '../../lib/graph/build-view';
import type { GraphView } from '../../lib/graph/types';
import { EXCHANGE_META, exchangeView, TRICKY_SUMMARY } from './fixtures/exchange-view';
import { generatedNetwork } from './fixtures/random-network';

const orNull = (s: string) => (s === '' ? null : s);
const spellsOf = (e: { start: Parameters<typeof dateText>[0]; end: Parameters<typeof dateText>[0] }) =>
  e.start || e.end ? [{ start: orNull(dateText(e.start)), end: orNull(dateText(e.end)) }] : [];

function expectSameGraph(view: GraphView, text: string) {
  const graph = readGraphml(text);
  expect(graph.nodes).toHaveLength(view.nodes.length);
  expect(graph.edges).toHaveLength(view.edges.length);
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const node of view.nodes) {
    const read = nodes.get(node.id)!;
    expect(read, node.id).toBeDefined();
    // The one change: a character XML 1.0 cannot carry becomes U+FFFD.
    expect(read.label).toBe(node.label.replace(/\u0007/g, '\uFFFD'));
    expect([read.x, read.y]).toEqual([node.x, node.y]);
    expect(read.spells).toEqual(spellsOf(node));
    expect(read.attributes).toEqual({ slug: node.slug, kind: node.kind, faction: node.faction, ...(node.summary ? { summary: node.summary } : {}) });
  }
  const edges = new Map(graph.edges.map((e) => [e.id, e]));
  for (const edge of view.edges) {
    const read = edges.get(edge.id)!;
    expect(read, edge.id).toBeDefined();
    expect([read.source, read.target, read.directed, read.label, read.weight]).toEqual([edge.source, edge.target, true, tieLabel(edge), edge.strength]);
    expect(read.spells).toEqual(spellsOf(edge));
    expect(read.attributes).toEqual({
      type: edge.type,
      category: edge.category,
      ...(edge.role ? { role: edge.role } : {}),
      ...(edge.grade ? { grade: edge.grade } : {}),
      claimCount: edge.claimCount,
      disputed: edge.disputed,
      strength: edge.strength,
    });
  }
  return graph;
}

describe('GraphML round trip', () => {
  it('gives back the same actors, ties and attributes, markup characters, newlines and Cyrillic included', () => {
    const view = exchangeView();
    const text = writeGraphml(view, EXCHANGE_META);
    const graph = expectSameGraph(view, text);
    expect(graph.format).toBe('graphml');
    expect(graph.title).toBe(EXCHANGE_META.title);
    expect(graph.nodes.find((n) => n.id === 'actor:tertel')?.attributes.summary).toBe(TRICKY_SUMMARY);
    expect(graph.nodes.find((n) => n.id === 'actor:control')?.label).toBe('Bell\uFFFD Иван, "Ваня"');
    // Dates keep their precision: a month stays a month, "as of" a day is its day.
    expect(graph.nodes.find((n) => n.id === 'actor:formula')?.spells).toEqual([{ start: '2001-02', end: '2024-05-06' }]);
    expect(graph.edgeAttributes.map((a) => a.key)).toEqual(['type', 'category', 'role', 'grade', 'claimCount', 'disputed', 'strength']);
    expect(graph.edgeAttributes.find((a) => a.key === 'disputed')).toMatchObject({ type: 'boolean', count: view.edges.length });
  });

  it('declares every field as a typed key and names the view it came from', () => {
    const text = writeGraphml(exchangeView(), EXCHANGE_META);
    expect(text).toContain('<key id="node_x" for="node" attr.name="x" attr.type="double"/>');
    expect(text).toContain('<key id="edge_claimCount" for="edge" attr.name="claimCount" attr.type="int"/>');
    expect(text).toContain('<key id="edge_disputed" for="edge" attr.name="disputed" attr.type="boolean"/>');
    expect(text).toContain('<data key="address">/?date=2024-01-01&amp;showEnded=1</data>');
    expect(text).toContain('<data key="asOf">2024-01-01</data>');
    expect(text).toContain('<graph id="powermap" edgedefault="directed">');
    expect(text).not.toContain('\u0007');
  });

  it('writes a large view in chunks that join into one readable file', () => {
    const view = buildView(generatedNetwork(7, 1500, 3000), { showEnded: true, hops: 1, asOf: '2024-01-01' }, '2024-01-01');
    const chunks = [...writeGraphmlChunks(view, EXCHANGE_META)];
    expect(chunks.length).toBeGreaterThan(5);
    expectSameGraph(view, chunks.join(''));
  }, 30_000);
});
