// Mapping another tool's network onto Powermap: a tiny ForeignGraph built here, the mapping
// suggested for it, and the document the mapping makes (passing importDocumentSchema like any
// import); names in capitals, faction rules per kind, unknown tie types, dates and weights.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readablePersonName } from '../../lib/domain/readable-name';
import { ForeignFormatError } from '../../lib/exchange/foreign-format-error';
import { foreignImportFormat } from '../../lib/exchange/import-formats';
import type { ForeignEdge, ForeignGraph, ForeignNode } from '../../lib/exchange/foreign-graph';
import { mapForeignGraph } from '../../lib/exchange/map-foreign-graph';
import { suggestMapping } from '../../lib/exchange/suggest-mapping';
import { importDocumentSchema } from '../../lib/validation/import-document';
import { importMappingSchema, importMappingTextSchema, type ImportMappingInput } from '../../lib/validation/import-mapping';

const node = (id: string, label: string | null, attributes: ForeignNode['attributes'] = {}): ForeignNode => ({ id, label, attributes, x: null, y: null, spells: [] });
const edge = (id: string | null, source: string, target: string, more: Partial<ForeignEdge> = {}): ForeignEdge => ({
  id,
  source,
  target,
  directed: true,
  label: null,
  weight: null,
  attributes: {},
  spells: [],
  ...more,
});

/** A Gephi-like file: a kind column, a camp column, a relation column, a direction "Type" column, weights, spells. */
function tinyGraph(): ForeignGraph {
  return {
    format: 'gexf',
    title: 'Tiny test network',
    nodes: [
      node('n1', 'Alexander Vyacheslavovich ZAKHAROV', { kind: 'individual', camp: 'Russian state', aliases: 'Александр Захаров|A. Zakharov' }),
      node('n2', 'Ministry of Tests', { kind: 'ministry', camp: 'nobody knows' }),
      node('n3', 'Olga Testova', { kind: 'person', camp: '' }),
      node('n4', 'KGB', { kind: 'organisation' }),
    ],
    edges: [
      edge('e1', 'n1', 'n2', { attributes: { relation: 'Head of', Type: 'Directed' }, weight: 10, spells: [{ start: '2015-02', end: '2019' }, { start: '2021', end: null }] }),
      edge('e2', 'n3', 'n2', { attributes: { relation: 'member', Type: 'Directed' }, weight: 1 }),
      edge('e3', 'n3', 'n1', { attributes: { relation: 'plays chess with', Type: 'Undirected' }, weight: 5.5 }),
      edge(null, 'n4', 'n2', { attributes: { relation: 'supports', Type: 'Directed' } }),
      edge(null, 'n4', 'n2', { attributes: { relation: 'supports', Type: 'Directed' } }),
      edge('e6', 'n1', 'n9', { attributes: { relation: 'member' } }),
      edge('e7', 'n2', 'n2', { attributes: { relation: 'member' } }),
    ],
    nodeAttributes: [
      { key: 'kind', type: 'string', count: 4, samples: ['individual', 'ministry', 'person', 'organisation'] },
      { key: 'camp', type: 'string', count: 2, samples: ['Russian state', 'nobody knows'] },
      { key: 'aliases', type: 'string', count: 1, samples: ['Александр Захаров|A. Zakharov'] },
    ],
    edgeAttributes: [
      { key: 'Type', type: 'string', count: 6, samples: ['Directed', 'Undirected'] },
      { key: 'relation', type: 'string', count: 7, samples: ['Head of', 'member', 'plays chess with', 'supports'] },
    ],
  };
}

const map = (mapping: ImportMappingInput = {}, graph = tinyGraph()) => mapForeignGraph(graph, importMappingSchema.parse(mapping), { fileName: 'tiny.gexf', formatLabel: 'GEXF' });
const actorNamed = (doc: ReturnType<typeof map>['document'], name: string) => doc.actors.find((a) => a.name === name)!;

describe('readablePersonName', () => {
  it('gives words in capitals an initial capital, in any script, and leaves the rest alone', () => {
    expect(readablePersonName('Alexander Vyacheslavovich ZAKHAROV')).toBe('Alexander Vyacheslavovich Zakharov');
    expect(readablePersonName('ЗАХАРОВ Александр')).toBe('Захаров Александр');
    expect(readablePersonName('PETROV-VODKIN, Kuzma')).toBe('Petrov-Vodkin, Kuzma');
    expect(readablePersonName("O'NEILL John")).toBe("O'Neill John");
    expect(readablePersonName('Elizabeth II')).toBe('Elizabeth II');
    expect(readablePersonName('J. R. SMITH')).toBe('J. R. Smith');
    expect(readablePersonName('Olga Testova')).toBe('Olga Testova');
  });
});

