// The write API's HTTP contract, with the route handlers called directly: ETag on every answer,
// the version in If-Match (412 with the current record when stale, 428 when missing), JSON only,
// notes owned by their author; and history: revisions with diffs, restoring an earlier version
// as a new revision, and an admin bringing back a deleted record.
import { beforeAll, describe, expect, it, vi } from 'vitest';

const auth = vi.hoisted(() => ({ principal: { type: 'anonymous' } as import('../../lib/data/principal').Principal }));
vi.mock('@/lib/auth/current-principal', () => ({ currentPrincipal: async () => auth.principal }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined, updateTag: () => undefined, refresh: () => undefined }));

import { getDb } from '../../lib/db/client';
import { AppError } from '../../lib/data/errors';
import { ANONYMOUS, type Principal } from '../../lib/data/principal';
import { findRecentChanges, findRecordHistory } from '../../lib/data/revisions/find-revisions';
import { restoreDeletedRecord, restoreVersion } from '../../lib/data/revisions/restore-revision';
import { loadSeed } from '../../lib/data/seed';
import * as actorRoute from '../../app/api/actors/[slug]/route';
import * as actorsRoute from '../../app/api/actors/route';
import * as claimRoute from '../../app/api/claims/[id]/route';
import * as claimsRoute from '../../app/api/claims/route';
import * as noteRoute from '../../app/api/notes/[id]/route';
import * as notesRoute from '../../app/api/notes/route';
import * as sourcesRoute from '../../app/api/sources/route';
import * as tieRoute from '../../app/api/ties/[id]/route';
import { dbFingerprint } from '../support/db-fingerprint';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';
import { makeUser } from '../support/test-users';

