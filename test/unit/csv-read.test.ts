// readCsv on files Powermap did not write: Gephi-style nodes and edges tables (shipped under
// test/fixtures/exchange), an edges file alone, a nodes file alone, Gephi's Time Interval syntax,
// and the problems a file can have, each named with its row.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formatGephiInterval, parseGephiInterval } from '../../lib/exchange/csv/gephi-interval';
import { readCsv, readCsvZip } from '../../lib/exchange/csv/read-csv';
import { ForeignFormatError } from '../../lib/exchange/foreign-format-error';

const fixture = (name: string) => ({ name, text: readFileSync(path.resolve(__dirname, '../fixtures/exchange', name), 'utf8') });
const problemsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof ForeignFormatError) return error.problems;
    throw error;
  }
  throw new Error('expected a ForeignFormatError');
};

describe("Gephi's Time Interval", () => {
  it('reads one interval, several, open ends, and years written as numbers', () => {
    expect(parseGephiInterval('<[2020-08-09, 2021-01-01]>')).toEqual({ spells: [{ start: '2020-08-09', end: '2021-01-01' }] });
    expect(parseGephiInterval('<[2000, 2004]; [2008.0, inf]>')).toEqual({
      spells: [
        { start: '2000', end: '2004' },
        { start: '2008', end: null },
      ],
    });
    expect(parseGephiInterval('<(-inf, 2020-05-01T10:00:00Z]>')).toEqual({ spells: [{ start: null, end: '2020-05-01' }] });
    expect(parseGephiInterval('[2020-08, 2021-02]')).toEqual({ spells: [{ start: '2020-08', end: '2021-02' }] });
    expect(parseGephiInterval('  ')).toEqual({ spells: [] });
  });

  it('says what is wrong with an interval it cannot read', () => {
    expect(parseGephiInterval('<[2020-08-09 2021-01-01]>')).toEqual({ error: expect.stringContaining('not a Gephi time interval') });
    expect(parseGephiInterval('<[1.5, 2.5]>')).toEqual({ error: expect.stringContaining('not a date') });
    expect(parseGephiInterval('<[2021-02-30, inf]>')).toEqual({ error: expect.stringContaining('not a date') });
  });

  it('writes whole days from a period start to a period end, open ends as -inf and inf', () => {
    expect(formatGephiInterval({ date: '2020-01-01', precision: 'year' }, { date: '2021-02-01', precision: 'month' })).toBe('<[2020-01-01, 2021-02-28]>');
    expect(formatGephiInterval(null, { date: '2021-02-03', precision: 'day' })).toBe('<[-inf, 2021-02-03]>');
    expect(formatGephiInterval(null, null)).toBe('');
  });
});

