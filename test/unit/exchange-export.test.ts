// The export registry's pieces, without a database: GET /api/export's query (the map's own
// schema plus format and scope), the streamed body, and the Cytoscape JSON and FtM writers on a
// small view (every FtM schema a tie type maps to, and UnknownLink for the rest).
import { describe, expect, it } from 'vitest';
import { VIEW_EXPORT_FORMATS } from '../../lib/exchange/export-formats';
import { exportStream, exportText, NO_EVIDENCE, writeView, type ExportMeta } from '../../lib/exchange/export-writer';
import { exportFileName } from '../../lib/exchange/export-names';
import { writeCyjs } from '../../lib/exchange/cyjs/write-cyjs';
import { ftmEntities, type FtmEntity } from '../../lib/exchange/ftm/write-ftm';
import { markAt } from '../../lib/graph/time-slice';
import { toCytoscapeElements } from '../../lib/graph/cytoscape-elements';
import { TIE_TYPE_INFO, TIE_TYPES } from '../../lib/domain/vocabulary';
import { DOCUMENT_FORMAT_ID, EXPORT_FORMAT_IDS, EXPORT_FORMAT_LABELS, parseExportQuery } from '../../lib/validation/export-queries';
import { actor, cloneMiniNetwork, day, tie } from './fixtures/mini-network';

const META: ExportMeta = { title: 'Test', address: 'https://powermap.test/?asOf=2023-01-01', asOf: '2023-01-01', generatedAt: '2023-01-01T00:00:00.000Z', scope: 'view' };

describe('parseExportQuery', () => {
  it('reads format and scope, and the view with the map’s own schema', () => {
    const parsed = parseExportQuery({ format: 'cyjs', asOf: '2022-01-01', focus: 'alexander-lukashenko', hops: '2', layout: 'circle' });
    expect(parsed).toEqual({ ok: true, value: { format: 'cyjs', scope: 'view', includeInternal: false, query: { asOf: '2022-01-01', showEnded: true, focus: 'alexander-lukashenko', hops: 2 } } });
  });

  it('refuses in words: no format, an unknown one, a bad view parameter, a narrowed whole database', () => {
    const errors = (params: Record<string, string | string[]>) => {
      const parsed = parseExportQuery(params);
      return parsed.ok ? [] : parsed.errors;
    };
    expect(errors({})).toEqual([expect.stringMatching(/^format: must be one of cyjs, ftm, .*powermap/)]);
    expect(errors({ format: 'pdf' })[0]).toMatch(/^format:/);
    expect(errors({ format: 'cyjs', scope: 'some' })[0]).toMatch(/^scope: must be "view" or "all"/);
    expect(errors({ format: 'cyjs', minGrade: 'Z9' })[0]).toMatch(/^minGrade:/);
    expect(errors({ format: 'cyjs', bogus: '1' })[0]).toMatch(/^bogus: unknown parameter/);
    expect(errors({ format: ['cyjs', 'ftm'] })).toEqual(['format: given more than once']);
    expect(errors({ format: 'ftm', scope: 'all', kinds: 'person' })).toEqual(['kinds: scope=all exports the whole database, which no filter or focus narrows']);
    expect(errors({ format: 'ftm', scope: 'all', asOf: '2020-01-01' })).toEqual([]);
    expect(errors({ format: 'powermap' })).toEqual(['scope: a Powermap document holds the whole database: use scope=all']);
    expect(errors({ format: 'powermap', scope: 'all' })).toEqual([]);
  });

  it('every format id has a writer and a label', () => {
    for (const id of EXPORT_FORMAT_IDS) {
      if (id !== DOCUMENT_FORMAT_ID) expect(VIEW_EXPORT_FORMATS[id].extension).toMatch(/^[a-z.]+$/);
      expect(EXPORT_FORMAT_LABELS[id].length).toBeGreaterThan(2);
    }
  });

  it('names files by scope, day and focus', () => {
    expect(exportFileName('view', '2022-01-01', 'tertel', 'cyjs')).toBe('powermap-view-2022-01-01-tertel.cyjs');
    expect(exportFileName('all', '2022-01-01', undefined, 'ftm.json')).toBe('powermap-all-2022-01-01.ftm.json');
  });
});