describe('suggestMapping', () => {
  const suggested = suggestMapping(tinyGraph());

  it('finds kind, faction, names and tie type by their column names, not Gephi’s direction column', () => {
    expect(suggested.nodes).toMatchObject({ name: '@label', kind: 'kind', faction: 'camp', names: ['aliases'] });
    expect(suggested.edges).toMatchObject({ type: 'relation', dates: 'spells', strength: '@weight' });
  });

  it('guesses value maps from the values, leaving what it cannot tell unmapped', () => {
    expect(suggested.nodes.kindValues).toEqual({ individual: 'person', ministry: 'organization', person: 'person', organisation: 'organization' });
    expect(suggested.nodes.factionValues).toEqual({ 'Russian state': 'russia-state' });
    expect(suggested.edges.typeValues).toEqual({ 'Head of': 'leads', member: 'member_of', supports: 'supports' });
  });

  it('reads dates from start and end columns where there are no spells', () => {
    const graph = tinyGraph();
    graph.edges = graph.edges.map((e) => ({ ...e, spells: [], attributes: { ...e.attributes, 'Start date': '2010' } }));
    graph.edgeAttributes.push({ key: 'Start date', type: 'string', count: 7, samples: ['2010'] });
    expect(suggestMapping(graph).edges).toMatchObject({ dates: 'attributes', start: 'Start date', end: null });
  });
});

describe('mapForeignGraph', () => {
  const suggested = suggestMapping(tinyGraph());
  const result = map(suggested);

  it('makes a document that passes importDocumentSchema, citing one source for the file with its grade', () => {
    const parsed = importDocumentSchema.safeParse(result.document);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(result.document.sources).toHaveLength(1);
    expect(result.document.sources[0]).toMatchObject({ id: 'gexf-tiny-gexf', title: 'GEXF import: tiny.gexf', reliability: 'C' });
    expect(result.document.ties.every((t) => t.claims.length === 1 && t.claims[0].source === 'gexf-tiny-gexf')).toBe(true);
  });

  it('shows a name in capitals readably and keeps the original as a variant, for people only', () => {
    const zakharov = actorNamed(result.document, 'Alexander Vyacheslavovich Zakharov');
    expect(zakharov.kind).toBe('person');
    expect(zakharov.names?.map((n) => n.name)).toEqual(['Alexander Vyacheslavovich Zakharov', 'Alexander Vyacheslavovich ZAKHAROV', 'Александр Захаров', 'A. Zakharov']);
    expect(zakharov.names?.[2]).toMatchObject({ script: 'Cyrl', lang: 'ru' });
    expect(actorNamed(result.document, 'KGB').kind).toBe('organization');
  });

  it('takes the faction from the attribute, else the rule for the kind, else the default', () => {
    const doc = map({ ...suggested, nodes: { ...suggested.nodes, factionByKind: { organization: 'belarus-state' }, defaultFaction: 'west' } }).document;
    expect(actorNamed(doc, 'Alexander Vyacheslavovich Zakharov').faction).toBe('russia-state');
    expect(actorNamed(doc, 'Ministry of Tests').faction).toBe('belarus-state'); // "nobody knows" is no faction
    expect(actorNamed(doc, 'KGB').faction).toBe('belarus-state');
    expect(actorNamed(doc, 'Olga Testova').faction).toBe('west');
  });

  it('maps tie types through the value map; an unknown type becomes associate_of, its claim needing review', () => {
    const byQuote = (text: string) => result.document.ties.filter((t) => t.claims[0].quote.includes(text));
    expect(byQuote('(Head of)').map((t) => t.type)).toEqual(['leads', 'leads']);
    expect(byQuote('(member)')[0].type).toBe('member_of');
    const chess = byQuote('(plays chess with)');
    expect(chess.map((t) => [t.type, t.claims[0].status])).toEqual([['associate_of', 'needs_review']]);
    expect(byQuote('(member)')[0].claims[0].status).toBe('accepted');
    expect(result.unmappedTieTypes).toBe(1);
    expect(result.warnings).toContain('1 edge has the type "plays chess with", which is not mapped: imported as associate_of, needing review');
  });

  it('makes one tie per spell, with its dates and precision', () => {
    const head = result.document.ties.filter((t) => t.type === 'leads');
    expect(head.map((t) => [t.id.endsWith('-s1') || t.id.endsWith('-s2'), t.start, t.end])).toEqual([
      [true, { date: '2015-02', precision: 'month' }, { date: '2019', precision: 'year' }],
      [true, { date: '2021', precision: 'year' }, null],
    ]);
  });

  it('scales weights that are not grades 1–5 onto strengths 1–5', () => {
    const strengthOf = (text: string) => result.document.ties.find((t) => t.claims[0].quote.includes(text))!.strength;
    expect([strengthOf('(Head of)'), strengthOf('(member)'), strengthOf('(plays chess with)'), strengthOf('(supports)')]).toEqual([5, 1, 3, 3]);
  });

  it('skips edges to nodes not in the file and edges from a node to itself, saying why', () => {
    expect(result.skipped).toEqual({ 'edges to a node not in the file': 1, 'edges from a node to itself': 1 });
    expect(result.warnings).toContain('GEXF edge e6: node "n9" is not in the file; skipped');
  });

  it('gives the same ids on a second mapping and under another name attribute, and tells id-less parallel edges apart', () => {
    const again = map({ ...suggested, nodes: { ...suggested.nodes, name: '@id' } });
    expect(again.document.actors.map((a) => a.slug)).toEqual(result.document.actors.map((a) => a.slug));
    expect(again.document.ties.map((t) => t.id)).toEqual(result.document.ties.map((t) => t.id));
    const supports = result.document.ties.filter((t) => t.type === 'supports');
    expect(new Set(supports.map((t) => t.id)).size).toBe(2);
    // Another file name is another namespace: its "n1" is not this file's.
    const other = mapForeignGraph(tinyGraph(), suggested, { fileName: 'other.gexf' });
    expect(other.document.actors[0].slug).not.toBe(result.document.actors[0].slug);
  });

  it('refuses a file whose node ids repeat, naming them', () => {
    const graph = tinyGraph();
    graph.nodes.push(node('n2', 'Second ministry'));
    expect(() => map(suggested, graph)).toThrow(ForeignFormatError);
    expect(() => map(suggested, graph)).toThrow('node id "n2" is used more than once');
  });

  it('with nothing mapped, imports every node as the default kind and every tie as associate_of needing review', () => {
    const bare = map({ nodes: { name: '@label' }, edges: { type: null, dates: 'none', strength: null } });
    expect(new Set(bare.document.actors.map((a) => a.kind))).toEqual(new Set(['person']));
    expect(bare.document.ties.every((t) => t.type === 'associate_of' && t.claims[0].status === 'needs_review' && t.start === null && t.strength === 3)).toBe(true);
  });
});

