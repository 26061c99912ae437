// The review table's data layer on SQLite and PostgreSQL: it lists claims by status with what they
// are about, and one change applied to many claims is all or nothing: every claim changes with a
// revision carrying the batch's reason, or, when one of them changed since it was read, none does.
import { beforeAll, describe, expect, it } from 'vitest';
import { findClaimsForReview, reviewClaims } from '../../lib/data/claims/review-claims';
import { updateClaim } from '../../lib/data/claims/write-claim';
import { AppError } from '../../lib/data/errors';
import { ANONYMOUS, type Principal } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import { getDb } from '../../lib/db/client';
import { dbFingerprint as fingerprint } from '../support/db-fingerprint';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();

const refusal = async (work: Promise<unknown>) => {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe.skipIf(!available)(`bulk review of claims on ${TEST_KIND}`, () => {
  let analyst: Principal;
  let viewer: Principal;

  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
    const db = await getDb();
    const a = await db.user.create({ data: { name: 'Reviewing analyst', email: 'reviewer@example.test', role: 'analyst' } });
    const v = await db.user.create({ data: { name: 'Reading viewer', email: 'reader@example.test', role: 'viewer' } });
    analyst = { type: 'user', userId: a.id, role: 'analyst', name: a.name };
    viewer = { type: 'user', userId: v.id, role: 'viewer', name: v.name };
  });

  it('lists the claims that need review with their tie or actor and source, and filters by source and tie type', async () => {
    const db = await getDb();
    const expected = await db.claim.count({ where: { status: 'needs_review', deletedAt: null } });
    expect(expected).toBeGreaterThan(2);
    const page = await findClaimsForReview(analyst, {});
    expect(page.total).toBe(expected);
    expect(page.rows).toHaveLength(expected);
    expect(page.rows.every((r) => r.status === 'needs_review')).toBe(true);
    expect(page.rows.every((r) => (r.tie === null) !== (r.actor === null))).toBe(true);
    const source = page.rows[0].source.id;
    const bySource = await findClaimsForReview(analyst, { source });
    expect(bySource.rows.length).toBeGreaterThan(0);
    expect(bySource.rows.every((r) => r.source.id === source)).toBe(true);
    const tieRow = page.rows.find((r) => r.tie)!;
    const byType = await findClaimsForReview(analyst, { type: tieRow.tie!.type });
    expect(byType.rows.every((r) => r.tie?.type === tieRow.tie!.type)).toBe(true);
    expect(page.sources.map((s) => s.id)).toContain(source);
  });

  it('refuses viewers and anonymous readers, and bad filters with a message', async () => {
    expect((await refusal(findClaimsForReview(viewer, {}))).code).toBe('forbidden');
    expect((await refusal(findClaimsForReview(ANONYMOUS, {}))).code).toBe('unauthenticated');
    expect((await refusal(findClaimsForReview(analyst, { status: 'maybe' }))).code).toBe('invalid');
  });

  it('accepts many claims at once, each with a revision that records the one reason, and brings tie summaries up to date', async () => {
    const db = await getDb();
    const page = await findClaimsForReview(analyst, {});
    const chosen = page.rows.filter((r) => r.tie).slice(0, 3);
    const result = await reviewClaims(analyst, { claims: chosen.map((r) => ({ id: r.id, version: r.version })), change: { action: 'accept' }, reason: 'Checked against the source in bulk' });
    expect(result).toEqual({ action: 'accept', claims: 3, ties: 0 });
    for (const row of chosen) {
      const claim = await db.claim.findUniqueOrThrow({ where: { id: row.id } });
      expect(claim).toMatchObject({ status: 'accepted', version: row.version + 1 });
      const revision = await db.revision.findFirstOrThrow({ where: { entityType: 'claim', entityId: row.id }, orderBy: { createdAt: 'desc' } });
      expect(revision.reason).toBe('Checked against the source in bulk');
      // An accepted claim counts toward its tie's grade: the stored summary says so at once.
      const tie = await db.tie.findUniqueOrThrow({ where: { id: row.tie!.id } });
      expect(tie.claimCount).toBeGreaterThan(0);
    }
    expect((await findClaimsForReview(analyst, {})).total).toBe(page.total - 3);
  });

  it('changes nothing when one claim of the batch changed since it was read, and names it', async () => {
    const page = await findClaimsForReview(analyst, {});
    const chosen = page.rows.slice(0, 2);
    expect(chosen).toHaveLength(2);
    await updateClaim(analyst, chosen[1].id, { version: chosen[1].version, location: 'p. 3' });
    const before = await fingerprint();
    const error = await refusal(reviewClaims(analyst, { claims: chosen.map((r) => ({ id: r.id, version: r.version })), change: { action: 'accept' }, reason: 'Too late' }));
    expect(error.code).toBe('conflict');
    expect(await fingerprint()).toEqual(before);
  });

  it('regrades, rejects (a delete, with its reason) and retypes ties, each once per tie', async () => {
    const db = await getDb();
    const rows = (await findClaimsForReview(analyst, {})).rows.filter((r) => r.tie);
    const [regrade, reject] = rows;
    await reviewClaims(analyst, { claims: [{ id: regrade.id, version: regrade.version }], change: { action: 'regrade', credibility: 5 }, reason: 'Improbable' });
    expect((await db.claim.findUniqueOrThrow({ where: { id: regrade.id } })).credibility).toBe(5);
    await reviewClaims(analyst, { claims: [{ id: reject.id, version: reject.version }], change: { action: 'reject' }, reason: 'Misread the source' });
    const rejected = await db.claim.findUniqueOrThrow({ where: { id: reject.id } });
    expect(rejected.deletedAt).not.toBeNull();
    expect((await db.revision.findFirstOrThrow({ where: { entityType: 'claim', entityId: reject.id, action: 'delete' } })).reason).toBe('Misread the source');

    const regraded = await db.claim.findUniqueOrThrow({ where: { id: regrade.id } });
    const tieBefore = await db.tie.findUniqueOrThrow({ where: { id: regraded.tieId! } });
    const newType = tieBefore.type === 'associate_of' ? 'influences' : 'associate_of';
    const result = await reviewClaims(analyst, { claims: [{ id: regraded.id, version: regraded.version }], change: { action: 'retype', type: newType }, reason: 'The source says more than association' });
    expect(result).toEqual({ action: 'retype', claims: 1, ties: 1 });
    const tieAfter = await db.tie.findUniqueOrThrow({ where: { id: tieBefore.id } });
    expect(tieAfter).toMatchObject({ type: newType, version: tieBefore.version + 1 });
  });

  it('refuses a batch with no claims, no reason, an unknown action or a viewer, and changes nothing', async () => {
    const row = (await findClaimsForReview(analyst, {})).rows[0];
    const claims = [{ id: row.id, version: row.version }];
    const before = await fingerprint();
    expect((await refusal(reviewClaims(analyst, { claims: [], change: { action: 'accept' }, reason: 'x' }))).code).toBe('invalid');
    expect((await refusal(reviewClaims(analyst, { claims, change: { action: 'accept' }, reason: '' }))).code).toBe('invalid');
    expect((await refusal(reviewClaims(analyst, { claims, change: { action: 'promote' }, reason: 'x' }))).code).toBe('invalid');
    expect((await refusal(reviewClaims(analyst, { claims: [...claims, ...claims], change: { action: 'accept' }, reason: 'x' }))).code).toBe('invalid');
    expect((await refusal(reviewClaims(viewer, { claims, change: { action: 'accept' }, reason: 'x' }))).code).toBe('forbidden');
    expect(await fingerprint()).toEqual(before);
  });
});