describe('exportStream', () => {
  const read = async (stream: ReadableStream<Uint8Array>) => {
    const chunks: Uint8Array[] = [];
    const reader = stream.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    return chunks;
  };

  it('streams a generator in chunks of about 64 KB, bytes and text alike', async () => {
    function* lines() {
      for (let i = 0; i < 20_000; i++) yield `line ${i} ${'é'.repeat(3)}\n`;
      yield new TextEncoder().encode('last\n');
    }
    const chunks = await read(exportStream(lines()));
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.byteLength).toBeGreaterThanOrEqual(65_536);
    const text = new TextDecoder().decode(Buffer.concat(chunks));
    expect(text.split('\n')).toHaveLength(20_002);
    expect(text.endsWith('line 19999 ééé\nlast\n')).toBe(true);
  });

  it('takes a whole string and an async generator too', async () => {
    expect(new TextDecoder().decode((await read(exportStream('ü')))[0])).toBe('ü');
    async function* parts() {
      yield 'a';
      yield 'b';
    }
    expect(await exportText(parts())).toBe('ab');
  });
});

describe('writeCyjs', () => {
  const view = markAt(cloneMiniNetwork(), '2023-01-01');
  view.nodes[0] = { ...view.nodes[0]!, x: 10, y: -5 };

  it('is the map’s element data with Cytoscape desktop’s shared_name, positions where known', async () => {
    const doc = JSON.parse(await exportText(writeCyjs(view, META)));
    const elements = toCytoscapeElements(view);
    expect(doc.data).toMatchObject({ name: 'Test', asOf: '2023-01-01', address: META.address });
    expect(doc.elements.nodes).toEqual(elements.nodes.map((n) => ({ ...n, data: { ...n.data, shared_name: n.data.label } })));
    expect(doc.elements.nodes[0].position).toEqual({ x: 10, y: -5 });
    expect(doc.elements.edges[0].data.shared_name).toBe(`${elements.edges[0]!.data.source} (${elements.edges[0]!.data.interaction}) ${elements.edges[0]!.data.target}`);
  });

  it('writes a valid document for an empty view', async () => {
    expect(JSON.parse(await exportText(writeCyjs({ asOf: '2023-01-01', nodes: [], edges: [] }, META))).elements).toEqual({ nodes: [], edges: [] });
  });
});

