// Importing another tool's network through the data layer: the preview reads and maps without
// writing, the import writes what the preview counted with the mapping chosen, a second import
// changes nothing; and a file that would create nothing writes nothing (FtM too). The reader is
// a stand-in registered for this file (a ForeignGraph as JSON), so the plumbing is tested apart
// from any one format's reader.
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('../../lib/exchange/import-formats', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/exchange/import-formats')>();
  const test = { label: 'Test graph JSON', extensions: ['.testgraph'], read: async (text: string) => JSON.parse(text) };
  return {
    ...real,
    FOREIGN_IMPORT_FORMATS: { testgraph: test },
    FOREIGN_IMPORT_FORMAT_IDS: ['testgraph'],
    FOREIGN_IMPORT_FORMAT_LIST: [['testgraph', test]],
    isForeignImportFormat: (format: string) => format === 'testgraph',
    foreignImportFormat: () => test,
  };
});

import { getDb } from '../../lib/db/client';
import { AppError } from '../../lib/data/errors';
import { importFile, previewFile } from '../../lib/data/import/import-file';
import type { Principal } from '../../lib/data/principal';
import type { ForeignGraph } from '../../lib/exchange/foreign-graph';
import { dbFingerprint } from '../support/db-fingerprint';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();

const graph: ForeignGraph = {
  format: 'testgraph',
  title: 'Mapping fixture',
  nodes: [
    { id: 'a', label: 'Ivan MAPPINGOV', attributes: { kind: 'person', camp: 'opposition' }, x: null, y: null, spells: [] },
    { id: 'b', label: 'Mapping Committee', attributes: { kind: 'org', camp: 'opposition' }, x: null, y: null, spells: [] },
    { id: 'c', label: 'Olga Mappingova', attributes: { kind: 'person', camp: '' }, x: null, y: null, spells: [] },
  ],
  edges: [
    { id: 'ab', source: 'a', target: 'b', directed: true, label: 'chairs', weight: null, attributes: {}, spells: [{ start: '2020-01-01', end: null }] },
    { id: 'cb', source: 'c', target: 'b', directed: true, label: 'member', weight: null, attributes: {}, spells: [] },
    { id: 'ca', source: 'c', target: 'a', directed: false, label: 'knows', weight: null, attributes: {}, spells: [] },
  ],
  nodeAttributes: [
    { key: 'kind', type: 'string', count: 3, samples: ['person', 'org'] },
    { key: 'camp', type: 'string', count: 2, samples: ['opposition'] },
  ],
  edgeAttributes: [],
};
const text = JSON.stringify(graph);

async function refusal(run: () => Promise<unknown>): Promise<AppError> {
  const error = await run().then(() => null, (e: unknown) => e);
  expect(error, 'expected a refusal').toBeInstanceOf(AppError);
  return error as AppError;
}

