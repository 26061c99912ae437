// The GEXF reader (lib/exchange/gexf/read-gexf.ts) on the small file the project ships and on
// hand-made broken files: what it keeps, what it resolves, and how it says what is wrong.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ForeignFormatError } from '../../lib/exchange/foreign-format-error';
import { GexfReadError, GexfReader, readGexf } from '../../lib/exchange/gexf/read-gexf';

const FIXTURE = path.resolve(__dirname, '../fixtures/gexf/small-dynamic.gexf');
const graph = readGexf(readFileSync(FIXTURE, 'utf8'));
const node = (id: string) => graph.nodes.find((n) => n.id === id)!;
const edge = (id: string) => graph.edges.find((e) => e.id === id)!;

const wrap = (body: string, graphAttributes = 'defaultedgetype="undirected"') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph ${graphAttributes}>${body}</graph></gexf>`;

describe('reading the shipped GEXF 1.2 file', () => {
  it('keeps every node and edge, the title and labels unescaped', () => {
    expect(graph.format).toBe('gexf');
    expect(graph.title).toBe('Minsk & Moscow, 2020–2021');
    expect(graph.nodes.map((n) => n.id)).toEqual(['lukashenko', 'tsikhanouskaya', 'kgb', 'putin']);
    expect(graph.edges).toHaveLength(3);
    expect(node('tsikhanouskaya').label).toBe('Sviatlana Tsikhanouskaya <Ціханоўская>');
  });

  it('resolves attvalues by id to titles, typed, with declared defaults filling the gaps', () => {
    expect(node('lukashenko').attributes).toMatchObject({ camp: 'belarus-state', rank: 1, aliases: 'Lukashenka, Лукашенко' });
    expect(node('kgb').attributes.camp).toBe('other');
    expect(node('kgb').attributes.rank).toBeUndefined();
    expect(edge('e1').attributes).toMatchObject({ relation: 'leads', confirmed: true });
    expect(edge('e2').attributes.confirmed).toBe(false);
  });

  it('reads dates from start/end, spells and open bounds (a day inside them)', () => {
    expect(node('lukashenko').spells).toEqual([{ start: '1994-07-20', end: null }]);
    expect(node('tsikhanouskaya').spells).toEqual([
      { start: '2020-05-01', end: '2020-08-10' },
      { start: '2020-08-11', end: null },
    ]);
    expect(node('kgb').spells).toEqual([]);
    expect(edge('e3').spells).toEqual([{ start: '2020-05-01', end: '2020-12-31' }]);
  });

  it('reads viz: positions with the y axis turned to the map’s, colours from rgb or hex, sizes, thickness', () => {
    expect([node('lukashenko').x, node('lukashenko').y]).toEqual([10.5, 20]);
    expect([node('tsikhanouskaya').x, node('tsikhanouskaya').y]).toEqual([-30, -40]);
    expect([node('kgb').x, node('kgb').y]).toEqual([null, null]);
    expect(node('lukashenko').attributes['viz:color']).toBe('#009E73');
    expect(node('tsikhanouskaya').attributes['viz:color']).toBe('#CC79A7');
    expect(node('lukashenko').attributes['viz:size']).toBe(20.5);
    expect(edge('e3').attributes).toMatchObject({ 'viz:color': '#E4572E', 'viz:thickness': 2.5 });
  });

  it('reads edge direction (mutual is undirected), label, kind and weight', () => {
    expect(edge('e1')).toMatchObject({ source: 'lukashenko', target: 'kgb', directed: true, label: 'controls', weight: 4 });
    expect(edge('e2')).toMatchObject({ directed: false, label: 'ally_of', weight: null });
    expect(edge('e2').attributes.kind).toBe('ally_of');
    expect(edge('e3').directed).toBe(false);
  });

  it('lists the attributes found, with counts and samples, declared ones first', () => {
    expect(graph.nodeAttributes.map((a) => a.key)).toEqual(['camp', 'rank', 'aliases', 'type', 'viz:color', 'viz:size']);
    expect(graph.nodeAttributes[0]).toEqual({ key: 'camp', type: 'string', count: 4, samples: ['belarus-state', 'belarus-opposition', 'other', 'russia-state'] });
    expect(graph.nodeAttributes.find((a) => a.key === 'rank')).toMatchObject({ type: 'number', count: 2, samples: ['1'] });
    expect(graph.edgeAttributes.find((a) => a.key === 'confirmed')).toMatchObject({ type: 'boolean', count: 3 });
  });

  it('gives the same graph whether the file comes whole, as bytes or in small chunks', () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const bytes = new TextEncoder().encode(text);
    const reader = new GexfReader();
    // 7-byte chunks split multi-byte characters (Cyrillic, the en dash) between writes.
    for (let i = 0; i < bytes.length; i += 7) reader.write(bytes.subarray(i, i + 7));
    expect(reader.finish()).toEqual(graph);
    expect(readGexf(bytes)).toEqual(graph);
  });
});

describe('dynamic variants', () => {
  it('reads whole-number years of a double timeformat as years, and drops times that are no dates', () => {
    const g = readGexf(
      wrap('<nodes><node id="a" start="1991.0" end="2004"/><node id="b" start="0.5" end="0.75"/></nodes><edges/>', 'mode="dynamic" timeformat="double"'),
    );
    expect(g.nodes[0]!.spells).toEqual([{ start: '1991', end: '2004' }]);
    expect(g.nodes[1]!.spells).toEqual([]);
  });

  it('reads dateTime as its day, timestamps as one-day spells, and a timeless attvalue over dated ones', () => {
    const g = readGexf(
      wrap(
        '<attributes class="node" mode="dynamic"><attribute id="p" title="party" type="string"/></attributes>' +
          '<nodes><node id="a" start="2020-01-02T10:00:00Z"><attvalues><attvalue for="p" value="old" start="2000-01-01" end="2010-01-01"/><attvalue for="p" value="now"/><attvalue for="p" value="new" start="2010-01-02"/></attvalues></node>' +
          '<node id="b" timestamp="2021-05-06"/></nodes><edges/>',
        'mode="dynamic" timeformat="datetime"',
      ),
    );
    expect(g.nodes[0]!.spells).toEqual([{ start: '2020-01-02', end: null }]);
    expect(g.nodes[0]!.attributes.party).toBe('now');
    expect(g.nodes[1]!.spells).toEqual([{ start: '2021-05-06', end: '2021-05-06' }]);
  });

  it("narrows Powermap's widened dates back to their precision", () => {
    const g = readGexf(
      wrap(
        '<attributes class="edge"><attribute id="startPrecision" title="startPrecision" type="string"/><attribute id="endPrecision" title="endPrecision" type="string"/></attributes>' +
          '<nodes><node id="a"/><node id="b"/></nodes><edges><edge id="t" source="a" target="b" start="2016-11-01" end="2020-12-31">' +
          '<attvalues><attvalue for="startPrecision" value="month"/><attvalue for="endPrecision" value="year"/></attvalues></edge></edges>',
        'mode="dynamic" timeformat="date"',
      ),
    );
    expect(g.edges[0]!.spells).toEqual([{ start: '2016-11', end: '2020' }]);
  });
});

describe('errors name what is wrong and where', () => {
  const error = (content: string | Uint8Array) => {
    try {
      readGexf(content);
    } catch (e) {
      return e as GexfReadError;
    }
    throw new Error('expected the file to be refused');
  };

  it('malformed XML: the parser’s complaint with a 1-based line and column', () => {
    const e = error('<gexf version="1.3">\n  <graph>\n    <nodes><node id="a"></nodes>\n');
    expect(e).toBeInstanceOf(GexfReadError);
    expect(e).toBeInstanceOf(ForeignFormatError);
    expect(e.problems).toHaveLength(1);
    expect(e.line).toBe(3);
    expect(e.column).toBeGreaterThan(1);
    expect(e.message).toMatch(/^Not a readable GEXF file: line 3, column \d+: unexpected close tag/);
  });

  it('a file that is not GEXF, or has no graph', () => {
    expect(error('<graphml><graph/></graphml>').message).toMatch(/not a GEXF file: its root element is <graphml>/);
    expect(error('<gexf version="1.3"></gexf>').message).toMatch(/no <graph> element/);
    expect(error('').message).toMatch(/line 1, column 1: document must contain a root element/);
  });

  it('duplicate node ids, missing ids and edges to undeclared nodes', () => {
    expect(error(wrap('<nodes><node id="a"/><node id="a"/></nodes>')).message).toMatch(/line 2, column \d+: two nodes have the id "a"/);
    expect(error(wrap('<nodes><node label="x"/></nodes>')).message).toMatch(/<node> has no id/);
    expect(error(wrap('<nodes><node id="a"/></nodes><edges><edge id="e" source="a" target="zz"/></edges>')).message).toMatch(
      /edge e names the node "zz", which the file does not declare/,
    );
  });

  it('values that do not fit their declared type', () => {
    const bad = wrap('<attributes class="node"><attribute id="0" title="rank" type="integer"/></attributes><nodes><node id="a"><attvalues><attvalue for="0" value="first"/></attvalues></node></nodes>');
    expect(error(bad).message).toMatch(/"first" is not a number, as the attribute "rank" is declared/);
    expect(error(wrap('<nodes><node id="a"/><node id="b"/></nodes><edges><edge source="a" target="b" type="both"/></edges>')).message).toMatch(/edge type "both"/);
  });

  it('an encoding other than UTF-8, declared or in the bytes, is an error, not a silent replacement', () => {
    expect(error('<?xml version="1.0" encoding="ISO-8859-1"?><gexf><graph/></gexf>').message).toMatch(/declares the encoding ISO-8859-1/);
    const latin1 = Uint8Array.from([...new TextEncoder().encode('<gexf><graph><nodes><node id="a" label="Caf'), 0xe9, ...new TextEncoder().encode('"/></nodes></graph></gexf>')]);
    expect(error(latin1).message).toMatch(/not valid UTF-8/);
  });
});
