// The data layer's promises: bad input is refused with a clear message and changes nothing;
// every change writes exactly one revision in the same transaction; stale versions are refused.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { AppError } from '../../lib/data/errors';
import { importDocument } from '../../lib/data/import-document';
import { ANONYMOUS, type Principal } from '../../lib/data/principal';
import { setRevisionFaultForTests } from '../../lib/data/revisions';
import { loadSeed } from '../../lib/data/seed';
import { createActor, deleteActor, restoreActor, updateActor } from '../../lib/data/actors/write-actor';
import { createNote, deleteNote, updateNote } from '../../lib/data/notes/write-note';
import { createClaim, deleteClaim, updateClaim } from '../../lib/data/claims/write-claim';
import { createSource, deleteSource, updateSource } from '../../lib/data/sources/write-source';
import { createTie, deleteTie, updateTie } from '../../lib/data/ties/write-tie';
import { dbFingerprint } from '../support/db-fingerprint';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();

let analyst: Principal;
let admin: Principal;
let viewer: Principal;

async function expectRefused(run: () => Promise<unknown>, code: AppError['code'], message?: RegExp) {
  const before = await dbFingerprint();
  const error = await run().then(() => null, (e: unknown) => e);
  expect(error, 'expected the call to be refused').toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toMatch(message);
  expect(await dbFingerprint(), 'a refused call changed the database').toBe(before);
}

async function revisionCount() {
  return (await getDb()).revision.count();
}