describe('readCsv', () => {
  it('reads a Gephi edges table with ";" between cells, quoted newlines, spells and Undirected edges', () => {
    const graph = readCsv([fixture('gephi-edges.csv')]);
    expect(graph.edges).toHaveLength(4);
    // An edges file alone: its nodes are the ids it names, in order of appearance.
    expect(graph.nodes.map((n) => n.id)).toEqual(['lukashenko', 'kgb', 'tertel', 'vakulchik', 'цiханоўская']);
    const [first, second, third, fourth] = graph.edges;
    expect(first).toMatchObject({ id: '0', source: 'lukashenko', target: 'kgb', directed: true, label: 'commands; directly', weight: 3, spells: [{ start: '1994-07-20', end: null }] });
    expect(second!.spells).toEqual([
      { start: '2020-09-03', end: '2024-01-01' },
      { start: '2025-01-01', end: null },
    ]);
    expect(third).toMatchObject({ directed: false, label: 'led\r\n(until 2020)', weight: null, spells: [{ start: '2016', end: '2020-09-03' }] });
    expect(fourth).toMatchObject({ directed: false, weight: 2, attributes: { relation: null } });
    expect(graph.edgeAttributes).toEqual([{ key: 'relation', type: 'string', count: 3, samples: ['hierarchy', 'post'] }]);
  });

  it('reads a nodes table with its edges, adding the nodes only the edges name', () => {
    const graph = readCsv([fixture('gephi-nodes.csv'), fixture('gephi-edges.csv')]);
    expect(graph.nodes.map((n) => [n.id, n.label])).toEqual([
      ['lukashenko', 'Alexander Lukashenko'],
      ['kgb', 'KGB'],
      ['tertel', 'Ivan Tertel'],
      ['vakulchik', null],
      ['цiханоўская', null],
    ]);
    expect(graph.nodes[0]!.spells).toEqual([{ start: '1954-08-30', end: null }]);
    expect(graph.nodes[0]!.attributes).toEqual({ Faction: 'state' });
  });

  it('reads a nodes file alone as a network without ties, and types its columns as a whole', () => {
    const graph = readCsv([{ name: 'people.csv', text: 'id,label,age,member,code\nA,Anna,34,true,007\nB,Boris,,FALSE,12\n' }]);
    expect(graph.edges).toEqual([]);
    expect(graph.nodes.map((n) => n.attributes)).toEqual([
      { age: 34, member: true, code: '007' },
      { age: null, member: false, code: '12' },
    ]);
    expect(graph.nodeAttributes.map((a) => [a.key, a.type, a.count])).toEqual([
      ['age', 'number', 1],
      ['member', 'boolean', 2],
      ['code', 'string', 2],
    ]);
  });

  it('reads a zip of the two files', () => {
    const bytes = zipSync({ 'export/nodes.csv': strToU8(fixture('gephi-nodes.csv').text), 'export/edges.csv': strToU8(fixture('gephi-edges.csv').text), '__MACOSX/export/._nodes.csv': new Uint8Array([0, 1, 2]) });
    const graph = readCsvZip(bytes);
    expect([graph.nodes.length, graph.edges.length]).toEqual([5, 4]);
  });

  it('names each problem with its file and row', () => {
    const problems = problemsOf(() =>
      readCsv([
        { name: 'nodes.csv', text: 'Id,Label,x\nA,Anna,1.5\nA,Again,left\n,Nobody,\n' },
        { name: 'edges.csv', text: 'Source,Target,Type,Weight,start\nA,B,Sideways,heavy,2020-13\nA,,Directed,1,\n' },
      ]),
    );
    expect(problems).toEqual([
      'nodes.csv, row 3: the Id "A" is used twice',
      'nodes.csv, row 3: x "left" is not a number',
      'nodes.csv, row 4: no Id',
      'edges.csv, row 2: Weight "heavy" is not a number',
      'edges.csv, row 2: start "2020-13" is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)',
      'edges.csv, row 2: Type "Sideways" is neither Directed nor Undirected',
      'edges.csv, row 3: no Target',
    ]);
  });

  it('refuses files that are not one nodes and one edges table, broken quoting, and zips that are not UTF-8 CSV', () => {
    expect(problemsOf(() => readCsv([fixture('gephi-edges.csv'), fixture('gephi-edges.csv')]))[0]).toMatch(/one nodes file and one edges file/);
    expect(problemsOf(() => readCsv([{ name: 'x.csv', text: 'Label\nno id here\n' }]))[0]).toMatch(/needs an Id column/);
    expect(problemsOf(() => readCsv([{ name: 'q.csv', text: 'Id,Label\nA,"open quote\n' }]))[0]).toMatch(/^q\.csv, row \d+: /);
    expect(problemsOf(() => readCsvZip(new Uint8Array([1, 2, 3, 4])))[0]).toMatch(/not a readable zip/);
    expect(problemsOf(() => readCsvZip(zipSync({ 'nodes.csv': new Uint8Array([0x49, 0x64, 0x0a, 0xff, 0xfe]) })))[0]).toMatch(/not UTF-8/);
    expect(problemsOf(() => readCsvZip(zipSync({ 'readme.md': strToU8('# hi') })))[0]).toMatch(/no \.csv file/);
  });
});