describe('importMappingTextSchema', () => {
  it('reads a mapping sent as JSON and fills in the defaults', () => {
    const mapping = importMappingTextSchema.parse(JSON.stringify({ edges: { typeValues: { boss: 'leads' } } }));
    expect(mapping.edges).toMatchObject({ type: '@label', typeValues: { boss: 'leads' }, claimStatus: 'accepted' });
    expect(mapping.source).toEqual({ title: '', reliability: 'C', credibility: 3 });
  });

  it('refuses text that is not JSON, and values that are not Powermap’s', () => {
    expect(importMappingTextSchema.safeParse('{').error?.issues[0].message).toBe('The mapping is not valid JSON');
    expect(importMappingTextSchema.safeParse(JSON.stringify({ edges: { typeValues: { boss: 'commands' } } })).success).toBe(false);
    expect(importMappingTextSchema.safeParse(JSON.stringify({ nodes: { colour: 'kind' } })).success).toBe(false);
  });
});

describe('a shipped GEXF file through the registry', () => {
  it('reads, suggests and maps into a document that validates, with the file’s relation column as the tie type', async () => {
    const text = readFileSync(path.resolve(import.meta.dirname, '../fixtures/gexf/small-dynamic.gexf'), 'utf8');
    const graph = await foreignImportFormat('gexf').read(text);
    const mapping = suggestMapping(graph);
    expect(mapping.nodes.faction).toBe('camp');
    expect(mapping.edges.type).toBe('relation');
    const { document } = mapForeignGraph(graph, mapping, { fileName: 'small-dynamic.gexf' });
    expect(importDocumentSchema.safeParse(document).error?.issues ?? []).toEqual([]);
    expect(actorNamed(document, 'Alexander Lukashenko').faction).toBe('belarus-state');
    expect(document.ties.map((t) => t.type).sort()).toEqual(['associate_of', 'leads', 'opposes']);
  });
});

describe('every registered format', () => {
  const fixtures: Record<string, string> = {
    gexf: 'gexf/small-dynamic.gexf',
    graphml: 'exchange/yed-groups.graphml',
    csv: 'exchange/gephi-edges.csv',
    cyjs: 'exchange/desktop-small.cyjs',
  };
  for (const [format, file] of Object.entries(fixtures)) {
    it(`reads a shipped ${format} file into a document that validates with the suggested mapping`, async () => {
      const text = readFileSync(path.resolve(import.meta.dirname, '../fixtures', file), 'utf8');
      const graph = await foreignImportFormat(format as Parameters<typeof foreignImportFormat>[0]).read(text);
      const { document } = mapForeignGraph(graph, suggestMapping(graph), { fileName: path.basename(file) });
      expect(document.actors.length).toBeGreaterThan(0);
      expect(importDocumentSchema.safeParse(document).error?.issues ?? []).toEqual([]);
    });
  }
});

describe('mapForeignGraph with the graph handed over (release)', () => {
  it('makes the same document and lets each node and edge go once mapped', () => {
    const graph = tinyGraph();
    const mapping = importMappingSchema.parse({});
    const released = mapForeignGraph(graph, mapping, { fileName: 'tiny.gexf', formatLabel: 'GEXF', release: true });
    expect(released).toEqual(map());
    expect(graph.nodes.every((n) => n === undefined)).toBe(true);
    expect(graph.edges.every((e) => e === undefined)).toBe(true);
  });
});
