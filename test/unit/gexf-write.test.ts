// The GEXF 1.3 writer (lib/exchange/gexf/write-gexf.ts): a view of the network as Gephi reads it,
// checked against graphology-gexf's parser (a reader nobody here wrote) and against our own reader.
import { DOMParser } from '@xmldom/xmldom';
import Graph from 'graphology';
import { parse as parseWithGraphology } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { periodEnd, periodStart } from '../../lib/domain/dates';
import { FACTION_COLOURS } from '../../lib/domain/vocabulary';
import { readGexf } from '../../lib/exchange/gexf/read-gexf';
import { GEXF_VIZ_NAMESPACE, writeGexf, writeGexfChunks, type GexfMeta } from '../../lib/exchange/gexf/write-gexf';
import { buildView } from '../../lib/graph/build-view';
import type { GraphView } from '../../lib/graph/types';
import { miniNetwork } from './fixtures/mini-network';
import { generatedNetwork } from './fixtures/random-network';

const meta: GexfMeta = { title: 'Belarus & Russia', address: '/?asOf=2021-06-01&showEnded=1', asOf: '2021-06-01' };
const placed = structuredClone(miniNetwork);
placed.nodes.forEach((n, i) => {
  n.x = i * 10.5;
  n.y = i === 0 ? 0 : -i * 7;
});
const view: GraphView = buildView(placed, { asOf: '2021-06-01', showEnded: true, hops: 1 });
const xml = writeGexf(view, meta);

function graphologyDocument(text: string) {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  return { doc, graph: parseWithGraphology(Graph, doc as unknown as Document) };
}

