// readGraphml on files Powermap did not write: the GraphML files in ../shared/datasets (graphology's
// parser fixtures, Gephi Lite's airlines sample; skipped with a message where ../shared is absent),
// a yEd-style file with yfiles keys and a group (shipped under test/fixtures/exchange), defaults,
// edge direction, and the problems a file can have.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ForeignFormatError } from '../../lib/exchange/foreign-format-error';
import { readGraphml } from '../../lib/exchange/graphml/read-graphml';
import { sharedDataset } from '../support/shared-datasets';

const problemsOf = (text: string | Uint8Array): string[] => {
  try {
    readGraphml(text);
  } catch (error) {
    if (error instanceof ForeignFormatError) return error.problems;
    throw error;
  }
  throw new Error('expected a ForeignFormatError');
};
const graphml = (body: string, keys = '') =>
  `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">${keys}<graph edgedefault="undirected">${body}</graph></graphml>`;

const DATASETS: { file: string; nodes: number; edges: number; check?: (g: ReturnType<typeof readGraphml>) => void }[] = [
  {
    file: 'graphology-fixtures/miserables.graphml',
    nodes: 77,
    edges: 254,
    check: (g) => {
      const valjean = g.nodes.find((n) => n.label === 'Valjean')!;
      expect([valjean.x, valjean.y]).toEqual([-87.93029, 6.8120565]);
      expect(valjean.attributes['Modularity Class']).toBe(1);
      expect(g.edges.every((e) => !e.directed)).toBe(true);
      expect(g.edges[1]!.weight).toBe(8);
    },
  },
  {
    file: 'graphology-fixtures/attributes.graphml',
    nodes: 6,
    edges: 7,
    // <default>yellow</default> for nodes without their own colour; an edge without weight has none.
    check: (g) => {
      expect(g.nodes.map((n) => n.attributes.color)).toEqual(['green', 'yellow', 'blue', 'red', 'yellow', 'turquoise']);
      expect(g.edges.map((e) => e.weight)).toEqual([1, 1, 2, null, null, null, 1.1]);
    },
  },
  { file: 'graphology-fixtures/multigraph.graphml', nodes: 6, edges: 9 },
  {
    file: 'graphology-fixtures/mixed_multigraph.graphml',
    nodes: 6,
    edges: 8,
    check: (g) => expect(g.edges.filter((e) => e.directed).map((e) => e.id)).toEqual(['e3', 'e6']),
  },
  {
    file: 'gephi-lite-samples/airlines.graphml',
    nodes: 235,
    edges: 2101,
    check: (g) => {
      expect(g.nodes[0]).toMatchObject({ id: '0', x: -922.24444, y: -347.29444, attributes: { tooltip: 'LIT(lngx=-92.224444,laty=34.729444)' } });
      expect(g.nodeAttributes.map((a) => a.key)).toEqual(['tooltip']);
    },
  },
];

describe('GraphML files from elsewhere (../shared/datasets)', () => {
  for (const dataset of DATASETS) {
    const file = sharedDataset(dataset.file);
    it.skipIf(!file)(`${dataset.file}: ${dataset.nodes} nodes, ${dataset.edges} edges`, () => {
      const graph = readGraphml(readFileSync(file!, 'utf8'));
      expect(graph.format).toBe('graphml');
      expect([graph.nodes.length, graph.edges.length]).toEqual([dataset.nodes, dataset.edges]);
      dataset.check?.(graph);
    });
  }
});

describe('a yEd file', () => {
  const graph = readGraphml(readFileSync(path.resolve(__dirname, '../fixtures/exchange/yed-groups.graphml'), 'utf8'));

  it('takes labels from y:NodeLabel and places from the centre of y:Geometry, and never lists yfiles keys', () => {
    expect(graph.nodes.map((n) => [n.id, n.label, n.x, n.y])).toEqual([
      ['n0', 'Лукашенко & Co', 160, 55],
      // A group: the first realizer's label and geometry.
      ['n1', 'KGB', 100, 250],
      ['n1::n0', 'Tertel', 50, 220],
      ['n1::n1', null, 190, 220],
    ]);
    expect(graph.nodeAttributes.map((a) => a.key)).toEqual(['url', 'description', 'faction', 'parent']);
    expect(graph.edgeAttributes.map((a) => a.key)).toEqual(['url', 'description']);
  });

  it('flattens the group: its members are nodes that name it in `parent`; defaults apply to all', () => {
    expect(graph.nodes.map((n) => n.attributes.parent ?? null)).toEqual([null, null, 'n1', 'n1']);
    expect(graph.nodes.map((n) => n.attributes.faction)).toEqual(['state', 'state', 'state', 'security']);
  });

  it('reads edge labels from y:EdgeLabel and keeps plain keys as attributes', () => {
    expect(graph.edges.map((e) => [e.source, e.target, e.directed, e.label, e.attributes.description ?? null])).toEqual([
      ['n1::n0', 'n1', true, 'leads', 'chairs the committee'],
      ['n0', 'n1::n0', true, null, null],
    ]);
  });

  it('prefers a plain label or x/y key to the yfiles graphics', () => {
    const text = graphml(
      '<node id="a"><data key="l">Plain</data><data key="x">1</data><data key="y">2</data><data key="g"><y:ShapeNode><y:Geometry x="10" y="10" width="2" height="2"/><y:NodeLabel>Drawn</y:NodeLabel></y:ShapeNode></data></node>',
      '<key id="l" for="node" attr.name="label" attr.type="string"/><key id="x" for="node" attr.name="x" attr.type="double"/><key id="y" for="node" attr.name="y" attr.type="double"/><key id="g" for="node" yfiles.type="nodegraphics"/>',
    ).replace('<graphml ', '<graphml xmlns:y="http://www.yworks.com/xml/graphml" ');
    expect(readGraphml(text).nodes[0]).toMatchObject({ label: 'Plain', x: 1, y: 2, attributes: {} });
  });
});

