// The stored tie summaries (grade, rank, claim and note counts, dispute flag, end days) stay
// equal to what the pure functions compute from the live claims and notes, after the seed,
// after every kind of write, and after the migration's backfill; the network revision moves
// with every audited change and never with a refused one.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { deleteActor, restoreActor, updateActor } from '../../lib/data/actors/write-actor';
import { createNote, deleteNote, updateNote } from '../../lib/data/notes/write-note';
import { createClaim, deleteClaim, updateClaim } from '../../lib/data/claims/write-claim';
import { getNetworkRevision } from '../../lib/data/network/network-revision';
import type { Principal } from '../../lib/data/principal';
import { toPartialDate } from '../../lib/data/records';
import { restoreDeletedRecord } from '../../lib/data/revisions/restore-revision';
import { loadSeed } from '../../lib/data/seed';
import { createSource, deleteSource, restoreSource, updateSource } from '../../lib/data/sources/write-source';
import { createTie, deleteTie, restoreTie, updateTie } from '../../lib/data/ties/write-tie';
import { isDisputed } from '../../lib/graph/disputes';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';
import { periodEnd } from '../../lib/domain/dates';
import { bestGrade, gradeRank } from '../../lib/domain/grade';

const available = await databaseAvailable();

const SUMMARY_COLUMNS = ['endDay', 'bestGrade', 'gradeRank', 'claimCount', 'disputed', 'noteCount', 'publicNoteCount'] as const;

/** What every tie's stored columns should hold, computed from scratch by the pure functions. */
async function expectedTies() {
  const db = await getDb();
  const [ties, claims, sources, notes] = await Promise.all([
    db.tie.findMany({ orderBy: { id: 'asc' } }),
    db.claim.findMany({ where: { deletedAt: null, tieId: { not: null } } }),
    db.source.findMany(),
    db.note.findMany({ where: { deletedAt: null, tieId: { not: null } } }),
  ]);
  const source = new Map(sources.map((s) => [s.id, s]));
  return ties.map((tie) => {
    const live = claims
      .filter((c) => c.tieId === tie.id && !source.get(c.sourceId)!.deletedAt)
      .map((c) => ({
        reliability: source.get(c.sourceId)!.reliability, credibility: c.credibility, stance: c.stance, status: c.status, statedCurrent: c.statedCurrent,
        statedStart: toPartialDate(c.statedStartDate, c.statedStartPrecision), statedEnd: toPartialDate(c.statedEndDate, c.statedEndPrecision),
        sourcePublished: toPartialDate(source.get(c.sourceId)!.publishedDate, source.get(c.sourceId)!.publishedPrecision),
      }));
    const end = toPartialDate(tie.endDate, tie.endPrecision);
    const grade = bestGrade(live);
    const onTie = notes.filter((n) => n.tieId === tie.id);
    return {
      id: tie.id,
      endDay: end ? periodEnd(end) : null,
      bestGrade: grade,
      gradeRank: gradeRank(grade),
      claimCount: live.length,
      disputed: isDisputed(live),
      noteCount: onTie.length,
      publicNoteCount: onTie.filter((n) => n.visibility === 'public').length,
    };
  });
}

async function storedTies() {
  const db = await getDb();
  const rows = await db.tie.findMany({ orderBy: { id: 'asc' } });
  return rows.map((row) => ({ id: row.id, ...(Object.fromEntries(SUMMARY_COLUMNS.map((k) => [k, row[k]])) as Pick<typeof row, (typeof SUMMARY_COLUMNS)[number]>) }));
}

async function expectSummariesCurrent() {
  expect(await storedTies()).toEqual(await expectedTies());
  const db = await getDb();
  for (const actor of await db.actor.findMany()) {
    const end = toPartialDate(actor.endDate, actor.endPrecision);
    expect(actor.endDay, actor.slug).toBe(end ? periodEnd(end) : null);
  }
}

