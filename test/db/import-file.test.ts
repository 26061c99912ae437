// Importing a file through the data layer: FollowTheMoney entities land as actors and ties that
// need review; the same file again changes nothing; a broken file, or a viewer, writes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { AppError } from '../../lib/data/errors';
import { importFile } from '../../lib/data/import/import-file';
import { ANONYMOUS, type Principal } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import { dbFingerprint } from '../support/db-fingerprint';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();

const fixture = [
  { id: 'dbfx-p1', schema: 'Person', caption: 'Testa Fixturova', properties: { name: ['Testa Fixturova'], alias: ['Теста Фикстурова'], birthDate: ['1970-04'] } },
  { id: 'dbfx-p2', schema: 'Person', caption: 'Testo Fixturov', properties: { name: ['Testo Fixturov'] } },
  { id: 'dbfx-c1', schema: 'Company', caption: 'Fixturova Trading LLC', properties: { name: ['Fixturova Trading LLC'], incorporationDate: ['2010'] } },
  { id: 'dbfx-d1', schema: 'Directorship', properties: { director: ['dbfx-p1'], organization: ['dbfx-c1'], role: ['Director'], startDate: ['2015-02-01'] } },
  { id: 'dbfx-f1', schema: 'Family', properties: { person: ['dbfx-p1'], relative: ['dbfx-p2'], relationship: ['Sibling'] } },
  { id: 'dbfx-s1', schema: 'Sanction', properties: { entity: ['dbfx-c1'], authority: ['Fixture Sanctions Office'], startDate: ['2022'] } },
  { id: 'dbfx-a1', schema: 'Address', caption: 'Somewhere', properties: { full: ['Somewhere'] } },
]
  .map((e) => JSON.stringify(e))
  .join('\n');

async function refusal(run: () => Promise<unknown>): Promise<AppError> {
  const error = await run().then(() => null, (e: unknown) => e);
  expect(error, 'expected the import to be refused').toBeInstanceOf(AppError);
  return error as AppError;
}

describe.skipIf(!available)(`importing a file on ${TEST_KIND}`, () => {
  let analyst: Principal;
  let viewer: Principal;

  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
    const db = await getDb();
    const make = async (role: 'viewer' | 'analyst') => {
      const user = await db.user.create({ data: { name: `Import ${role}`, email: `import-${role}@example.test`, role } });
      return { type: 'user', userId: user.id, role, name: user.name } as Principal;
    };
    analyst = await make('analyst');
    viewer = await make('viewer');
  });

  it('imports FollowTheMoney entities, and the same file a second time changes nothing', async () => {
    const input = { format: 'ftm', text: fixture, fileName: 'fixture.ftm.jsonl', reliability: 'D', faction: 'other' };
    const first = await importFile(analyst, input);
    expect(first.counts).toEqual({
      sources: { created: 1, updated: 0, unchanged: 0 },
      actors: { created: 4, updated: 0, unchanged: 0 },
      ties: { created: 3, updated: 0, unchanged: 0 },
      claims: { created: 3, updated: 0, unchanged: 0 },
    });
    expect(first.skipped).toEqual({ Address: 1 });

    const db = await getDb();
    const person = await db.actor.findFirstOrThrow({ where: { name: 'Testa Fixturova' }, include: { names: true, outTies: { include: { claims: { include: { source: true } } } } } });
    expect(person.names.map((n) => [n.name, n.script, n.lang])).toContainEqual(['Теста Фикстурова', 'Cyrl', 'ru']);
    expect(person.outTies.map((t) => t.type).sort()).toEqual(['family_of', 'leads']);
    for (const t of person.outTies) {
      expect(t.claims).toHaveLength(1);
      expect(t.claims[0]).toMatchObject({ status: 'needs_review', credibility: 3 });
      expect(t.claims[0].source).toMatchObject({ title: 'FollowTheMoney import: fixture.ftm.jsonl', reliability: 'D' });
    }

    const before = await dbFingerprint();
    const second = await importFile(analyst, input);
    expect(second.counts).toEqual({
      sources: { created: 0, updated: 0, unchanged: 1 },
      actors: { created: 0, updated: 0, unchanged: 4 },
      ties: { created: 0, updated: 0, unchanged: 3 },
      claims: { created: 0, updated: 0, unchanged: 3 },
    });
    expect(await dbFingerprint(), 'a second import of the same file changed the database').toBe(before);
  });

  it('imports a Powermap document', async () => {
    const doc = {
      sources: [{ id: 'dbfx-doc-source', title: 'A document source', reliability: 'B' }],
      actors: [
        { slug: 'dbfx-doc-actor', name: 'Document Actor', kind: 'group', faction: 'other' },
        { slug: 'dbfx-doc-target', name: 'Document Target', kind: 'person', faction: 'other' },
      ],
      ties: [{ id: 'dbfx-doc-tie', source: 'dbfx-doc-actor', target: 'dbfx-doc-target', type: 'opposes', claims: [{ id: 'dbfx-doc-claim', source: 'dbfx-doc-source', quote: 'They oppose him.', credibility: 2 }] }],
    };
    const result = await importFile(analyst, { format: 'powermap', text: JSON.stringify(doc), fileName: 'doc.json' });
    expect(result.counts.actors.created).toBe(2);
    expect(result.counts.ties.created).toBe(1);
  });

  const broken: [string, Record<string, unknown>, RegExp][] = [
    ['FtM lines that are not JSON', { format: 'ftm', text: `${fixture}\n{"id": "x", broken`, fileName: 'broken.jsonl' }, /line 8: not JSON/],
    ['a Powermap document that is not JSON', { format: 'powermap', text: '{\n  "sources": [],\n  "actors": [,]\n}', fileName: 'broken.json' }, /not valid JSON/],
    ['a Powermap document with a tie to an unknown actor', {
      format: 'powermap',
      text: JSON.stringify({ sources: [], actors: [{ slug: 'dbfx-half', name: 'Half written', kind: 'person', faction: 'other' }], ties: [{ id: 'dbfx-bad-tie', source: 'dbfx-half', target: 'no-such-actor', type: 'leads', claims: [] }] }),
      fileName: 'bad.json',
    }, /Unknown actor "no-such-actor"/],
    ['an unknown format', { format: 'xlsx', text: 'a,b', fileName: 'x.xlsx' }, /format/],
    ['an empty file', { format: 'ftm', text: '', fileName: 'empty.jsonl' }, /empty/],
  ];
  for (const [what, input, message] of broken) {
    it(`refuses ${what} and leaves the database as it was`, async () => {
      const before = await dbFingerprint();
      const error = await refusal(() => importFile(analyst, input));
      expect(error.code).toBe('invalid');
      expect(error.message).toMatch(message);
      expect(await dbFingerprint()).toBe(before);
    });
  }

  it('refuses a viewer and an anonymous caller, writing nothing', async () => {
    const before = await dbFingerprint();
    const input = { format: 'ftm', text: fixture.replaceAll('dbfx-', 'dbfx2-'), fileName: 'viewer.jsonl' };
    expect((await refusal(() => importFile(viewer, input))).code).toBe('forbidden');
    expect((await refusal(() => importFile(ANONYMOUS, input))).code).toBe('unauthenticated');
    expect(await dbFingerprint()).toBe(before);
  });
});