describe('readGraphml', () => {
  it('reads edgedefault, an edge’s own direction, typed values, dates into spells, and the title', () => {
    const text = graphml(
      '<desc>Fallback title</desc><data key="t">Security services</data>' +
        '<node id="a"><data key="s">1994</data><data key="n">3</data><data key="b">TRUE</data></node><node id="b"/>' +
        '<edge source="a" target="b"><data key="s">2020-08</data><data key="e">2021-01-01T00:00:00Z</data></edge>' +
        '<edge source="b" target="a" directed="true"/>',
      '<key id="t" for="graph" attr.name="title"/><key id="s" for="all" attr.name="start" attr.type="string"/><key id="e" for="all" attr.name="end"/>' +
        '<key id="n" for="node" attr.name="count" attr.type="int"/><key id="b" for="node" attr.name="flag" attr.type="boolean"/>',
    );
    const graph = readGraphml(text);
    expect(graph.title).toBe('Security services');
    expect(graph.nodes[0]).toMatchObject({ spells: [{ start: '1994', end: null }], attributes: { count: 3, flag: true } });
    expect(graph.edges.map((e) => [e.id, e.directed, e.spells])).toEqual([
      [null, false, [{ start: '2020-08', end: '2021-01-01' }]],
      [null, true, []],
    ]);
  });

  it('refuses hyperedges, undeclared nodes, bad values and files that are not GraphML, naming the line', () => {
    expect(problemsOf(graphml('<node id="a"/><node id="b"/><node id="c"/>\n<hyperedge><endpoint node="a"/><endpoint node="b"/><endpoint node="c"/></hyperedge>'))).toEqual([
      expect.stringMatching(/^line 2: <hyperedge> joins more than two nodes/),
    ]);
    expect(problemsOf(graphml('<node id="a"/><edge source="a" target="z"/><edge source="y" target="a"/>'))).toEqual([
      'edges name 2 nodes the file does not declare: "z", "y"',
    ]);
    expect(problemsOf(graphml('<node id="a"><data key="n">many</data></node><node id="a"/>', '<key id="n" for="node" attr.name="count" attr.type="int"/>'))).toEqual([
      'line 1: node a: "many" is not a number (key count, int)',
      'line 1: node id "a" is used twice',
    ]);
    expect(problemsOf('<gexf version="1.3"><graph/></gexf>')).toEqual(["the file's first element is <gexf>, not <graphml>"]);
    expect(problemsOf('<graphml><graph><node id="a"></graph></graphml>')[0]).toMatch(/^not well-formed XML: /);
    expect(problemsOf('   ')[0]).toMatch(/root element/);
  });

  it('reads bytes as UTF-8 and refuses another encoding rather than guessing', () => {
    const text = graphml('<node id="Лукашенко"/>');
    expect(readGraphml(new TextEncoder().encode(text)).nodes[0]!.id).toBe('Лукашенко');
    expect(problemsOf(new Uint8Array([...new TextEncoder().encode('<graphml><graph><node id="'), 0xcb, 0xf3, ...new TextEncoder().encode('"/></graph></graphml>')])))
      .toEqual([expect.stringMatching(/not valid UTF-8/)]);
    expect(problemsOf(text.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="windows-1251"?>'))).toEqual([expect.stringMatching(/declares the encoding windows-1251/)]);
  });

  it('does not expand entities a DTD declares (no billion laughs, no external files)', () => {
    const text = '<?xml version="1.0"?><!DOCTYPE graphml [<!ENTITY lol "lol">]><graphml><graph><node id="&lol;"/></graph></graphml>';
    expect(problemsOf(text)[0]).toMatch(/not well-formed XML/);
  });
});