describe.skipIf(!available)(`stored tie summaries on ${TEST_KIND}`, () => {
  let analyst: Principal;
  let admin: Principal;

  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
    const db = await getDb();
    const make = async (role: 'analyst' | 'admin') => {
      const user = await db.user.create({ data: { name: `Summary ${role}`, email: `summary-${role}@example.test`, role } });
      return { type: 'user', userId: user.id, role, name: user.name } as Principal;
    };
    analyst = await make('analyst');
    admin = await make('admin');
  });

  it('holds after the seed, with graded, disputed and dated ties among them', async () => {
    await expectSummariesCurrent();
    const stored = await storedTies();
    expect(stored.filter((t) => t.bestGrade !== null).length).toBeGreaterThan(10);
    expect(stored.some((t) => t.disputed)).toBe(true);
    expect(stored.some((t) => t.endDay !== null)).toBe(true);
  });

  it('follows claim, note, source, tie and actor writes and restores', async () => {
    const db = await getDb();
    const source = await createSource(analyst, { title: 'Summary test source', reliability: 'A' });
    const tie = await createTie(analyst, { source: 'ivan-tertel', target: 'kgb-belarus', type: 'member_of', start: { date: '2019', precision: 'year' }, end: { date: '2021-02', precision: 'month' } });
    await expectSummariesCurrent();
    expect((await db.tie.findUniqueOrThrow({ where: { id: tie.id } })).endDay).toBe('2021-02-28');

    await createClaim(analyst, { source: source.id, tie: tie.id, quote: 'He joined.', credibility: 2, statedStart: { date: '2019', precision: 'year' } });
    await expectSummariesCurrent();
    expect((await db.tie.findUniqueOrThrow({ where: { id: tie.id } })).bestGrade).toBe('A2');
    const refutes = await createClaim(analyst, { source: source.id, tie: tie.id, quote: 'He never did.', credibility: 4, stance: 'refutes' });
    await expectSummariesCurrent();
    expect((await db.tie.findUniqueOrThrow({ where: { id: tie.id } })).disputed).toBe(true);
    const later = await createClaim(analyst, { source: source.id, tie: tie.id, quote: 'From 2021.', credibility: 1, statedStart: { date: '2021-05-03', precision: 'day' } });
    await deleteClaim(analyst, refutes.id, { version: refutes.version });
    await expectSummariesCurrent();
    const afterDates = await db.tie.findUniqueOrThrow({ where: { id: tie.id } });
    expect(afterDates.disputed, 'start dates 2019 and 3 May 2021 conflict').toBe(true);
    expect(afterDates.claimCount).toBe(2);
    await updateClaim(analyst, later.id, { version: later.version, statedStart: null, credibility: 5 });
    await expectSummariesCurrent();
    await restoreDeletedRecord(admin, { type: 'claim', id: refutes.id });
    await expectSummariesCurrent();

    const internal = await createNote(analyst, { tie: tie.id, body: 'Check the date.' });
    const shared = await createNote(analyst, { tie: tie.id, body: 'Public note.', visibility: 'public' });
    await expectSummariesCurrent();
    await updateNote(analyst, internal.id, { version: internal.version, visibility: 'public' });
    await deleteNote(analyst, shared.id, { version: shared.version });
    await expectSummariesCurrent();
    await restoreDeletedRecord(admin, { type: 'note', id: shared.id });
    await expectSummariesCurrent();

    const withSource = await db.source.findUniqueOrThrow({ where: { id: source.id } });
    await updateSource(analyst, source.id, { version: withSource.version, reliability: 'C' });
    await expectSummariesCurrent();
    expect((await db.tie.findUniqueOrThrow({ where: { id: tie.id } })).bestGrade).toBe('C2');
    await deleteSource(analyst, source.id, { version: withSource.version + 1 });
    await expectSummariesCurrent();
    expect((await db.tie.findUniqueOrThrow({ where: { id: tie.id } })).claimCount).toBe(0);
    await restoreSource(admin, source.id);
    await expectSummariesCurrent();
    expect((await db.tie.findUniqueOrThrow({ where: { id: tie.id } })).claimCount).toBe(3);

    const current = await db.tie.findUniqueOrThrow({ where: { id: tie.id } });
    await updateTie(analyst, tie.id, { version: current.version, end: { date: '2024', precision: 'year' } });
    await expectSummariesCurrent();
    await deleteTie(analyst, tie.id, { version: current.version + 1 });
    await expectSummariesCurrent();
    await restoreTie(admin, tie.id);
    await expectSummariesCurrent();
    expect((await db.tie.findUniqueOrThrow({ where: { id: tie.id } })).noteCount).toBe(2);

    const actor = await db.actor.findUniqueOrThrow({ where: { slug: 'ivan-tertel' } });
    const updated = await updateActor(analyst, 'ivan-tertel', { version: actor.version, end: { date: '2030-02', precision: 'month' } });
    await expectSummariesCurrent();
    expect((await db.actor.findUniqueOrThrow({ where: { slug: 'ivan-tertel' } })).endDay).toBe('2030-02-28');
    await deleteActor(analyst, 'ivan-tertel', { version: updated.version });
    await expectSummariesCurrent();
    await restoreActor(admin, 'ivan-tertel');
    await expectSummariesCurrent();
    expect((await db.tie.findUniqueOrThrow({ where: { id: tie.id } })).claimCount).toBe(3);
  });

  it('gives the same values from the migration backfill', async () => {
    const db = await getDb();
    const want = await storedTies();
    const actorsWant = await db.actor.findMany({ select: { id: true, endDay: true }, orderBy: { id: 'asc' } });
    await db.$executeRawUnsafe(`UPDATE "Tie" SET "endDay" = NULL, "bestGrade" = NULL, "gradeRank" = NULL, "claimCount" = 0, "disputed" = false, "noteCount" = 0, "publicNoteCount" = 0`);
    await db.$executeRawUnsafe(`UPDATE "Actor" SET "endDay" = NULL`);
    await db.$executeRawUnsafe(`DELETE FROM "NetworkRevision"`);
    expect(await storedTies()).not.toEqual(want);
    const dir = path.join(process.cwd(), 'prisma', TEST_KIND, 'migrations');
    // The summaries' own backfill, then the later data migration that recomputes the dispute flag.
    for (const name of ['20261201090901_tie_summaries', '20261201105800_dispute_publication_date']) {
      const migration = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      const backfill = migration.slice(migration.indexOf('-- Backfill'));
      for (const statement of backfill.split(/;\s*\n/).map((s) => s.replace(/^--.*$/gm, '').trim()).filter(Boolean)) {
        await db.$executeRawUnsafe(statement);
      }
    }
    expect(await storedTies()).toEqual(want);
    expect(await db.actor.findMany({ select: { id: true, endDay: true }, orderBy: { id: 'asc' } })).toEqual(actorsWant);
    expect(await getNetworkRevision()).toBe(0);
  });

  it('bumps the network revision once per audited change and not for a refused one', async () => {
    const start = await getNetworkRevision();
    const source = await createSource(analyst, { title: 'Revision test source', reliability: 'B' });
    expect(await getNetworkRevision()).toBe(start + 1);
    // A cascade writes many revisions in one transaction: one bump is enough for a cache key.
    await createClaim(analyst, { source: source.id, tie: (await (await getDb()).tie.findFirstOrThrow({ where: { deletedAt: null } })).id, quote: 'x', credibility: 3 });
    await deleteSource(analyst, source.id, { version: 1 });
    expect(await getNetworkRevision()).toBe(start + 3);
    await expect(updateSource(analyst, source.id, { version: 1, title: 'gone' })).rejects.toThrow();
    await expect(createClaim(analyst, { source: 'no-such-source', tie: null, quote: 'x', credibility: 3 })).rejects.toThrow();
    expect(await getNetworkRevision()).toBe(start + 3);
  });
});