describe('FtM entities', () => {
  const graph = cloneMiniNetwork();
  graph.nodes.push(actor('eu', 'European Union', 'organization', 'west', ['European Union']));
  graph.nodes.push(actor('protest', 'Protests of 2020', 'event', 'belarus-opposition', ['Protests of 2020'], day('2020-08-09'), day('2021-03-01')));
  graph.edges.push(
    tie('tertel-holds-kgb', 'tertel', 'holds_position', 'kgb', { role: 'Chairman of the KGB', start: day('2020-09-03') }),
    tie('tertel-sanctioned', 'tertel', 'sanctioned_by', 'eu', { role: 'Belarus regime', start: day('2020-10-02') }),
    tie('tsikhanouskaya-at-protest', 'tsikhanouskaya', 'participated_in', 'protest'),
  );
  const view = markAt(graph, '2023-01-01');
  const evidence = { sourcesOfTie: new Map([['tertel-holds-kgb', [{ title: 'Decree 123', publisher: 'Pravo.by', url: 'https://pravo.by/123' }, { title: 'BelTA', publisher: '', url: null }]]]) };
  const entities: FtmEntity[] = [...ftmEntities(view, META, evidence)];
  const byId = new Map(entities.map((e) => [e.id, e]));

  it('writes actors first, each with a schema for its kind, names, dates and its profile', () => {
    const firstLink = entities.findIndex((e) => !['Person', 'Organization', 'PublicBody', 'Event'].includes(e.schema));
    expect(firstLink).toBe(view.nodes.length);
    expect(byId.get('powermap-lukashenko')).toMatchObject({
      schema: 'Person',
      caption: 'Alexander Lukashenko',
      properties: { name: ['Alexander Lukashenko'], birthDate: ['1954-08-30'], sourceUrl: ['https://powermap.test/actors/lukashenko'], keywords: expect.arrayContaining(['Person']) },
      datasets: ['powermap'],
    });
    expect(byId.get('powermap-lukashenko')!.properties.alias).toContain('Аляксандр Лукашэнка');
    expect(byId.get('powermap-tertel')!.properties.birthDate).toEqual(['1966']);
    expect(byId.get('powermap-russia')!.schema).toBe('PublicBody');
    expect(byId.get('powermap-kgb')).toMatchObject({ schema: 'Organization', properties: { incorporationDate: ['1991'] } });
    expect(byId.get('powermap-protest')).toMatchObject({ schema: 'Event', properties: { startDate: ['2020-08-09'], endDate: ['2021-03-01'] } });
  });

  it('writes each tie type as its FtM schema, dated, cited by its claims’ sources', () => {
    expect(byId.get('powermap-tie-vakulchik-leads-kgb')).toMatchObject({
      schema: 'Directorship',
      properties: { director: ['powermap-vakulchik'], organization: ['powermap-kgb'], role: ['Chairman'], startDate: ['2016-11'], endDate: ['2020-09-03'] },
    });
    expect(byId.get('powermap-tie-gryzlov-represents-russia')!.properties).toMatchObject({ agent: ['powermap-gryzlov'], client: ['powermap-russia'] });
    expect(byId.get('powermap-tie-gryzlov-associate-of-putin')).toMatchObject({ schema: 'Associate', properties: { person: ['powermap-gryzlov'], associate: ['powermap-putin'] } });
    expect(byId.get('powermap-post-tertel-holds-kgb')).toMatchObject({ schema: 'Position', caption: 'Chairman of the KGB', properties: { organization: ['powermap-kgb'] } });
    expect(byId.get('powermap-tie-tertel-holds-kgb')).toMatchObject({
      schema: 'Occupancy',
      properties: { holder: ['powermap-tertel'], post: ['powermap-post-tertel-holds-kgb'], startDate: ['2020-09-03'], sourceUrl: ['https://pravo.by/123'], publisher: ['Pravo.by', 'BelTA'] },
    });
    expect(byId.get('powermap-tie-tertel-sanctioned')).toMatchObject({ schema: 'Sanction', properties: { entity: ['powermap-tertel'], authority: ['European Union'], program: ['Belarus regime'] } });
  });

  it('writes a tie type FtM has no schema for as an UnknownLink whose role says the type', () => {
    const withoutSchema = view.edges.filter((e) => !TIE_TYPE_INFO[e.type].ftmSchema);
    expect(withoutSchema.length).toBeGreaterThan(4);
    for (const edge of withoutSchema) {
      expect(byId.get(`powermap-tie-${edge.tieId}`)).toMatchObject({
        schema: 'UnknownLink',
        properties: { subject: [`powermap-${edge.source.slice(6)}`], object: [`powermap-${edge.target.slice(6)}`], role: [expect.stringContaining(TIE_TYPE_INFO[edge.type].label)] },
      });
    }
    // Every tie type has a home: its schema, or UnknownLink.
    expect(TIE_TYPES.filter((t) => TIE_TYPE_INFO[t].ftmSchema === null).length).toBeGreaterThan(0);
  });

  it('writes one JSON entity per line, without empty properties', async () => {
    const text = await exportText(writeView(VIEW_EXPORT_FORMATS.ftm, view, META, NO_EVIDENCE));
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(entities.length);
    for (const line of lines) {
      const e = JSON.parse(line) as FtmEntity;
      for (const values of Object.values(e.properties)) expect(values.length).toBeGreaterThan(0);
    }
  });
});
