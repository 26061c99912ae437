// The bulk import path on documents larger than one chunk: it creates, updates and restores
// what changed (one revision each) and leaves the rest alone, the same document twice writes
// nothing, a failure in the last chunk writes nothing at all, and progress is reported per kind
// of record up to the whole.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateNetwork } from '../../bench/generate-network';
import { getDb } from '../../lib/db/client';
import { importDocument } from '../../lib/data/import-document';
import { getNetworkRevision } from '../../lib/data/network/network-revision';
import { SEED, type Principal } from '../../lib/data/principal';
import { setRevisionFaultForTests } from '../../lib/data/revisions';
import { refreshTieSummaries } from '../../lib/data/ties/refresh-tie-summaries';
import { refreshActorTieCounts } from '../../lib/data/actors/refresh-actor-tie-counts';
import type { ImportProgress } from '../../lib/validation/import-file';
import { dbFingerprint } from '../support/db-fingerprint';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();

// More than two chunks of actors, ties and claims (500 records a chunk, 2,000 rows a statement).
const ACTORS = 1200;
const TIES = 2600;

/** The summaries the import stored are the ones refreshTieSummaries computes from the database. */
async function expectTieSummariesCurrent() {
  const db = await getDb();
  const before = await db.tie.findMany({ orderBy: { id: 'asc' } });
  await db.$transaction((tx) => refreshTieSummaries(tx, before.map((t) => t.id)), { timeout: 120_000, maxWait: 60_000 });
  expect(await db.tie.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
}

/** The tie counts the import stored are the ones refreshActorTieCounts computes. */
async function expectTieCountsCurrent() {
  const db = await getDb();
  const before = await db.actor.findMany({ orderBy: { id: 'asc' }, select: { id: true, tieCount: true } });
  await db.$transaction((tx) => refreshActorTieCounts(tx, 'all'));
  expect(await db.actor.findMany({ orderBy: { id: 'asc' }, select: { id: true, tieCount: true } })).toEqual(before);
}

describe.skipIf(!available)(`bulk import on ${TEST_KIND}`, () => {
  let analyst: Principal;

  beforeAll(async () => {
    await freshDatabase();
    const db = await getDb();
    const user = await db.user.create({ data: { name: 'Bulk analyst', email: 'bulk-analyst@example.test', role: 'analyst' } });
    analyst = { type: 'user', userId: user.id, role: 'analyst', name: user.name };
  });

  afterEach(() => setRevisionFaultForTests(null));

  it('creates every record of a large document with one revision each, reporting progress to the end', async () => {
    const progress: ImportProgress[] = [];
    const summary = await importDocument(SEED, generateNetwork(ACTORS, TIES), { onProgress: (p) => progress.push(p) });
    expect(summary).toEqual({
      sources: { created: 6, updated: 0, unchanged: 0 },
      actors: { created: ACTORS, updated: 0, unchanged: 0 },
      ties: { created: TIES, updated: 0, unchanged: 0 },
      claims: { created: TIES, updated: 0, unchanged: 0 },
    });
    const db = await getDb();
    expect(await db.actor.count()).toBe(ACTORS);
    // Given names (the document's); each Cyrillic one also has its generated transliteration.
    expect(await db.actorName.count({ where: { scheme: null } })).toBe(ACTORS);
    expect(await db.actorName.count({ where: { scheme: { not: null } } })).toBe(ACTORS);
    expect(await db.tie.count()).toBe(TIES);
    expect(await db.claim.count()).toBe(TIES);
    expect(await db.revision.count({ where: { action: 'create', origin: 'seed', reason: 'import' } })).toBe(6 + ACTORS + TIES + TIES);

    // Read back through Prisma: the raw bulk rows are what the rest of Powermap expects.
    const tie = await db.tie.findUniqueOrThrow({ where: { id: 'tie-2599' }, include: { source: true, target: true, claims: true } });
    expect(tie.source.slug).toMatch(/^actor-\d+$/);
    expect(tie.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(tie.createdAt.getTime() - Date.now())).toBeLessThan(10 * 60_000);
    expect(tie.claims).toHaveLength(1);
    expect(tie.claims[0]).toMatchObject({ statedCurrent: false, status: 'accepted', deletedAt: null, version: 1 });
    // The stored summaries are refreshed for every tie written.
    const source = await db.source.findUniqueOrThrow({ where: { id: tie.claims[0]!.sourceId } });
    expect(tie).toMatchObject({ claimCount: 1, disputed: false, bestGrade: `${source.reliability}${tie.claims[0]!.credibility}` });
    expect(await db.tie.count({ where: { claimCount: 1 } })).toBe(TIES);
    await expectTieSummariesCurrent();
    await expectTieCountsCurrent();
    const actor = await db.actor.findUniqueOrThrow({ where: { slug: 'actor-7' }, include: { names: { where: { scheme: null } } } });
    expect(actor.id).toMatch(/^c[a-z0-9]{24}$/);
    expect(actor.names).toEqual([expect.objectContaining({ name: 'Актор 7', normalized: 'актор 7', lang: 'ru', script: 'Cyrl' })]);

    // Every kind starts at 0, only grows, and ends at its total.
    for (const step of ['sources', 'actors', 'ties', 'claims'] as const) {
      const seen = progress.filter((p) => p.step === step);
      expect(seen[0], step).toMatchObject({ done: 0 });
      expect(seen.at(-1), step).toEqual({ step, done: seen[0]!.total, total: seen[0]!.total });
      expect(seen.map((p) => p.done), step).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
    }
    expect(progress.filter((p) => p.step === 'ties').length).toBeGreaterThan(3);
  });

  it('changes nothing and writes no revision when the same document comes again', async () => {
    const before = await dbFingerprint();
    const revision = await getNetworkRevision();
    const summary = await importDocument(analyst, generateNetwork(ACTORS, TIES));
    for (const counts of Object.values(summary)) expect(counts.created + counts.updated).toBe(0);
    expect(summary.ties.unchanged).toBe(TIES);
    expect(await dbFingerprint()).toBe(before);
    expect(await getNetworkRevision(), 'nothing changed, so cached views stay valid').toBe(revision);
  });

  it('updates only what changed, restores what was deleted, and records each change once', async () => {
    const db = await getDb();
    const doc = generateNetwork(ACTORS, TIES);
    const actor = doc.actors[1100]!;
    actor.name = 'Renamed Actor';
    actor.names = [{ name: 'Переименован', lang: 'ru', script: 'Cyrl', kind: 'transliteration' }, { name: 'Renamed', lang: 'en', script: 'Latn', kind: 'alias' }];
    const tie = doc.ties[2500]!;
    tie.target = tie.target === 'actor-3' ? 'actor-4' : 'actor-3';
    tie.strength = tie.strength === 5 ? 1 : 5;
    const claim = doc.ties[10]!.claims[0]!;
    claim.quote = 'A corrected quote';
    claim.credibility = claim.credibility === 1 ? 2 : 1;
    // A source regraded: every tie citing it is regraded, named in the file or not.
    doc.sources[0]!.reliability = doc.sources[0]!.reliability === 'A' ? 'B' : 'A';
    // A new tie takes a claim from a stored one (which gets another) and a disputed claim of its own.
    const moved = doc.ties[11]!.claims[0]!;
    doc.ties[11]!.claims = [{ id: 'claim-11b', source: 'synthetic-source-2', quote: 'Its replacement', credibility: 4 }];
    doc.ties.push({
      id: 'tie-new', source: 'actor-1', target: 'actor-2', type: 'opposes',
      claims: [moved, { id: 'claim-new-2', source: 'synthetic-source-3', quote: 'Disputed', credibility: 2, status: 'disputed' }],
    });
    // A deleted tie in the file comes back, and so does a deleted actor (with its neighbours' counts).
    await db.tie.update({ where: { id: 'tie-1700' }, data: { deletedAt: new Date() } });
    // (Its ties stay live and in the file unchanged: only the actor's return changes its neighbours' counts.)
    await db.actor.update({ where: { slug: 'actor-900' }, data: { deletedAt: new Date() } });
    await db.$transaction((tx) => refreshActorTieCounts(tx, 'all'));
    const unchangedActor = await db.actor.findUniqueOrThrow({ where: { slug: 'actor-5' }, include: { names: { orderBy: { id: 'asc' } } } });
    const revisionsBefore = await db.revision.count();
    const networkRevision = await getNetworkRevision();

    const summary = await importDocument(analyst, doc);
    expect(await getNetworkRevision(), 'one import, one bump').toBe(networkRevision + 1);
    expect(summary.sources).toEqual({ created: 0, updated: 1, unchanged: 5 });
    expect(summary.actors).toEqual({ created: 0, updated: 2, unchanged: ACTORS - 2 });
    expect(summary.ties).toEqual({ created: 1, updated: 2, unchanged: TIES - 2 });
    expect(summary.claims).toEqual({ created: 2, updated: 2, unchanged: TIES - 2 });
    expect(await db.revision.count()).toBe(revisionsBefore + 10);
    expect(await db.tie.findUniqueOrThrow({ where: { id: 'tie-new' } })).toMatchObject({ claimCount: 2, disputed: true });
    expect(await db.tie.findUniqueOrThrow({ where: { id: 'tie-11' } })).toMatchObject({ claimCount: 1 });

    const renamed = await db.actor.findUniqueOrThrow({ where: { slug: 'actor-1100' }, include: { names: { where: { scheme: null } } } });
    expect(renamed).toMatchObject({ name: 'Renamed Actor', version: 2 });
    expect(renamed.names.map((n) => n.name).sort()).toEqual(['Renamed', 'Переименован']);
    const retargeted = await db.tie.findUniqueOrThrow({ where: { id: 'tie-2500' }, include: { target: true } });
    expect(retargeted).toMatchObject({ strength: tie.strength, version: 2 });
    expect(retargeted.target.slug).toBe(tie.target);
    expect(await db.tie.findUniqueOrThrow({ where: { id: 'tie-1700' } })).toMatchObject({ deletedAt: null, version: 2 });
    expect(await db.claim.findUniqueOrThrow({ where: { id: 'claim-10' } })).toMatchObject({ quote: 'A corrected quote', version: 2 });
    await expectTieSummariesCurrent();
    await expectTieCountsCurrent();
    // An unchanged actor keeps its row and its names as they were, ids included (in id order:
    // PostgreSQL returns rows in no set order, and the import rewrites others' names beside them).
    expect(await db.actor.findUniqueOrThrow({ where: { slug: 'actor-5' }, include: { names: { orderBy: { id: 'asc' } } } })).toEqual(unchangedActor);

    const revisions = await db.revision.findMany({ where: { entityId: { in: [renamed.id, 'tie-2500', 'tie-1700', 'claim-10'] }, version: 2 } });
    expect(revisions.map((r) => [r.entityType, r.entityId, r.action]).sort()).toEqual(
      [['actor', renamed.id, 'update'], ['claim', 'claim-10', 'update'], ['tie', 'tie-1700', 'restore'], ['tie', 'tie-2500', 'update']].sort(),
    );
    const actorRevision = revisions.find((r) => r.entityType === 'actor')!;
    expect(JSON.parse(actorRevision.before!)).toMatchObject({ name: 'Actor 1100' });
    expect(JSON.parse(actorRevision.after!)).toMatchObject({ name: 'Renamed Actor' });
    expect(actorRevision.authorId).toBe((analyst as { userId: string }).userId);
  });

  it('writes nothing when the last chunk fails', async () => {
    const doc = generateNetwork(ACTORS + 300, TIES + 300, 7);
    for (const a of doc.actors) a.slug = `late-${a.slug}`;
    for (const t of doc.ties) {
      t.id = `late-${t.id}`;
      t.source = `late-${t.source}`;
      t.target = `late-${t.target}`;
      for (const c of t.claims) c.id = `late-${c.id}`;
    }
    const before = await dbFingerprint();
    const claimChunks = Math.ceil(doc.ties.length / 500);
    let tiesWritten = false;
    let claimChunksWritten = 0;
    setRevisionFaultForTests(() => {
      // Sources, actors and ties are written by now: fail on the revisions of the last chunk of claims.
      if (tiesWritten && ++claimChunksWritten === claimChunks) throw new Error('injected fault in the last chunk');
    });
    const onProgress = (p: ImportProgress) => {
      if (p.step === 'ties' && p.total > 0 && p.done === p.total) tiesWritten = true;
    };
    await expect(importDocument(analyst, doc, { onProgress })).rejects.toThrow('injected fault in the last chunk');
    expect(claimChunksWritten).toBe(claimChunks);
    expect(await dbFingerprint()).toBe(before);
  });

  it('refuses a document handed over whose bad record is beyond the first slice, at its absolute path, writing nothing', async () => {
    const doc = generateNetwork(ACTORS, TIES, 11);
    doc.ties[2345]!.target = 'nobody';
    const before = await dbFingerprint();
    const refused = importDocument(analyst, doc, { release: true });
    await expect(refused).rejects.toThrow('Import document is invalid: ties.2345.target: Unknown actor "nobody"');
    await expect(refused).rejects.toMatchObject({ details: { fieldErrors: { 'ties.2345.target': ['Unknown actor "nobody"'] } } });
    // Handed over: the caller's lists were let go as they were validated.
    expect(doc.ties.every((t) => t === undefined)).toBe(true);
    expect(await dbFingerprint()).toBe(before);
  });
});
