// Notes in the full Powermap document: GET /api/export?format=powermap&scope=all carries public
// notes for every reader; includeInternal=1 adds internal notes for analysts and admins and is
// refused to anyone else with a message saying why, before anything is streamed. The document
// with its notes, imported into an empty database by an analyst, gives the same notes (the
// importer their author, the name they were written under kept) and exports as the same document.
import { beforeAll, describe, expect, it, vi } from 'vitest';

const auth = vi.hoisted(() => ({ principal: { type: 'anonymous' } as import('../../lib/data/principal').Principal }));
vi.mock('@/lib/auth/current-principal', () => ({ currentPrincipal: async () => auth.principal }));

import * as exportRoute from '../../app/api/export/route';
import { getDb } from '../../lib/db/client';
import { importDocument } from '../../lib/data/import-document';
import { createNote } from '../../lib/data/notes/write-note';
import { ANONYMOUS, SEED, type Principal } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import { dbFingerprint } from '../support/db-fingerprint';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();

type Doc = { actors: { slug: string; notes?: { id: string; body: string; visibility: string; authorName: string | null }[] }[]; ties: { id: string; notes?: { body: string }[] }[] };
const exportAs = async (principal: Principal, query = '') => {
  auth.principal = principal;
  return exportRoute.GET(new Request(`http://powermap.test/api/export?format=powermap&scope=all${query}`));
};
const notesOf = (doc: Doc) => [...doc.actors, ...doc.ties].flatMap((r) => r.notes ?? []).map((n) => n.body).sort();

async function user(role: 'analyst' | 'viewer', name: string): Promise<Principal> {
  const db = await getDb();
  const row = await db.user.create({ data: { name, email: `${name.toLowerCase().replace(/\W+/g, '-')}-${Date.now()}@example.test`, role } });
  return { type: 'user', userId: row.id, role, name: row.name } as Principal;
}

describe.skipIf(!available)(`notes in the full document export on ${TEST_KIND}`, () => {
  let analyst: Principal;
  let full: string;

  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
    analyst = await user('analyst', 'Note Writer');
    const db = await getDb();
    const [actor] = await db.actor.findMany({ orderBy: { slug: 'asc' }, take: 1 });
    const [tie] = await db.tie.findMany({ orderBy: { id: 'asc' }, take: 1 });
    await createNote(analyst, { actor: actor!.slug, body: 'Internal: the birth date needs a second source.', visibility: 'internal' });
    await createNote(analyst, { tie: tie!.id, body: 'Public: the appointment was reported by state media.', visibility: 'public' });
  });

  it('carries public notes for any reader, internal notes only for analysts who ask', async () => {
    const plain = (await (await exportAs(ANONYMOUS)).json()) as Doc;
    expect(notesOf(plain)).toEqual(['Public: the appointment was reported by state media.']);

    const refused = await exportAs(ANONYMOUS, '&includeInternal=1');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/Internal notes are exported for analysts and admins only/);
    const viewer = await exportAs(await user('viewer', 'Note Reader'), '&includeInternal=1');
    expect(viewer.status).toBe(403);

    const response = await exportAs(analyst, '&includeInternal=1');
    expect(response.status).toBe(200);
    full = await response.text();
    const doc = JSON.parse(full) as Doc;
    expect(notesOf(doc)).toEqual(['Internal: the birth date needs a second source.', 'Public: the appointment was reported by state media.']);
    expect(doc.actors.flatMap((a) => a.notes ?? [])).toEqual([expect.objectContaining({ visibility: 'internal', authorName: 'Note Writer' })]);

    const other = await exportRoute.GET(new Request('http://powermap.test/api/export?format=gexf&includeInternal=1'));
    expect(other.status).toBe(400);
  });

  it('imported into an empty database by an analyst, gives the same notes and the same document', async () => {
    await freshDatabase();
    const importer = await user('analyst', 'Archive Keeper');
    const summary = await importDocument(importer, JSON.parse(full));
    expect(summary.notes).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const db = await getDb();
    const notes = await db.note.findMany({ orderBy: { body: 'asc' }, include: { actor: { select: { slug: true } } } });
    expect(notes.map((n) => [n.visibility, n.authorName, n.authorId === (importer as { userId: string }).userId])).toEqual([
      ['internal', 'Note Writer', true],
      ['public', 'Note Writer', true],
    ]);
    // The tie's stored summary counts its notes, as a note written on the page does.
    const tie = await db.tie.findUnique({ where: { id: notes[1]!.tieId! } });
    expect(tie).toMatchObject({ noteCount: 1, publicNoteCount: 1 });

    expect(await (await exportAs(importer, '&includeInternal=1')).text()).toBe(full);
    const again = await importDocument(importer, JSON.parse(full));
    expect(again.notes).toEqual({ created: 0, updated: 0, unchanged: 2 });
  });

  it('refuses notes from an import no signed-in analyst makes, writing nothing', async () => {
    await freshDatabase();
    const before = await dbFingerprint();
    await expect(importDocument(SEED, JSON.parse(full))).rejects.toThrow('Notes are imported by a signed-in analyst');
    expect(await dbFingerprint()).toBe(before);
  });
});
