// The reads kept per network revision (lib/data/network/revision-cache.ts): a second read is the
// first one's answer, any change of the network (through any server: here, the revision row
// itself) is seen at once, internal notes never reach an anonymous reader from a kept answer,
// and a refused reader is refused before the cache answers.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '../../lib/db/client';
import { getActorProfile } from '../../lib/data/actors/get-actor-profile';
import { loadChainOfCommand } from '../../lib/data/actors/load-chain-of-command';
import { updateActor } from '../../lib/data/actors/write-actor';
import { AppError } from '../../lib/data/errors';
import { loadProfileNeighbourhood } from '../../lib/data/network/load-profile-neighbourhood';
import { getNetworkRevision } from '../../lib/data/network/network-revision';
import { clearRevisionCache } from '../../lib/data/network/revision-cache';
import { createNote } from '../../lib/data/notes/write-note';
import { ANONYMOUS, type Principal } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import { getTie } from '../../lib/data/ties/get-tie';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();
const SLUG = 'nikolai-karpenkov';
const TIE = 'karpenkov-leads-gubopik';
let analyst: Principal;

describe.skipIf(!available)(`reads kept per network revision on ${TEST_KIND}`, () => {
  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
    const user = await (await getDb()).user.create({ data: { name: 'Cache analyst', email: 'cache-analyst@example.test', role: 'analyst' } });
    analyst = { type: 'user', userId: user.id, role: 'analyst', name: user.name };
  });

  it('answers a second read from the first, frozen, and reads again after a change through the data layer', async () => {
    await clearRevisionCache();
    const first = await getActorProfile(ANONYMOUS, { slug: SLUG });
    expect(await getActorProfile(ANONYMOUS, { slug: SLUG })).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.ties) && Object.isFrozen(first.ties[0])).toBe(true);
    expect(() => (first.ties as unknown[]).push(null)).toThrow(TypeError);

    await updateActor(analyst, SLUG, { version: first.version, summary: 'Changed while a profile was kept' });
    const after = await getActorProfile(ANONYMOUS, { slug: SLUG });
    expect(after).not.toBe(first);
    expect(after.summary).toBe('Changed while a profile was kept');
    expect(after.version).toBe(first.version + 1);
  });

  it('misses when the revision row moves, as a change made through another app server moves it', async () => {
    const tie = await getTie(ANONYMOUS, { id: TIE });
    const hop = await loadProfileNeighbourhood(ANONYMOUS, SLUG, tie.asOf);
    const chain = await loadChainOfCommand(ANONYMOUS, { slug: 'gubopik' });
    expect(await getTie(ANONYMOUS, { id: TIE })).toBe(tie);
    expect(await loadProfileNeighbourhood(ANONYMOUS, SLUG, tie.asOf)).toBe(hop);
    expect(await loadChainOfCommand(ANONYMOUS, { slug: 'gubopik' })).toBe(chain);

    // Another server's transaction: this process hears of it only through the row.
    const db = await getDb();
    const before = await getNetworkRevision();
    await db.$executeRawUnsafe(`UPDATE "Tie" SET "role" = 'Changed by another server' WHERE "id" = '${TIE}'`);
    expect((await getTie(ANONYMOUS, { id: TIE })).role, 'no revision yet: the kept answer stands').toBe(tie.role);
    await db.networkRevision.update({ where: { id: 1 }, data: { revision: before + 1 } });

    const again = await getTie(ANONYMOUS, { id: TIE });
    expect(again).not.toBe(tie);
    expect(again.role).toBe('Changed by another server');
    expect(await loadProfileNeighbourhood(ANONYMOUS, SLUG, tie.asOf)).not.toBe(hop);
    expect(await loadChainOfCommand(ANONYMOUS, { slug: 'gubopik' })).not.toBe(chain);
  });

  it('keeps what analysts see apart from what anonymous readers see', async () => {
    await createNote(analyst, { actor: SLUG, body: 'Internal: kept apart', visibility: 'internal' });
    const forAnalyst = await getActorProfile(analyst, { slug: SLUG });
    const forAnyone = await getActorProfile(ANONYMOUS, { slug: SLUG });
    expect(forAnalyst.notes.map((n) => n.body)).toContain('Internal: kept apart');
    expect(forAnyone.notes.map((n) => n.body)).not.toContain('Internal: kept apart');
    expect((await getActorProfile(ANONYMOUS, { slug: SLUG })).notes.map((n) => n.body)).not.toContain('Internal: kept apart');
  });

  it('refuses a reader who may not read before a kept answer is given', async () => {
    await getActorProfile(ANONYMOUS, { slug: SLUG });
    vi.stubEnv('POWERMAP_REQUIRE_SIGN_IN', '1');
    try {
      for (const read of [() => getActorProfile(ANONYMOUS, { slug: SLUG }), () => getTie(ANONYMOUS, { id: TIE }), () => loadProfileNeighbourhood(ANONYMOUS, SLUG, '2024-01-01')]) {
        const error = await read().then(() => null, (e: unknown) => e);
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('unauthenticated');
      }
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
