// GraphView → CSV (nodes and edges, as two files and as one zip) → readCsv: the same nodes, edges
// and attributes, with commas, quotes, newlines, Cyrillic and formula-like text in cells.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { dateText } from '../../lib/domain/dates';
import { readCsv, readCsvZip } from '../../lib/exchange/csv/read-csv';
import { EDGE_COLUMNS, NODE_COLUMNS, writeCsvFiles, writeCsvZip, writeCsvZipChunks, writeEdgesCsvChunks } from '../../lib/exchange/csv/write-csv';
import type { ForeignGraph } from '../../lib/exchange/foreign-graph';
import { tieLabel } from '../../lib/exchange/view-attributes';
import { buildView } from '../../lib/graph/build-view';
import type { GraphView } from '../../lib/graph/types';
import { exchangeView, TRICKY_SUMMARY } from './fixtures/exchange-view';
import { generatedNetwork } from './fixtures/random-network';

const orNull = (s: string) => (s === '' ? null : s);
type Dated = { start: Parameters<typeof dateText>[0]; end: Parameters<typeof dateText>[0] };
const spellsOf = (e: Dated) => (e.start || e.end ? [{ start: orNull(dateText(e.start)), end: orNull(dateText(e.end)) }] : []);

function expectSameGraph(view: GraphView, graph: ForeignGraph, firstSources = new Map<string, { title: string; url: string | null }>()) {
  expect(graph.nodes).toHaveLength(view.nodes.length);
  expect(graph.edges).toHaveLength(view.edges.length);
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const node of view.nodes) {
    const read = nodes.get(node.id)!;
    expect(read, node.id).toBeDefined();
    expect([read.label, read.x, read.y]).toEqual([node.label, node.x, node.y]);
    expect(read.spells).toEqual(spellsOf(node));
    expect(read.attributes).toEqual({ slug: node.slug, kind: node.kind, faction: node.faction, summary: orNull(node.summary) });
  }
  const edges = new Map(graph.edges.map((e) => [e.id, e]));
  for (const edge of view.edges) {
    const read = edges.get(edge.id)!;
    expect(read, edge.id).toBeDefined();
    expect([read.source, read.target, read.directed, read.label, read.weight]).toEqual([edge.source, edge.target, true, tieLabel(edge), edge.strength]);
    expect(read.spells).toEqual(spellsOf(edge));
    const first = firstSources.get(edge.tieId);
    expect(read.attributes).toEqual({
      tie_type: edge.type,
      category: edge.category,
      role: orNull(edge.role),
      grade: edge.grade,
      claims: edge.claimCount,
      disputed: edge.disputed,
      first_source: first?.title ?? null,
      first_source_url: first?.url ?? null,
    });
  }
}

describe('CSV round trip', () => {
  const view = exchangeView();
  const firstSources = new Map([
    ['tertel-leads-kgb', { title: 'Указ № 348, "О назначении", 2020', url: 'https://example.org/ukaz?id=348&lang=ru' }],
    ['formula-supports-control', { title: '=1+1 (a title that looks like a formula)', url: null }],
  ]);

  it('two files give back the same actors, ties and attributes', () => {
    const { nodes, edges } = writeCsvFiles(view, { firstSources });
    const graph = readCsv([
      { name: 'nodes.csv', text: nodes },
      { name: 'edges.csv', text: edges },
    ]);
    expect(graph.format).toBe('csv');
    expectSameGraph(view, graph, firstSources);
    expect(graph.nodes.find((n) => n.id === 'actor:tertel')?.attributes.summary).toBe(TRICKY_SUMMARY);
    expect(graph.nodes.find((n) => n.id === 'actor:control')?.label).toBe('Bell\u0007 Иван, "Ваня"');
    expect(graph.nodeAttributes.map((a) => a.key)).toEqual(['slug', 'kind', 'faction', 'summary']);
    expect(graph.edgeAttributes.find((a) => a.key === 'claims')).toMatchObject({ type: 'number' });
    expect(graph.edgeAttributes.find((a) => a.key === 'disputed')).toMatchObject({ type: 'boolean' });
  });

  it("writes Gephi's columns first, then Powermap's, and Gephi's time intervals in whole days", () => {
    const { nodes, edges } = writeCsvFiles(view, { firstSources });
    expect(nodes.split('\r\n')[0]).toBe(NODE_COLUMNS.join(','));
    expect(edges.split('\r\n')[0]).toBe(EDGE_COLUMNS.join(','));
    expect(edges.split('\r\n')[0]).toMatch(/^Source,Target,Type,Id,Label,Weight,Time Interval,tie_type,/);
    // A month-precise start runs from its first day; an open end is inf.
    expect(edges).toContain('tie:vakulchik-leads-kgb,leads,1,"<[2016-11-01, 2020-09-03]>",leads');
    expect(edges).toContain('"<[2020-09-03, inf]>"');
    expect(nodes).toContain('"<[1966-01-01, inf]>"');
  });

  it('defuses cells a spreadsheet would run as a formula, and the reader takes the guard off', () => {
    const { nodes, edges } = writeCsvFiles(view, { firstSources });
    expect(nodes).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(edges).toContain(`"'+1 ""role"", with\nnewline"`);
    expect(edges).toContain(`"'@mention -minus"`);
    expect(edges).toContain(`"'=1+1 (a title that looks like a formula)"`);
    // Numbers are numbers: a negative position is not a formula.
    expect(nodes).toContain(',12.5,-340.125');
    expect(nodes).not.toMatch(/(^|,)=/m);
    const graph = readCsv([
      { name: 'a.csv', text: nodes },
      { name: 'b.csv', text: edges },
    ]);
    expect(graph.nodes.find((n) => n.id === 'actor:formula')?.label).toBe('=HYPERLINK("http://evil.example")');
  });

  it('one zip of nodes.csv and edges.csv gives back the same network', () => {
    const bytes = writeCsvZip(view, { firstSources });
    expect([...writeCsvZipChunks(view, { firstSources })].length).toBeGreaterThan(2);
    // One view, one file: the entries are dated by the view's day, not the clock.
    expect(writeCsvZip(view, { firstSources })).toEqual(bytes);
    expect(Object.keys(unzipSync(bytes))).toEqual(['nodes.csv', 'edges.csv']);
    expectSameGraph(view, readCsvZip(bytes), firstSources);
  });

  it('writes a large view in chunks of rows', () => {
    const large = buildView(generatedNetwork(11, 1500, 4000), { showEnded: true, hops: 1, asOf: '2024-01-01' }, '2024-01-01');
    const chunks = [...writeEdgesCsvChunks(large)];
    expect(chunks.length).toBe(1 + Math.ceil(large.edges.length / 1000));
    const { nodes } = writeCsvFiles(large);
    expectSameGraph(large, readCsv([
      { name: 'nodes.csv', text: nodes },
      { name: 'edges.csv', text: chunks.join('') },
    ]));
  }, 30_000);
});
