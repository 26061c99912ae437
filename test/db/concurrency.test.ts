// Writes that race, on SQLite and on PostgreSQL: many edits of one record made against the same
// version (If-Match), of which exactly one may win and every other is told of the conflict; and
// many writers at once, none of whose acknowledged writes is lost, each with its revision and
// each bumping the network revision once.
import { beforeAll, describe, expect, it } from 'vitest';
import { createActor, updateActor } from '../../lib/data/actors/write-actor';
import { AppError } from '../../lib/data/errors';
import type { Principal } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import { getDb } from '../../lib/db/client';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();

/** A write refused because it could not get the database's write lock in time: refused, and it says so. */
const lockFailure = (error: unknown) => !(error instanceof AppError) && /locked|busy|timed? ?out|could not serialize|deadlock|Transaction already closed/i.test(String((error as Error)?.message));

const networkRevision = async () => (await (await getDb()).networkRevision.findFirst())?.revision ?? 0;

describe.skipIf(!available)(`concurrent writes on ${TEST_KIND}`, () => {
  let analyst: Principal;

  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
    const user = await (await getDb()).user.create({ data: { name: 'Racing analyst', email: 'racing-analyst@example.test', role: 'analyst' } });
    analyst = { type: 'user', userId: user.id, role: 'analyst', name: user.name };
  });

  it('lets exactly one of 24 edits made against the same version win; the others hear of the conflict and change nothing', async () => {
    const db = await getDb();
    const before = await db.actor.findUniqueOrThrow({ where: { slug: 'ivan-tertel' } });
    const revisionsBefore = await db.revision.count({ where: { entityType: 'actor', entityId: before.id } });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 24 }, (_, i) => updateActor(analyst, 'ivan-tertel', { version: before.version, summary: `Edit number ${i}`, reason: `racing edit ${i}` })),
    );
    const won = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(won).toHaveLength(1);
    // Every loser is a conflict (or, on SQLite, a write that could not get the lock in time): never a silent overwrite.
    for (const reason of refused) {
      if (!lockFailure(reason)) expect((reason as AppError).code, String(reason)).toBe('conflict');
    }
    expect(refused.filter((r) => r instanceof AppError && r.code === 'conflict').length).toBeGreaterThan(0);
    const after = await db.actor.findUniqueOrThrow({ where: { slug: 'ivan-tertel' } });
    expect(after.version).toBe(before.version + 1);
    expect(after.summary).toBe(`Edit number ${won[0]}`);
    expect(await db.revision.count({ where: { entityType: 'actor', entityId: before.id } })).toBe(revisionsBefore + 1);
  });

  it('keeps every acknowledged write of 16 writers running at once', async () => {
    const db = await getDb();
    const revisionBefore = await networkRevision();
    const acknowledged: string[] = [];
    await Promise.all(
      Array.from({ length: 16 }, async (_, w) => {
        for (let i = 0; i < 6; i++) {
          const slug = `racing-writer-${w}-${i}`;
          await createActor(analyst, { slug, name: `Racing writer ${w}.${i}`, kind: 'person', faction: 'other' }).then(
            () => acknowledged.push(slug),
            (error: unknown) => {
              // Only a write refused for the lock may fail, and it must say so.
              expect(lockFailure(error), String(error)).toBe(true);
            },
          );
        }
      }),
    );
    expect(acknowledged.length).toBeGreaterThan(16 * 6 * 0.9);
    const stored = await db.actor.findMany({ where: { slug: { startsWith: 'racing-writer-' } }, select: { slug: true, id: true } });
    expect(stored.map((a) => a.slug).sort()).toEqual([...acknowledged].sort());
    expect(await db.revision.count({ where: { entityType: 'actor', entityId: { in: stored.map((a) => a.id) }, action: 'create' } })).toBe(acknowledged.length);
    expect(await networkRevision()).toBe(revisionBefore + acknowledged.length);
  });
});
