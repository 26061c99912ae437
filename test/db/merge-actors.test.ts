// Merging actors and undoing it, on SQLite and PostgreSQL, with the OpenSanctions-style file that
// names OFAC twice: every tie, claim, note and name survives on the actor kept, the tie between the
// two is dropped as a self-tie, the ties that now say the same twice are combined with their claims,
// the old slug leads to the actor kept; unmerge leaves every table as it was before the merge
// (all but the revisions the two add), and a refused or failed merge or unmerge changes nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getMerge, mergeActors, mergedInto, unmergeActors } from '../../lib/data/actors/merge-actors';
import { createClaim } from '../../lib/data/claims/write-claim';
import { AppError } from '../../lib/data/errors';
import { importFile } from '../../lib/data/import/import-file';
import { createNote } from '../../lib/data/notes/write-note';
import { type Principal } from '../../lib/data/principal';
import { setRevisionFaultForTests } from '../../lib/data/revisions';
import { loadSeed } from '../../lib/data/seed';
import { createTie, updateTie } from '../../lib/data/ties/write-tie';
import { getDb } from '../../lib/db/client';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();
const FIXTURE = path.resolve(__dirname, '../fixtures/duplicates/ofac-twice.ftm.jsonl');

/**
 * Every table, row by row, in id order; revisions only those that existed at `revisionIds`
 * (the merge and unmerge add theirs), the network's revision counter and the merge records left out.
 */
async function everyTable(revisionIds?: ReadonlySet<string>): Promise<Record<string, unknown[]>> {
  const db = await getDb();
  const byId = { orderBy: { id: 'asc' as const } };
  const tables = {
    actor: await db.actor.findMany(byId),
    actorName: await db.actorName.findMany(byId),
    tie: await db.tie.findMany(byId),
    source: await db.source.findMany(byId),
    claim: await db.claim.findMany(byId),
    note: await db.note.findMany(byId),
    user: await db.user.findMany(byId),
    session: await db.session.findMany(byId),
    account: await db.account.findMany(byId),
    apiToken: await db.apiToken.findMany(byId),
    savedView: await db.savedView.findMany(byId),
    story: await db.story.findMany(byId),
    storyStep: await db.storyStep.findMany(byId),
    duplicateJudgement: await db.duplicateJudgement.findMany(byId),
    revision: (await db.revision.findMany(byId)).filter((r) => !revisionIds || revisionIds.has(r.id)),
  };
  return tables;
}