describe.skipIf(!available)(`the data layer on ${TEST_KIND}`, () => {
  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
    const db = await getDb();
    const make = async (role: 'viewer' | 'analyst' | 'admin') => {
      const user = await db.user.create({ data: { name: `Test ${role}`, email: `${role}@example.test`, role } });
      return { type: 'user', userId: user.id, role, name: user.name } as Principal;
    };
    analyst = await make('analyst');
    admin = await make('admin');
    viewer = await make('viewer');
  });
  afterEach(() => setRevisionFaultForTests(null));

  describe('refuses invalid input with a clear message and changes nothing', () => {
    const cases: [string, () => Promise<unknown>, RegExp][] = [
      ['createActor without a name', () => createActor(analyst, { slug: 'x-y', kind: 'person', faction: 'other' }), /name/i],
      ['createActor with a bad slug', () => createActor(analyst, { slug: 'Bad Slug', name: 'X', kind: 'person', faction: 'other' }), /slug/],
      ['createActor with an unknown kind', () => createActor(analyst, { slug: 'x', name: 'X', kind: 'robot', faction: 'other' }), /kind/],
      ['createActor with an extra field', () => createActor(analyst, { slug: 'x', name: 'X', kind: 'person', faction: 'other', role: 'admin' }), /role/],
      ['createActor with a taken slug', () => createActor(analyst, { slug: 'ivan-tertel', name: 'X', kind: 'person', faction: 'other' }), /already used/],
      ['createActor with a date that does not match its precision', () => createActor(analyst, { slug: 'x', name: 'X', kind: 'person', faction: 'other', start: { date: '2020-13', precision: 'month' } }), /start/],
      ['updateActor without a version', () => updateActor(analyst, 'ivan-tertel', { name: 'Y' }), /version/i],
      ['updateActor with an empty name', () => updateActor(analyst, 'ivan-tertel', { name: '  ', version: 1 }), /name/i],
      ['deleteActor without a version', () => deleteActor(analyst, 'ivan-tertel', {}), /version/i],
      ['createTie with an unknown type', () => createTie(analyst, { source: 'ivan-tertel', target: 'kgb-belarus', type: 'befriends' }), /type/],
      ['createTie to an unknown actor', () => createTie(analyst, { source: 'ivan-tertel', target: 'nobody-here', type: 'leads' }), /target/],
      ['createTie from an actor to itself', () => createTie(analyst, { source: 'ivan-tertel', target: 'ivan-tertel', type: 'leads' }), /two different/],
      ['createTie ending before it starts', () => createTie(analyst, { source: 'ivan-tertel', target: 'kgb-belarus', type: 'leads', start: { date: '2021', precision: 'year' }, end: { date: '2020', precision: 'year' } }), /end/],
      ['createTie with strength 9', () => createTie(analyst, { source: 'ivan-tertel', target: 'kgb-belarus', type: 'leads', strength: 9 }), /strength/i],
      ['updateTie with a bad date', () => updateTie(analyst, 'tertel-leads-kgb', { version: 1, end: { date: '2020-02-30', precision: 'day' } }), /end/],
      ['deleteTie with a version of 0', () => deleteTie(analyst, 'tertel-leads-kgb', { version: 0 }), /version/i],
      ['createSource with a javascript: URL', () => createSource(analyst, { title: 'T', reliability: 'B', url: 'javascript:alert(1)' }), /url/i],
      ['createSource with grade G', () => createSource(analyst, { title: 'T', reliability: 'G' }), /reliability/],
      ['updateSource with a data: URL', () => updateSource(analyst, 'slow-invasion-article', { version: 1, url: 'data:text/html,hi' }), /url/i],
      ['deleteSource without a version', () => deleteSource(analyst, 'slow-invasion-article', {}), /version/i],
      ['createClaim with credibility 7', () => createClaim(analyst, { tie: 'tertel-leads-kgb', source: 'slow-invasion-article', quote: 'q', credibility: 7 }), /credibility/i],
      ['createClaim about nothing', () => createClaim(analyst, { source: 'slow-invasion-article', quote: 'q', credibility: 2 }), /exactly one/],
      ['createClaim citing no source', () => createClaim(analyst, { tie: 'tertel-leads-kgb', source: 'no-such-source', quote: 'q', credibility: 2 }), /source/],
      ['updateClaim with an unknown status', () => updateClaim(analyst, 'nope', { version: 1, status: 'maybe' }), /status/],
      ['deleteClaim without a version', () => deleteClaim(analyst, 'nope', {}), /version/i],
      ['createNote with an empty body', () => createNote(analyst, { tie: 'tertel-leads-kgb', body: ' ' }), /note/i],
      ['createNote with a bad visibility', () => createNote(analyst, { tie: 'tertel-leads-kgb', body: 'b', visibility: 'secret' }), /visibility/],
      ['updateNote with an author field', () => updateNote(analyst, 'nope', { version: 1, body: 'b', authorId: 'x' }), /author/],
      ['deleteNote without a version', () => deleteNote(analyst, 'nope', {}), /version/i],
      ['importDocument with a tie to an unknown actor', () => importDocument(analyst, { sources: [], actors: [], ties: [{ id: 't', source: 'a', target: 'b', type: 'leads', claims: [] }] }), /ties/],
      ['importDocument that is not a document', () => importDocument(analyst, 'hello'), /invalid/],
    ];
    for (const [name, run, message] of cases) {
      it(name, () => expectRefused(run, 'invalid', message));
    }
  });

  it('refuses anonymous and viewer changes', async () => {
    await expectRefused(() => createActor(ANONYMOUS, { slug: 'x', name: 'X', kind: 'person', faction: 'other' }), 'unauthenticated');
    await expectRefused(() => createActor(viewer, { slug: 'x', name: 'X', kind: 'person', faction: 'other' }), 'forbidden');
    await expectRefused(() => importDocument(viewer, { sources: [], actors: [], ties: [] }), 'forbidden');
  });

  it('refuses a stale version and hands back the current record', async () => {
    const db = await getDb();
    const tie = await db.tie.findUniqueOrThrow({ where: { id: 'parshyn-leads-gubopik' } });
    await updateTie(analyst, tie.id, { version: tie.version, role: 'Head of GUBOPiK' });
    const before = await dbFingerprint();
    const error = await updateTie(analyst, tie.id, { version: tie.version, role: 'Chief' }).catch((e: AppError) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('conflict');
    expect((error as AppError).message).toMatch(/changed by someone else/);
    expect((error as AppError).details.current).toMatchObject({ role: 'Head of GUBOPiK', version: tie.version + 1 });
    expect(await dbFingerprint()).toBe(before);
  });

  it('writes exactly one revision for a single change, with before and after', async () => {
    const db = await getDb();
    const tie = await db.tie.findUniqueOrThrow({ where: { id: 'tertel-leads-kgb' } });
    const n = await revisionCount();
    await updateTie(analyst, tie.id, { version: tie.version, strength: 4, reason: 'test' });
    expect(await revisionCount()).toBe(n + 1);
    const revision = await db.revision.findFirstOrThrow({ where: { entityId: tie.id }, orderBy: { createdAt: 'desc' } });
    expect(revision).toMatchObject({ entityType: 'tie', action: 'update', version: tie.version + 1, reason: 'test' });
    expect(JSON.parse(revision.before!).strength).toBe(tie.strength);
    expect(JSON.parse(revision.after!).strength).toBe(4);
    expect(revision.authorId).toBe((analyst as { userId: string }).userId);
  });

  const faultCases: [string, () => Promise<unknown>][] = [
    ['createActor', () => createActor(analyst, { slug: 'fault-actor', name: 'Fault', kind: 'person', faction: 'other' })],
    ['updateActor', async () => updateActor(analyst, 'ivan-kubrakov', { version: (await (await getDb()).actor.findUniqueOrThrow({ where: { slug: 'ivan-kubrakov' } })).version, summary: 'changed' })],
    ['createTie', () => createTie(analyst, { source: 'ivan-tertel', target: 'vladimir-putin', type: 'influences' })],
    ['createSource', () => createSource(analyst, { title: 'Fault source', reliability: 'C' })],
    ['createClaim', () => createClaim(analyst, { tie: 'tertel-leads-kgb', source: 'slow-invasion-article', quote: 'q', credibility: 3 })],
    ['createNote', () => createNote(analyst, { tie: 'tertel-leads-kgb', body: 'note' })],
    ['importDocument', () => importDocument(analyst, { sources: [{ id: 'fault-src', title: 'F', reliability: 'C' }], actors: [], ties: [] })],
  ];
  for (const [name, run] of faultCases) {
    it(`rolls back ${name} when its revision cannot be written`, async () => {
      const before = await dbFingerprint();
      setRevisionFaultForTests(() => {
        throw new Error('injected fault');
      });
      await expect(run()).rejects.toThrow('injected fault');
      setRevisionFaultForTests(null);
      expect(await dbFingerprint()).toBe(before);
    });
  }

  it('deletes an actor softly with its ties, claims and notes, and an admin restores them all', async () => {
    const db = await getDb();
    const note = await createNote(analyst, { actor: 'andrei-parshyn', body: 'Watch his promotions', visibility: 'internal' });
    const actor = await db.actor.findUniqueOrThrow({ where: { slug: 'andrei-parshyn' } });
    const liveTies = () => db.tie.count({ where: { deletedAt: null, OR: [{ sourceId: actor.id }, { targetId: actor.id }] } });
    const tieCount = await liveTies();
    expect(tieCount).toBeGreaterThan(0);
    await deleteActor(analyst, 'andrei-parshyn', { version: actor.version, reason: 'test' });
    expect(await db.actor.count({ where: { slug: 'andrei-parshyn', deletedAt: null } })).toBe(0);
    expect(await liveTies()).toBe(0);
    expect(await db.note.count({ where: { id: note.id, deletedAt: null } })).toBe(0);
    await expectRefused(() => restoreActor(analyst, 'andrei-parshyn'), 'forbidden');
    await restoreActor(admin, 'andrei-parshyn');
    expect(await liveTies()).toBe(tieCount);
    expect(await db.note.count({ where: { id: note.id, deletedAt: null } })).toBe(1);
  });

  it('needs a reason to change a claim status, and records it', async () => {
    const db = await getDb();
    const claim = await db.claim.findFirstOrThrow({ where: { tieId: 'karpenkov-leads-gubopik', sourceId: 'slow-invasion-article' } });
    await expectRefused(() => updateClaim(analyst, claim.id, { version: claim.version, status: 'needs_review' }), 'invalid', /reason/);
    await updateClaim(analyst, claim.id, { version: claim.version, status: 'needs_review', reason: 'Second source contradicts it' });
    const revision = await db.revision.findFirstOrThrow({ where: { entityId: claim.id, action: 'update' } });
    expect(revision.reason).toBe('Second source contradicts it');
  });

  it('lets only the author or an admin change a note', async () => {
    const other = { ...analyst, userId: (await (await getDb()).user.create({ data: { name: 'Other', email: 'other@example.test', role: 'analyst' } })).id } as Principal;
    const note = await createNote(analyst, { tie: 'tertel-leads-kgb', body: 'Mine' });
    await expectRefused(() => updateNote(other, note.id, { version: 1, body: 'Theirs' }), 'forbidden');
    const changed = await updateNote(admin, note.id, { version: 1, body: 'Edited by admin' });
    expect(changed.body).toBe('Edited by admin');
  });
});