const available = await databaseAvailable();

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function request(method: string, path: string, init: { body?: unknown; ifMatch?: string; headers?: Record<string, string>; raw?: string } = {}) {
  return new Request(`http://powermap.test${path}`, {
    method,
    headers: {
      host: 'powermap.test',
      ...(init.body !== undefined || init.raw !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(init.ifMatch ? { 'if-match': init.ifMatch } : {}),
      ...init.headers,
    },
    body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
}

const params = <P extends Record<string, string>>(p: P) => ({ params: Promise.resolve(p) });

async function json(response: Response): Promise<Json> {
  return (await response.json()) as Json;
}

describe.skipIf(!available)(`the write API and history on ${TEST_KIND}`, () => {
  let analyst: Principal;
  let otherAnalyst: Principal;
  let admin: Principal;

  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
    analyst = await makeUser('analyst', 'Alesia Analyst');
    otherAnalyst = await makeUser('analyst', 'Boris Second');
    admin = await makeUser('admin', 'Ada Admin');
  });

  describe('creating', () => {
    it('answers 201 with the record, ETag "1" and its address', async () => {
      auth.principal = analyst;
      const response = await actorsRoute.POST(
        request('POST', '/api/actors', {
          body: { slug: 'api-created', name: 'Created by API', kind: 'group', faction: 'other', start: { date: '2021-05', precision: 'month' }, names: [{ name: 'Створана праз API', lang: 'be', script: 'Cyrl', kind: 'official' }] },
        }),
      );
      expect(response.status).toBe(201);
      expect(response.headers.get('etag')).toBe('"1"');
      expect(response.headers.get('location')).toBe('/api/actors/api-created');
      expect(await json(response)).toMatchObject({ slug: 'api-created', version: 1, start: { date: '2021-05-01', precision: 'month' }, names: [{ name: 'Створана праз API' }] });
    });

    it('refuses a body that is not JSON, not an object, or sent as a form', async () => {
      auth.principal = analyst;
      const before = await dbFingerprint();
      const asForm = new Request('http://powermap.test/api/sources', { method: 'POST', headers: { host: 'powermap.test', 'content-type': 'application/x-www-form-urlencoded' }, body: 'title=T&reliability=B' });
      for (const r of [asForm, request('POST', '/api/sources', { raw: '{"title": ' }), request('POST', '/api/sources', { raw: '["title"]' })]) {
        const response = await sourcesRoute.POST(r);
        expect(response.status).toBe(400);
        expect((await json(response)).error.code).toBe('invalid');
      }
      expect(await dbFingerprint()).toBe(before);
    });

    it('gives field messages for invalid input', async () => {
      auth.principal = analyst;
      const response = await claimsRoute.POST(request('POST', '/api/claims', { body: { tie: 'karpenkov-leads-gubopik', source: 'slow-invasion-article', quote: '', credibility: 9 } }));
      expect(response.status).toBe(400);
      const body = await json(response);
      expect(Object.keys(body.error.fieldErrors)).toEqual(expect.arrayContaining(['quote', 'credibility']));
    });
  });

  describe('changing with If-Match', () => {
    it('changes the version named, answers with the new ETag, and refuses the same version again with 412 and the current record', async () => {
      auth.principal = analyst;
      const db = await getDb();
      const { version } = await db.tie.findUniqueOrThrow({ where: { id: 'karpenkov-leads-gubopik' } });
      const first = await tieRoute.PATCH(request('PATCH', '/api/ties/karpenkov-leads-gubopik', { body: { role: 'Head of GUBOPiK' }, ifMatch: `"${version}"` }), params({ id: 'karpenkov-leads-gubopik' }));
      expect(first.status).toBe(200);
      expect(first.headers.get('etag')).toBe(`"${version + 1}"`);
      expect(await json(first)).toMatchObject({ id: 'karpenkov-leads-gubopik', version: version + 1, role: 'Head of GUBOPiK', source: 'nikolai-karpenkov' });

      auth.principal = otherAnalyst;
      const before = await dbFingerprint();
      const stale = await tieRoute.PATCH(request('PATCH', '/api/ties/karpenkov-leads-gubopik', { body: { role: 'Chief' }, ifMatch: `"${version}"` }), params({ id: 'karpenkov-leads-gubopik' }));
      expect(stale.status).toBe(412);
      expect(stale.headers.get('etag')).toBe(`"${version + 1}"`);
      const body = await json(stale);
      expect(body.error.code).toBe('conflict');
      expect(body.error.message).toMatch(/changed by someone else/);
      expect(body.error.current).toMatchObject({ version: version + 1, role: 'Head of GUBOPiK', end: { date: '2020-11-19', precision: 'day' } });
      expect(await dbFingerprint()).toBe(before);
    });

    it('accepts a weak or bare version, and refuses *, lists and nonsense with 400', async () => {
      auth.principal = analyst;
      const db = await getDb();
      let { version } = await db.actor.findUniqueOrThrow({ where: { slug: 'api-created' } });
      for (const ifMatch of [`W/"${version}"`, ` ${version + 1} `]) {
        const r = await actorRoute.PATCH(request('PATCH', '/api/actors/api-created', { body: { summary: `v${version}` }, ifMatch }), params({ slug: 'api-created' }));
        expect(r.status).toBe(200);
        version += 1;
      }
      for (const ifMatch of ['*', '"1", "2"', '"abc"', '"0"']) {
        const r = await actorRoute.PATCH(request('PATCH', '/api/actors/api-created', { body: { summary: 'x' }, ifMatch }), params({ slug: 'api-created' }));
        expect(r.status, ifMatch).toBe(400);
      }
    });

    it('answers 428 when If-Match is missing, but 401 first to an anonymous caller', async () => {
      auth.principal = analyst;
      const missing = await actorRoute.PATCH(request('PATCH', '/api/actors/api-created', { body: { summary: 'x' } }), params({ slug: 'api-created' }));
      expect(missing.status).toBe(428);
      expect((await json(missing)).error.message).toMatch(/If-Match/);
      const missingOnDelete = await actorRoute.DELETE(request('DELETE', '/api/actors/api-created'), params({ slug: 'api-created' }));
      expect(missingOnDelete.status).toBe(428);
      auth.principal = ANONYMOUS;
      const anonymous = await actorRoute.PATCH(request('PATCH', '/api/actors/api-created', { body: { summary: 'x' } }), params({ slug: 'api-created' }));
      expect(anonymous.status).toBe(401);
    });

    it('refuses the version in the body: it belongs in If-Match', async () => {
      auth.principal = analyst;
      const r = await actorRoute.PATCH(request('PATCH', '/api/actors/api-created', { body: { summary: 'x', version: 1 } }), params({ slug: 'api-created' }));
      expect(r.status).toBe(400);
      expect((await json(r)).error.fieldErrors.version[0]).toMatch(/If-Match/);
    });

    it('answers 404 for a record that does not exist', async () => {
      auth.principal = analyst;
      const r = await tieRoute.PATCH(request('PATCH', '/api/ties/no-such-tie', { body: { role: 'x' }, ifMatch: '"1"' }), params({ id: 'no-such-tie' }));
      expect(r.status).toBe(404);
    });
  });

  describe('claims and notes', () => {
    it('reads a claim with its ETag, changes its status with a reason, and deletes it', async () => {
      auth.principal = analyst;
      const created = await json(await claimsRoute.POST(request('POST', '/api/claims', { body: { tie: 'karpenkov-leads-gubopik', source: 'slow-invasion-article', quote: 'Quoted', location: 'para 9', credibility: 3 } })));
      auth.principal = ANONYMOUS;
      const read = await claimRoute.GET(request('GET', `/api/claims/${created.id}`), params({ id: created.id }));
      expect(read.status).toBe(200);
      expect(read.headers.get('etag')).toBe('"1"');
      expect(await json(read)).toMatchObject({ id: created.id, quote: 'Quoted', status: 'accepted', tie: 'karpenkov-leads-gubopik' });

      auth.principal = analyst;
      const noReason = await claimRoute.PATCH(request('PATCH', `/api/claims/${created.id}`, { body: { status: 'disputed' }, ifMatch: '"1"' }), params({ id: created.id }));
      expect(noReason.status).toBe(400);
      const changed = await claimRoute.PATCH(request('PATCH', `/api/claims/${created.id}`, { body: { status: 'disputed', reason: 'Contradicted by Decree 433' }, ifMatch: '"1"' }), params({ id: created.id }));
      expect(changed.status).toBe(200);
      const deleted = await claimRoute.DELETE(request('DELETE', `/api/claims/${created.id}`, { body: { reason: 'duplicate' }, ifMatch: '"2"' }), params({ id: created.id }));
      expect(deleted.status).toBe(200);
      expect(deleted.headers.get('etag')).toBe('"3"');
      expect(await json(deleted)).toEqual({ id: created.id, deleted: true, version: 3 });
      expect((await claimRoute.GET(request('GET', `/api/claims/${created.id}`), params({ id: created.id }))).status).toBe(404);
    });

    it('makes the signed-in analyst the author of a note, hides internal notes from others, and lets only the author change it', async () => {
      auth.principal = analyst;
      const response = await notesRoute.POST(request('POST', '/api/notes', { body: { actor: 'nikolai-karpenkov', body: 'Internal: see https://example.org', visibility: 'internal' } }));
      expect(response.status).toBe(201);
      const note = await json(response);
      expect(note).not.toHaveProperty('authorId');
      const db = await getDb();
      expect((await db.note.findUniqueOrThrow({ where: { id: note.id } })).authorId).toBe((analyst as { userId: string }).userId);

      auth.principal = ANONYMOUS;
      expect((await noteRoute.GET(request('GET', `/api/notes/${note.id}`), params({ id: note.id }))).status).toBe(404);

      auth.principal = otherAnalyst;
      expect((await noteRoute.GET(request('GET', `/api/notes/${note.id}`), params({ id: note.id }))).status).toBe(200);
      const before = await dbFingerprint();
      const theirs = await noteRoute.PATCH(request('PATCH', `/api/notes/${note.id}`, { body: { body: 'Rewritten' }, ifMatch: '"1"' }), params({ id: note.id }));
      expect(theirs.status).toBe(403);
      expect(await dbFingerprint()).toBe(before);

      auth.principal = analyst;
      const published = await noteRoute.PATCH(request('PATCH', `/api/notes/${note.id}`, { body: { visibility: 'public' }, ifMatch: '"1"' }), params({ id: note.id }));
      expect(published.status).toBe(200);
      auth.principal = ANONYMOUS;
      expect((await noteRoute.GET(request('GET', `/api/notes/${note.id}`), params({ id: note.id }))).status).toBe(200);
      // Its internal past stays with analysts.
      expect((await findRecordHistory(ANONYMOUS, { type: 'note', id: note.id })).revisions).toEqual([]);
      expect((await findRecordHistory(analyst, { type: 'note', id: note.id })).revisions.map((r) => r.action)).toEqual(['update', 'create']);
    });
  });

  describe('history', () => {
    it("lists a tie's own revisions with field diffs, and the changes to its claims and notes, newest first", async () => {
      auth.principal = analyst;
      const db = await getDb();
      const tie = await db.tie.findUniqueOrThrow({ where: { id: 'tertel-leads-kgb' } });
      await tieRoute.PATCH(request('PATCH', '/api/ties/tertel-leads-kgb', { body: { end: { date: '2024-02', precision: 'month' }, reason: 'Reported retired' }, ifMatch: `"${tie.version}"` }), params({ id: 'tertel-leads-kgb' }));
      await notesRoute.POST(request('POST', '/api/notes', { body: { tie: 'tertel-leads-kgb', body: 'Internal hunch', visibility: 'internal' } }));

      const history = await findRecordHistory(analyst, { type: 'tie', id: 'tertel-leads-kgb' });
      expect(history).toMatchObject({ type: 'tie', id: 'tertel-leads-kgb', deleted: false, currentVersion: tie.version + 1 });
      expect(history.label).toMatch(/leads/);
      const latest = history.revisions[0];
      expect(latest).toMatchObject({ action: 'update', version: tie.version + 1, author: 'Alesia Analyst', reason: 'Reported retired' });
      expect(latest.changes).toEqual([{ kind: 'value', field: 'end', label: 'End', before: '(none)', after: 'Feb 2024' }]);
      expect(history.revisions.at(-1)).toMatchObject({ action: 'create', version: 1, origin: 'seed', author: null });
      expect(history.related[0]).toMatchObject({ type: 'note', action: 'create', author: 'Alesia Analyst', label: 'Internal hunch' });
      expect(history.related.some((r) => r.type === 'claim' && r.origin === 'seed')).toBe(true);

      // Readers who are not analysts see neither internal notes nor who made a change.
      const publicView = await findRecordHistory(ANONYMOUS, { type: 'tie', id: 'tertel-leads-kgb' });
      expect(publicView.revisions[0].author).toBeNull();
      expect(publicView.related.some((r) => r.type === 'note')).toBe(false);
    });

    it('finds an actor by slug or id, and a deleted record only for analysts', async () => {
      const db = await getDb();
      const actor = await db.actor.findUniqueOrThrow({ where: { slug: 'api-created' } });
      expect((await findRecordHistory(ANONYMOUS, { type: 'actor', id: 'api-created' })).id).toBe(actor.id);
      expect((await findRecordHistory(ANONYMOUS, { type: 'actor', id: actor.id })).key).toBe('api-created');
      auth.principal = analyst;
      await actorRoute.DELETE(request('DELETE', '/api/actors/api-created', { ifMatch: `"${actor.version}"` }), params({ slug: 'api-created' }));
      await expect(findRecordHistory(ANONYMOUS, { type: 'actor', id: 'api-created' })).rejects.toMatchObject({ code: 'not_found' });
      const history = await findRecordHistory(analyst, { type: 'actor', id: 'api-created' });
      expect(history.deleted).toBe(true);
      expect(history.revisions[0]).toMatchObject({ action: 'delete', changes: [] });
    });

    it('restores an earlier version as a new revision, never rewriting history', async () => {
      const db = await getDb();
      const tie = await db.tie.findUniqueOrThrow({ where: { id: 'karpenkov-leads-gubopik' } });
      const revisionsBefore = await db.revision.count({ where: { entityId: tie.id } });
      auth.principal = analyst;
      await tieRoute.PATCH(request('PATCH', '/api/ties/karpenkov-leads-gubopik', { body: { end: { date: '2021', precision: 'year' } }, ifMatch: `"${tie.version}"` }), params({ id: tie.id }));

      await expect(restoreVersion(analyst, { type: 'tie', id: tie.id, version: 1, currentVersion: tie.version })).rejects.toMatchObject({ code: 'conflict' });
      const restored = await restoreVersion(analyst, { type: 'tie', id: tie.id, version: 1, currentVersion: tie.version + 1 });
      expect(restored).toEqual({ type: 'tie', key: tie.id, version: tie.version + 2 });
      const now = await db.tie.findUniqueOrThrow({ where: { id: tie.id } });
      expect(now).toMatchObject({ endDate: '2020-11-19', endPrecision: 'day', role: 'Head' });
      expect(await db.revision.count({ where: { entityId: tie.id } })).toBe(revisionsBefore + 2);
      const history = await findRecordHistory(analyst, { type: 'tie', id: tie.id });
      expect(history.revisions[0]).toMatchObject({ action: 'update', reason: 'Restored version 1', version: tie.version + 2 });
      expect(history.revisions[0].changes.map((c) => c.field)).toEqual(['role', 'end']);

      await expect(restoreVersion(ANONYMOUS, { type: 'tie', id: tie.id, version: 1, currentVersion: tie.version + 2 })).rejects.toMatchObject({ code: 'unauthenticated' });
      await expect(restoreVersion(analyst, { type: 'tie', id: tie.id, version: 99, currentVersion: tie.version + 2 })).rejects.toMatchObject({ code: 'invalid' });
      await expect(restoreVersion(analyst, { type: 'tie', id: tie.id, version: tie.version + 2, currentVersion: tie.version + 2 })).rejects.toMatchObject({ code: 'invalid' });
    });

    it("restores an actor's name variants and slug with an earlier version", async () => {
      auth.principal = analyst;
      const created = await json(await actorsRoute.POST(request('POST', '/api/actors', { body: { slug: 'renamed-later', name: 'First', kind: 'person', faction: 'other', names: [{ name: 'Першы', lang: 'be', script: 'Cyrl', kind: 'official' }] } })));
      await actorRoute.PATCH(request('PATCH', '/api/actors/renamed-later', { body: { slug: 'renamed-now', name: 'Second', names: [] }, ifMatch: '"1"' }), params({ slug: 'renamed-later' }));
      const restored = await restoreVersion(analyst, { type: 'actor', id: 'renamed-now', version: 1, currentVersion: 2 });
      expect(restored).toEqual({ type: 'actor', key: 'renamed-later', version: 3 });
      const history = await findRecordHistory(analyst, { type: 'actor', id: created.id });
      expect(history.revisions[0].changes).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'names', added: ['Першы (be, Cyrl, official)'], removed: [] }), expect.objectContaining({ field: 'slug', before: 'renamed-now', after: 'renamed-later' })]),
      );
    });

    it('lets an admin, and only an admin, bring back a deleted actor with its ties, claims and notes', async () => {
      const db = await getDb();
      const actor = await db.actor.findUniqueOrThrow({ where: { slug: 'nikolai-karpenkov' } });
      const live = async () => ({
        ties: await db.tie.count({ where: { deletedAt: null, OR: [{ sourceId: actor.id }, { targetId: actor.id }] } }),
        notes: await db.note.count({ where: { deletedAt: null, actorId: actor.id } }),
      });
      const before = await live();
      expect(before.ties).toBeGreaterThan(0);
      auth.principal = analyst;
      const deleted = await actorRoute.DELETE(request('DELETE', '/api/actors/nikolai-karpenkov', { body: { reason: 'test' }, ifMatch: `"${actor.version}"` }), params({ slug: 'nikolai-karpenkov' }));
      expect(deleted.status).toBe(200);
      expect(await live()).toEqual({ ties: 0, notes: 0 });

      await expect(restoreDeletedRecord(analyst, { type: 'actor', id: 'nikolai-karpenkov' })).rejects.toBeInstanceOf(AppError);
      const restored = await restoreDeletedRecord(admin, { type: 'actor', id: actor.id });
      expect(restored).toMatchObject({ type: 'actor', key: 'nikolai-karpenkov' });
      expect(await live()).toEqual(before);
      const history = await findRecordHistory(admin, { type: 'actor', id: 'nikolai-karpenkov' });
      expect(history.revisions.slice(0, 2).map((r) => r.action)).toEqual(['restore', 'delete']);
    });

    it('brings back a claim or note deleted on its own, but not while its source is deleted', async () => {
      auth.principal = analyst;
      const source = await json(await sourcesRoute.POST(request('POST', '/api/sources', { body: { title: 'Short-lived', reliability: 'F' } })));
      const claim = await json(await claimsRoute.POST(request('POST', '/api/claims', { body: { tie: 'karpenkov-leads-gubopik', source: source.id, quote: 'Q', credibility: 6 } })));
      await claimRoute.DELETE(request('DELETE', `/api/claims/${claim.id}`, { ifMatch: '"1"' }), params({ id: claim.id }));
      expect(await restoreDeletedRecord(admin, { type: 'claim', id: claim.id })).toEqual({ type: 'claim', key: claim.id, version: 3 });

      const note = await json(await notesRoute.POST(request('POST', '/api/notes', { body: { tie: 'karpenkov-leads-gubopik', body: 'gone soon' } })));
      await noteRoute.DELETE(request('DELETE', `/api/notes/${note.id}`, { ifMatch: '"1"' }), params({ id: note.id }));
      expect(await restoreDeletedRecord(admin, { type: 'note', id: note.id })).toMatchObject({ type: 'note', version: 3 });

      const db = await getDb();
      await db.source.update({ where: { id: source.id }, data: { deletedAt: new Date() } });
      await claimRoute.DELETE(request('DELETE', `/api/claims/${claim.id}`, { ifMatch: '"3"' }), params({ id: claim.id }));
      await expect(restoreDeletedRecord(admin, { type: 'claim', id: claim.id })).rejects.toMatchObject({ code: 'invalid', message: /source is deleted/ });
    });

    it('lists recent changes across the database for analysts, a page at a time, by type', async () => {
      await expect(findRecentChanges(ANONYMOUS, {})).rejects.toMatchObject({ code: 'unauthenticated' });
      const page = await findRecentChanges(analyst, {});
      expect(page.revisions).toHaveLength(50);
      expect(page.hasMore).toBe(true);
      const times = page.revisions.map((r) => r.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
      const notes = await findRecentChanges(analyst, { type: 'note' });
      expect(notes.revisions.every((r) => r.type === 'note')).toBe(true);
      expect(notes.revisions[0].author).not.toBeNull();
      const second = await findRecentChanges(analyst, { page: '2' });
      expect(second.revisions[0].id).not.toBe(page.revisions[0].id);
      await expect(findRecentChanges(analyst, { page: '0' })).rejects.toMatchObject({ code: 'invalid' });
    });
  });
});