const refusal = async (work: Promise<unknown>) => {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe.skipIf(!available)(`merging and unmerging actors on ${TEST_KIND}`, () => {
  let analyst: Principal;
  let ofac: { id: string; slug: string; version: number };
  let office: { id: string; slug: string; version: number };

  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
    const db = await getDb();
    const a = await db.user.create({ data: { name: 'Merging analyst', email: 'merger@example.test', role: 'analyst' } });
    analyst = { type: 'user', userId: a.id, role: 'analyst', name: a.name };
    await importFile(analyst, { format: 'ftm', text: readFileSync(FIXTURE, 'utf8'), fileName: 'ofac-twice.ftm.jsonl' });
    const find = async (name: string) => db.actor.findFirstOrThrow({ where: { name }, select: { id: true, slug: true, version: true } });
    // What a merge must carry: a tie between the two (a self-tie once merged), an actor claim and notes.
    const src = (await db.source.findFirstOrThrow()).id;
    ofac = await find('OFAC');
    office = await find('Office of Foreign Assets Control');
    const between = await createTie(analyst, { source: ofac.slug, target: office.slug, type: 'subordinate_to' });
    await createClaim(analyst, { tie: between.id, source: src, quote: 'OFAC is the office', credibility: 2 });
    await createClaim(analyst, { actor: ofac.slug, fact: 'founded', source: src, quote: 'OFAC was founded in 1950', credibility: 2 });
    await createNote(analyst, { actor: ofac.slug, body: 'Acronym used by the SDN list', visibility: 'internal' });
    const sanction = await db.tie.findFirstOrThrow({ where: { targetId: ofac.id, type: 'sanctioned_by' } });
    await createNote(analyst, { tie: sanction.id, body: 'Designation checked', visibility: 'public' });
    expect(between.id).toBeTruthy();
    ofac = await find('OFAC');
    office = await find('Office of Foreign Assets Control');
  });

  it('refuses a stale version or a merge into itself, and a fault midway leaves every table as it was', async () => {
    const before = await everyTable();
    expect((await refusal(mergeActors(analyst, office.slug, { version: office.version + 1, actors: [{ slug: ofac.slug, version: ofac.version }] }))).code).toBe('conflict');
    expect((await refusal(mergeActors(analyst, office.slug, { version: office.version, actors: [{ slug: ofac.slug, version: ofac.version + 3 }] }))).code).toBe('conflict');
    expect((await refusal(mergeActors(analyst, office.slug, { version: office.version, actors: [{ slug: office.slug, version: office.version }] }))).code).toBe('invalid');
    let calls = 0;
    setRevisionFaultForTests(() => {
      if (++calls === 12) throw new Error('injected fault');
    });
    try {
      await expect(mergeActors(analyst, office.slug, { version: office.version, actors: [{ slug: ofac.slug, version: ofac.version }] })).rejects.toThrow('injected fault');
    } finally {
      setRevisionFaultForTests(null);
    }
    expect(await everyTable()).toEqual(before);
  });

  it('merges OFAC into the Office: ties, claims, notes and names move, the self-tie is dropped, duplicate ties combined, the old slug leads on; unmerge puts every table back', async () => {
    const db = await getDb();
    const before = await everyTable();
    const revisionIds = new Set(before.revision.map((r) => (r as { id: string }).id));
    const liveClaims = await db.claim.count({ where: { deletedAt: null } });
    const merge = await mergeActors(analyst, office.slug, { version: office.version, actors: [{ slug: ofac.slug, version: ofac.version }], reason: 'One office' });

    expect(merge.summary.selfTies).toHaveLength(1);
    expect(merge.summary.combined.map((c) => c.type)).toEqual(['sanctioned_by', 'sanctioned_by']);
    expect(merge.summary).toMatchObject({ movedClaims: 1, movedNotes: 1, merged: [{ slug: ofac.slug, name: 'OFAC' }] });
    const gone = await db.actor.findUniqueOrThrow({ where: { id: ofac.id } });
    expect(gone.deletedAt).not.toBeNull();
    expect(gone.mergedIntoId).toBe(office.id);
    expect(await mergedInto(ofac.slug)).toBe(office.slug);
    expect(await mergedInto(office.slug)).toBeNull();
    // The kept actor: its two sanctions, each holding both files' claims; the founding claim, the note and the name.
    const ties = await db.tie.findMany({ where: { deletedAt: null, OR: [{ sourceId: office.id }, { targetId: office.id }] }, include: { claims: { where: { deletedAt: null } }, notes: true } });
    expect(ties.map((t) => [t.type, t.claims.length]).sort()).toEqual([['sanctioned_by', 2], ['sanctioned_by', 2]]);
    expect(ties.flatMap((t) => t.notes.map((n) => n.body))).toEqual(['Designation checked']);
    expect(ties.every((t) => t.claimCount === 2)).toBe(true);
    expect((await db.actor.findUniqueOrThrow({ where: { id: office.id } })).tieCount).toBe(2);
    expect(await db.claim.count({ where: { actorId: office.id, deletedAt: null, fact: 'founded' } })).toBe(1);
    expect(await db.note.count({ where: { actorId: office.id, deletedAt: null } })).toBe(1);
    expect((await db.actorName.findMany({ where: { actorId: office.id } })).map((n) => n.name)).toContain('OFAC');
    // Only the self-tie's claim is gone from the live claims; the history of OFAC stays where it was.
    expect(await db.claim.count({ where: { deletedAt: null } })).toBe(liveClaims - 1);
    expect(await db.revision.count({ where: { entityType: 'actor', entityId: ofac.id } })).toBeGreaterThanOrEqual(2);
    expect((await getMerge(analyst, merge.id)).undoneAt).toBeNull();

    expect((await refusal(unmergeActors(analyst, merge.id, { version: merge.version + 1 }))).code).toBe('conflict');
    const undone = await unmergeActors(analyst, merge.id, { version: merge.version, reason: 'Two offices after all' });
    expect(undone.undoneAt).not.toBeNull();
    expect(await everyTable(revisionIds)).toEqual(before);
    expect(await mergedInto(ofac.slug)).toBeNull();
    const unmergeRevisions = await db.revision.findMany({ where: { reason: 'Two offices after all' } });
    expect(unmergeRevisions.length).toBeGreaterThan(5);
    expect((await refusal(unmergeActors(analyst, merge.id, { version: undone.version }))).code).toBe('conflict');
  });

  it('refuses to unmerge when a row the merge changed was changed since, changing nothing', async () => {
    const db = await getDb();
    const now = async (name: string) => db.actor.findFirstOrThrow({ where: { name, deletedAt: null }, select: { id: true, slug: true, version: true } });
    const [o, f] = [await now('Office of Foreign Assets Control'), await now('OFAC')];
    const merge = await mergeActors(analyst, o.slug, { version: o.version, actors: [{ slug: f.slug, version: f.version }] });
    const tie = await db.tie.findFirstOrThrow({ where: { deletedAt: null, targetId: o.id } });
    await updateTie(analyst, tie.id, { version: tie.version, role: 'designated' });
    const before = await everyTable();
    const error = await refusal(unmergeActors(analyst, merge.id, { version: merge.version }));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/changed again/);
    expect(await everyTable()).toEqual(before);
  });
});