describe.skipIf(!available)(`importing a mapped network on ${TEST_KIND}`, () => {
  let analyst: Principal;

  beforeAll(async () => {
    await freshDatabase();
    const db = await getDb();
    const user = await db.user.create({ data: { name: 'Mapping analyst', email: 'mapping-analyst@example.test', role: 'analyst' } });
    analyst = { type: 'user', userId: user.id, role: 'analyst', name: user.name } as Principal;
  });

  it('previews a file without writing: counts, attributes with their values, the suggested mapping', async () => {
    const before = await dbFingerprint();
    const preview = await previewFile(analyst, { format: 'testgraph', text, fileName: 'fixture.testgraph' });
    expect(await dbFingerprint(), 'the preview wrote something').toBe(before);
    expect(preview.actors).toEqual({ create: 3, update: 0 });
    expect(preview.ties).toEqual({ create: 3, update: 0 });
    expect(preview.foreign?.nodeAttributes.find((a) => a.key === 'camp')?.values).toEqual(['opposition']);
    expect(preview.foreign?.edgeLabels).toEqual(['chairs', 'member', 'knows']);
    expect(preview.foreign?.suggested.nodes).toMatchObject({ kind: 'kind', faction: 'camp', kindValues: { person: 'person', org: 'organization' } });
    expect(preview.foreign?.suggested.edges.typeValues).toEqual({ chairs: 'leads', member: 'member_of', knows: 'associate_of' });
    expect(preview.foreign?.kinds).toEqual({ person: 2, organization: 1 });
  });

  it('imports with the mapping chosen, and a second import of the same file changes nothing', async () => {
    const preview = await previewFile(analyst, { format: 'testgraph', text, fileName: 'fixture.testgraph' });
    const suggested = preview.foreign!.suggested;
    const mapping = {
      ...suggested,
      source: { title: 'Mapping fixture file', reliability: 'B', credibility: 2 },
      nodes: { ...suggested.nodes, factionValues: { opposition: 'belarus-opposition' }, factionByKind: { person: 'west' } },
      edges: { ...suggested.edges, typeValues: { chairs: 'leads', member: 'member_of' } },
    };
    const input = { format: 'testgraph', text, fileName: 'fixture.testgraph', mapping: JSON.stringify(mapping) };
    const result = await importFile(analyst, input);
    expect(result.counts.actors.created).toBe(3);
    expect(result.counts.ties.created).toBe(3);

    const db = await getDb();
    const ivan = await db.actor.findFirstOrThrow({ where: { name: 'Ivan Mappingov' }, include: { names: true } });
    expect(ivan).toMatchObject({ kind: 'person', faction: 'belarus-opposition' });
    expect(ivan.names.map((n) => n.name)).toContain('Ivan MAPPINGOV');
    expect((await db.actor.findFirstOrThrow({ where: { name: 'Olga Mappingova' } })).faction).toBe('west');
    const ties = await db.tie.findMany({ where: { claims: { some: { source: { title: 'Mapping fixture file' } } } }, include: { claims: true }, orderBy: { type: 'asc' } });
    expect(ties.map((t) => [t.type, t.claims[0].status, t.claims[0].credibility])).toEqual([
      ['associate_of', 'needs_review', 2],
      ['leads', 'accepted', 2],
      ['member_of', 'accepted', 2],
    ]);

    const again = await previewFile(analyst, input);
    expect(again.actors).toEqual({ create: 0, update: 3 });
    const before = await dbFingerprint();
    const second = await importFile(analyst, input);
    expect(second.counts.actors).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await dbFingerprint(), 'a second import of the same file changed the database').toBe(before);
  });

  it('refuses a mapping that is not Powermap’s, writing nothing', async () => {
    const before = await dbFingerprint();
    const error = await refusal(() => importFile(analyst, { format: 'testgraph', text, fileName: 'x.testgraph', mapping: JSON.stringify({ edges: { typeValues: { chairs: 'rules' } } }) }));
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(/mapping/);
    expect(await dbFingerprint()).toBe(before);
  });

  it('refuses a file from which nothing would be created, writing no source and no revision', async () => {
    const before = await dbFingerprint();
    const ftm = [
      { id: 'mx-addr', schema: 'Address', caption: '1 Nowhere Street', properties: {} },
      { id: 'mx-pass', schema: 'Passport', properties: {} },
    ]
      .map((e) => JSON.stringify(e))
      .join('\n');
    const error = await refusal(() => importFile(analyst, { format: 'ftm', text: ftm, fileName: 'things.jsonl' }));
    expect(error.message).toBe('Nothing to import: things.jsonl holds no people, organisations or ties Powermap reads (left out: Address: 1, Passport: 1). Nothing was written.');
    const empty = await refusal(() => importFile(analyst, { format: 'testgraph', text: JSON.stringify({ ...graph, nodes: [], edges: [] }), fileName: 'empty.testgraph' }));
    expect(empty.message).toMatch(/^Nothing to import/);
    expect(await dbFingerprint()).toBe(before);
  });

  it('previews FtM entities: schemas, kinds and the faction rule per kind', async () => {
    const ftm = [
      { id: 'mx-p1', schema: 'Person', caption: 'Petr PREVIEWOV', properties: {} },
      { id: 'mx-c1', schema: 'Company', caption: 'Preview LLC', properties: {} },
      { id: 'mx-d1', schema: 'Directorship', properties: { director: ['mx-p1'], organization: ['mx-c1'] } },
    ]
      .map((e) => JSON.stringify(e))
      .join('\n');
    const preview = await previewFile(analyst, { format: 'ftm', text: ftm, fileName: 'preview.jsonl' });
    expect(preview.ftm).toEqual({ schemas: { Person: 1, Company: 1, Directorship: 1 }, kinds: { person: 1, organization: 1 } });
    expect(preview.actors).toEqual({ create: 2, update: 0 });
    await importFile(analyst, { format: 'ftm', text: ftm, fileName: 'preview.jsonl', faction: 'other', organizationFaction: 'russia-state' });
    const db = await getDb();
    expect((await db.actor.findFirstOrThrow({ where: { name: 'Preview LLC' } })).faction).toBe('russia-state');
    expect((await db.actor.findFirstOrThrow({ where: { name: 'Petr Previewov' } })).faction).toBe('other');
  });
});
