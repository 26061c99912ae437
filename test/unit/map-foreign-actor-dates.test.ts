// Actors' own dates (born or founded, died or dissolved) from other tools' files: a node's time
// intervals (GEXF spells and start/end, GraphML and CSV start/end), or two date attributes the
// suggestion finds by name (FtM's birthDate and incorporationDate as Aleph's CSV spells them), kept
// as precise as the file gives them; an end before the start is dropped with a warning; and FtM's
// generic startDate/endDate where an organisation has no incorporation date.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../lib/exchange/csv/read-csv';
import type { ForeignGraph, ForeignNode } from '../../lib/exchange/foreign-graph';
import { readGexf } from '../../lib/exchange/gexf/read-gexf';
import { readGraphml } from '../../lib/exchange/graphml/read-graphml';
import { mapForeignGraph } from '../../lib/exchange/map-foreign-graph';
import { suggestMapping } from '../../lib/exchange/suggest-mapping';
import { ftmToDocument } from '../../lib/import/ftm-to-document';
import { importMappingSchema } from '../../lib/validation/import-mapping';

const node = (id: string, extra: Partial<ForeignNode>): ForeignNode => ({ id, label: id, attributes: {}, x: null, y: null, spells: [], ...extra });
const graphOf = (nodes: ForeignNode[], nodeAttributes: ForeignGraph['nodeAttributes'] = []): ForeignGraph => ({ format: 'test', title: null, nodes, edges: [], nodeAttributes, edgeAttributes: [] });
const datesBy = (graph: ForeignGraph, mapping = suggestMapping(graph)) => {
  const { document, warnings } = mapForeignGraph(graph, mapping, { fileName: 'dates.test' });
  return { dates: Object.fromEntries(document.actors.map((a) => [a.name, [a.start ?? null, a.end ?? null]])), warnings };
};

describe('actor dates from a foreign file', () => {
  it('takes the earliest start and the latest end of a node’s intervals, open where any is open', () => {
    const { dates } = datesBy(
      graphOf([
        node('a', { spells: [{ start: '1954-08-30', end: null }] }),
        node('b', { spells: [{ start: '1991', end: '1994-07' }, { start: '2001-05', end: '2003' }] }),
        node('c', { spells: [{ start: null, end: '2020-11-19' }] }),
        node('d', {}),
      ]),
    );
    expect(dates).toEqual({
      a: [{ date: '1954-08-30', precision: 'day' }, null],
      b: [{ date: '1991', precision: 'year' }, { date: '2003', precision: 'year' }],
      c: [null, { date: '2020-11-19', precision: 'day' }],
      d: [null, null],
    });
  });

  it('suggests date attributes by their names, FtM’s among them, and reads years written as numbers', () => {
    const graph = graphOf(
      [node('p', { attributes: { birthDate: '1962-03', deathDate: null } }), node('o', { attributes: { incorporationDate: 1995, dissolutionDate: '2001-02-30' } })],
      [
        { key: 'birthDate', type: 'string', count: 1, samples: ['1962-03'] },
        { key: 'deathDate', type: 'string', count: 0, samples: [] },
        { key: 'incorporationDate', type: 'number', count: 1, samples: ['1995'] },
        { key: 'dissolutionDate', type: 'string', count: 1, samples: ['2001-02-30'] },
      ],
    );
    const suggested = suggestMapping(graph);
    expect(suggested.nodes).toMatchObject({ dates: 'attributes', start: 'birthDate' });
    const { dates, warnings } = datesBy(graph, importMappingSchema.parse({ nodes: { dates: 'attributes', start: 'incorporationDate', end: 'dissolutionDate' } }));
    expect(dates.o).toEqual([{ date: '1995', precision: 'year' }, null]);
    expect(warnings).toContain('TEST node o: end "2001-02-30" is not a date; ignored');
    expect(datesBy(graph, importMappingSchema.parse({ nodes: { dates: 'attributes', start: 'birthDate' } })).dates.p).toEqual([{ date: '1962-03', precision: 'month' }, null]);
  });

  it('drops an end before the start, saying so, and reads no dates when the mapping says none', () => {
    const graph = graphOf([node('x', { spells: [{ start: '2020', end: '2019' }] })]);
    const { dates, warnings } = datesBy(graph);
    expect(dates.x).toEqual([{ date: '2020', precision: 'year' }, null]);
    expect(warnings).toContain('TEST node x: its end is before its start; the end was dropped');
    expect(datesBy(graph, importMappingSchema.parse({ nodes: { dates: 'none' } })).dates.x).toEqual([null, null]);
  });

  it('reads them from GEXF, GraphML and CSV files', async () => {
    const gexf = await readGexf(readFileSync(path.join(import.meta.dirname, '../fixtures/gexf/small-dynamic.gexf'), 'utf8'));
    const gexfDates = datesBy(gexf).dates;
    expect(Object.values(gexfDates).some(([start]) => start !== null), 'no actor got a start from the GEXF fixture').toBe(true);

    const graphml = await readGraphml(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <key id="d1" for="node" attr.name="start" attr.type="string"/>
  <key id="d2" for="node" attr.name="end" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="n0"><data key="d0">Old Party</data><data key="d1">1990-06</data><data key="d2">2003</data></node>
  </graph>
</graphml>`);
    expect(datesBy(graphml).dates['Old Party']).toEqual([{ date: '1990-06', precision: 'month' }, { date: '2003', precision: 'year' }]);

    const csv = readCsv([{ name: 'nodes.csv', text: 'Id,Label,Time Interval\nv,Viasna,"<[1996-04-26, inf]>"\n' }]);
    expect(datesBy(csv).dates.Viasna).toEqual([{ date: '1996-04-26', precision: 'day' }, null]);
  });
});

describe('actor dates from FollowTheMoney', () => {
  it('reads birthDate and incorporationDate, and startDate/endDate where an organisation has no incorporation date', () => {
    const lines = [
      { id: 'p1', schema: 'Person', properties: { name: ['Ivan Datov'], birthDate: ['1962-03'] } },
      { id: 'o1', schema: 'Company', properties: { name: ['Datov Trading'], incorporationDate: ['2004-05-06'] } },
      { id: 'o2', schema: 'PublicBody', properties: { name: ['Datov Committee'], startDate: ['1994'], endDate: ['2011-12'] } },
    ]
      .map((e) => JSON.stringify(e))
      .join('\n');
    const { document } = ftmToDocument(lines, { fileName: 'dates.ftm.jsonl', reliability: 'C', faction: 'other' });
    const dates = Object.fromEntries(document.actors.map((a) => [a.name, [a.start ?? null, a.end ?? null]]));
    expect(dates['Ivan Datov']).toEqual([{ date: '1962-03', precision: 'month' }, null]);
    expect(dates['Datov Trading']).toEqual([{ date: '2004-05-06', precision: 'day' }, null]);
    expect(dates['Datov Committee']).toEqual([{ date: '1994', precision: 'year' }, { date: '2011-12', precision: 'month' }]);
  });
});