describe('writing a view as GEXF 1.3', () => {
  it('declares GEXF 1.3, the correct viz namespace and a dynamic graph with dates', () => {
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<gexf xmlns="http:\/\/gexf.net\/1.3" xmlns:viz="http:\/\/gexf.net\/1.3\/viz"/);
    expect(GEXF_VIZ_NAMESPACE).toBe('http://gexf.net/1.3/viz');
    expect(xml).toContain('<graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">');
    expect(xml).toContain('<title>Belarus &amp; Russia</title>');
    expect(xml).toContain('<meta lastmodifieddate="2021-06-01">');
  });

  it("graphology's parser reads the same actors and ties, labels, attributes and viz", () => {
    const { graph } = graphologyDocument(xml);
    expect(graph.order).toBe(view.nodes.length);
    expect(graph.size).toBe(view.edges.length);
    const luka = graph.getNodeAttributes('lukashenko');
    expect(luka).toMatchObject({ label: 'Alexander Lukashenko', kind: 'person', faction: 'belarus-state', slug: 'lukashenko', startPrecision: 'day', size: 10 });
    expect(luka.color).toBe(`rgb(${[1, 3, 5].map((i) => Number.parseInt(FACTION_COLOURS['belarus-state'].slice(i, i + 2), 16)).join(',')})`);
    expect(graph.getNodeAttributes('kgb')).toMatchObject({ x: 31.5, y: 21 });
    const russia = graph.getEdgeAttributes('russia-influences-lukashenko');
    expect(russia).toMatchObject({ type: 'influences', category: 'influence', grade: 'C3', claimCount: 3, disputed: true, strength: 1, weight: 1, kind: 'influences', label: 'influences' });
    expect(graph.getEdgeAttributes('tertel-leads-kgb')).toMatchObject({ label: 'Chairman', role: 'Chairman', grade: 'A1' });
    // Symmetric types are undirected edges; the rest point from source to target.
    expect(graph.isUndirected('gryzlov-associate-of-putin')).toBe(true);
    expect(graph.isDirected('putin-supports-lukashenko')).toBe(true);
    expect(graph.source('putin-supports-lukashenko')).toBe('putin');
  });

  it('writes every tie date as a full day, widened to its period, with its precision beside it', () => {
    const { doc } = graphologyDocument(xml);
    const list = doc.getElementsByTagName('edge');
    const edges = Array.from({ length: list.length }, (_, i) => list.item(i)!);
    expect(edges).toHaveLength(view.edges.length);
    for (const e of view.edges) {
      const element = edges.find((x) => x.getAttribute('id') === e.tieId)!;
      expect(element.getAttribute('start') || null, e.tieId).toBe(e.start ? periodStart(e.start) : null);
      expect(element.getAttribute('end') || null, e.tieId).toBe(e.end ? periodEnd(e.end) : null);
    }
    // Vakulchik's chairmanship began "Nov 2016" and ended on 3 Sep 2020.
    expect(xml).toMatch(/<edge id="vakulchik-leads-kgb"[^>]* start="2016-11-01" end="2020-09-03">\s*<attvalues>[\s\S]*?<attvalue for="startPrecision" value="month"\/>/);
    // An actor's life is its node's interval: Makei, 1958-04-05 to 2022-11-26.
    expect(xml).toContain('<node id="makei" label="Uladzimir Makei" start="1958-04-05" end="2022-11-26">');
  });

  it('reads back through our own reader with the dates as precise as they were', () => {
    const back = readGexf(xml);
    expect(back.nodes).toHaveLength(view.nodes.length);
    const vakulchik = back.edges.find((e) => e.id === 'vakulchik-leads-kgb')!;
    expect(vakulchik.spells).toEqual([{ start: '2016-11', end: '2020-09-03' }]);
    expect(back.edges.find((e) => e.id === 'kgb-reports-to-lukashenko')!.spells).toEqual([{ start: '1994', end: null }]);
    expect(back.nodes.find((n) => n.id === 'tertel')!.spells).toEqual([{ start: '1966', end: null }]);
    expect(back.nodes.find((n) => n.id === 'kgb')).toMatchObject({ x: 31.5, y: -21 });
    expect(back.nodes.find((n) => n.id === 'lukashenko')).toMatchObject({ x: 0, y: 0 });
  });

  it('escapes markup, keeps astral characters and replaces what XML 1.0 cannot carry', () => {
    const odd = structuredClone(view);
    odd.nodes[0]!.label = 'A "quoted" <b>&amp;</b> \u{1F1E7}\u{1F1FE} label';
    odd.nodes[0]!.summary = 'tab\there\nnew line, lone \uD800 surrogate, bell \u0007, and \uDFFF';
    const text = writeGexf(odd, { ...meta, title: 'ctrl \u0001 in title' });
    const { graph } = graphologyDocument(text);
    expect(graph.getNodeAttribute(odd.nodes[0]!.slug, 'label')).toBe('A "quoted" <b>&amp;</b> \u{1F1E7}\u{1F1FE} label');
    expect(graph.getNodeAttribute(odd.nodes[0]!.slug, 'summary')).toBe('tab\there\nnew line, lone \uFFFD surrogate, bell \uFFFD, and \uFFFD');
    expect(readGexf(text).title).toBe('ctrl \uFFFD in title');
  });

  it('leaves out a tie whose actor is not in the view, so the file names no missing node', () => {
    const cut = { ...view, nodes: view.nodes.filter((n) => n.slug !== 'putin') };
    const back = readGexf(writeGexf(cut, meta));
    expect(back.edges.some((e) => e.source === 'putin' || e.target === 'putin')).toBe(false);
    expect(back.edges.length).toBe(view.edges.filter((e) => e.source !== 'actor:putin' && e.target !== 'actor:putin').length);
  });

  it('writes a large view in many bounded chunks', () => {
    const big = buildView(generatedNetwork(7, 3000, 9000), { showEnded: true, hops: 1 }, '2030-01-01');
    let chunks = 0;
    let longest = 0;
    let text = '';
    for (const chunk of writeGexfChunks(big, meta)) {
      chunks += 1;
      longest = Math.max(longest, chunk.length);
      text += chunk;
    }
    expect(chunks).toBeGreaterThan(20);
    expect(longest).toBeLessThan(1_000_000);
    const back = readGexf(text);
    expect([back.nodes.length, back.edges.length]).toEqual([big.nodes.length, big.edges.length]);
  });
});
