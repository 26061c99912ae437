// Cytoscape JSON read into a ForeignGraph: Powermap's own export read back, a small Cytoscape
// desktop file shipped here, cytoscape.js's element arrays, files that are not Cytoscape JSON,
// and Cytoscape desktop's Tokyo railways from ../shared/datasets (skipped when absent).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCyjs } from '../../lib/exchange/cyjs/read-cyjs';
import { writeCyjs } from '../../lib/exchange/cyjs/write-cyjs';
import { exportText } from '../../lib/exchange/export-writer';
import { ForeignFormatError } from '../../lib/exchange/foreign-format-error';
import { markAt } from '../../lib/graph/time-slice';
import { cloneMiniNetwork } from './fixtures/mini-network';

const repoRoot = path.resolve(__dirname, '../..');
const besideRepo = path.resolve(repoRoot, '../shared');
const SHARED = process.env.POWERMAP_SHARED_DIR ?? (existsSync(besideRepo) ? besideRepo : '/work/main/../shared');
const TOKYO = path.join(SHARED, 'datasets/cytoscape-tokyo-railways/tokyo-railways.json');

const problemsOf = (content: string) => {
  try {
    readCyjs(content);
  } catch (error) {
    if (error instanceof ForeignFormatError) return error.problems;
    throw error;
  }
  return [];
};

describe('readCyjs', () => {
  it('reads Powermap’s own export back: ids, labels, positions, attributes and dates as precise as they were', async () => {
    const graph = cloneMiniNetwork();
    graph.nodes[0] = { ...graph.nodes[0]!, x: 12.5, y: -40 };
    const view = markAt(graph, '2023-01-01');
    const text = await exportText(writeCyjs(view, { title: 'Mini', address: 'https://powermap.test/', asOf: '2023-01-01', generatedAt: '2023-01-01T00:00:00Z', scope: 'view' }));
    const read = readCyjs(text);
    expect(read.format).toBe('cyjs');
    expect(read.title).toBe('Mini');
    expect(read.nodes.map((n) => n.id)).toEqual(view.nodes.map((n) => n.id));
    expect(read.nodes.map((n) => n.label)).toEqual(view.nodes.map((n) => n.label));
    const lukashenko = read.nodes.find((n) => n.id === 'actor:lukashenko')!;
    expect(lukashenko).toMatchObject({ x: 12.5, y: -40, attributes: { kind: 'person', faction: 'belarus-state', slug: 'lukashenko' } });
    expect(lukashenko.attributes.names).toContain('Аляксандр Лукашэнка');
    expect(read.nodes.find((n) => n.id === 'actor:tertel')!.spells).toEqual([{ start: '1966', end: null }]);
    expect(read.edges.map((e) => [e.id, e.source, e.target])).toEqual(view.edges.map((e) => [e.id, e.source, e.target]));
    const vakulchik = read.edges.find((e) => e.id === 'tie:vakulchik-leads-kgb')!;
    expect(vakulchik).toMatchObject({ label: 'leads', directed: true, attributes: { type: 'leads', role: 'Chairman', grade: 'B2' }, spells: [{ start: '2016-11', end: '2020-09-03' }] });
    const roles = read.edgeAttributes.find((a) => a.key === 'role')!;
    expect(roles).toMatchObject({ type: 'string', count: view.edges.length });
    expect(read.nodeAttributes.find((a) => a.key === 'kind')!.samples).toEqual(expect.arrayContaining(['person', 'organization']));
  });

  it('reads a Cytoscape desktop file: numeric SUIDs, name as label, interaction, weight, lists joined', () => {
    const read = readCyjs(readFileSync(path.join(repoRoot, 'test/fixtures/exchange/desktop-small.cyjs')));
    expect(read.title).toBe('ministries');
    expect(read.nodes.map((n) => [n.id, n.label, n.x, n.y])).toEqual([
      ['108', 'Ministry of Interior', -12.5, 40],
      ['106', 'Ivan Kubrakov', 80, -3.25],
      ['104', 'Alexander Lukashenko', 0, 0],
    ]);
    expect(read.nodes[1]!.attributes).toMatchObject({ SUID: 106, kind: 'person', aliases: 'Іван Кубракоў | Иван Кубраков', selected: false });
    expect(read.edges[0]).toMatchObject({ id: '112', source: '106', target: '108', label: 'leads', weight: 4, attributes: { shared_interaction: 'leads' } });
    expect(read.edges[1]!.weight).toBeNull();
    expect(read.nodeAttributes.find((a) => a.key === 'kind')).toEqual({ key: 'kind', type: 'string', count: 2, samples: ['organization', 'person'] });
  });

  it('reads cytoscape.js element arrays, grouped or told apart by source and target', () => {
    const read = readCyjs(
      JSON.stringify([
        { group: 'nodes', data: { id: 'a', label: 'A' }, position: { x: 1, y: 2 } },
        { data: { id: 'b' } },
        { data: { id: 'ab', source: 'a', target: 'b' } },
        { group: 'edges', data: { source: 'b', target: 'a', label: 'back' } },
      ]),
    );
    expect(read.nodes.map((n) => [n.id, n.label, n.x])).toEqual([
      ['a', 'A', 1],
      ['b', null, null],
    ]);
    expect(read.edges.map((e) => [e.id, e.source, e.target, e.label])).toEqual([
      ['ab', 'a', 'b', null],
      [null, 'b', 'a', 'back'],
    ]);
    expect(readCyjs(JSON.stringify({ elements: [{ data: { id: 'x' } }] })).nodes).toHaveLength(1);
  });

  it('refuses what is not Cytoscape JSON, naming each problem and where', () => {
    expect(problemsOf('{ nope')[0]).toMatch(/^not JSON/);
    expect(problemsOf('{"nodes": 3}')).toEqual(['no "elements" (a list, or { "nodes": [...], "edges": [...] }) in the file']);
    expect(
      problemsOf(JSON.stringify({ elements: { nodes: [{ data: { id: 'a' } }, { data: { id: 'a' } }, { data: {} }], edges: [{ data: { source: 'a', target: 'z' } }, { data: { source: 'a' } }] } })),
    ).toEqual([
      'elements.nodes[1]: node id "a" is used twice',
      'elements.nodes[2]: a node without data.id',
      'elements.edges[0]: edge end "z" is not a node of the file',
      'elements.edges[1]: an edge without data.source and data.target',
    ]);
    expect(() => readCyjs(new Uint8Array([0x7b, 0xff, 0x7d]))).toThrow(/not UTF-8/);
  });

  it.skipIf(!existsSync(TOKYO))('reads Cytoscape desktop’s Tokyo railways (../shared/datasets)', () => {
    const read = readCyjs(readFileSync(TOKYO));
    expect(read.title).toBe('tokyo_only');
    expect(read.nodes).toHaveLength(943);
    expect(read.edges).toHaveLength(860);
    expect(read.nodes.every((n) => typeof n.x === 'number' && typeof n.y === 'number')).toBe(true);
    expect(read.nodeAttributes.find((a) => a.key === 'station_name')).toMatchObject({ type: 'string', count: 943 });
    expect(read.nodes[0]).toMatchObject({ id: '8220', label: '9934001', attributes: { station_name: '京成高砂', lat: 35.750932 } });
  });
  if (!existsSync(TOKYO)) console.warn(`Skipping the Tokyo railways test: ${TOKYO} is not there (the shared test datasets are not installed; set POWERMAP_SHARED_DIR).`);
});
