// Actor search through the database's name index (FTS5 on SQLite, pg_trgm on PostgreSQL) gives
// the answers of the pure matcher in lib/graph/search.ts, on the seed and on a generated network;
// the index follows every write; and the stored tie counts equal a count of live ties after
// every kind of change.
import { beforeAll, describe, expect, it } from 'vitest';
import { generateNetwork } from '../../bench/generate-network';
import { getConnection, getDb } from '../../lib/db/client';
import { findActors } from '../../lib/data/actors/find-actors';
import { searchActors } from '../../lib/data/actors/search-actors';
import { createActor, deleteActor, restoreActor, updateActor } from '../../lib/data/actors/write-actor';
import { importDocument } from '../../lib/data/import-document';
import { ANONYMOUS, SEED } from '../../lib/data/principal';
import { liveTieWhere } from '../../lib/data/read-models';
import { loadSeed } from '../../lib/data/seed';
import { createTie, deleteTie, restoreTie, updateTie } from '../../lib/data/ties/write-tie';
import { compareText } from '../../lib/graph/adjacency';
import { bestMatch, matchAcross, nearMissAcross, searchAlternatives, type NameMatch } from '../../lib/graph/search';
import { generateMissingNames } from '../../lib/data/actors/actor-names';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();

/** What the pure matcher says for every live actor: its best rank and the variant it matched (near misses only when nothing matched). */
async function oracle(text: string): Promise<Map<string, { rank: number; matched: string }>> {
  const terms = searchAlternatives(text);
  const actors = await (await getDb()).actor.findMany({ where: { deletedAt: null }, select: { id: true, name: true, names: { select: { name: true } } } });
  const collect = (rankOf: (variant: string) => NameMatch) => {
    const out = new Map<string, { rank: number; matched: string }>();
    for (const a of actors) {
      const best = bestMatch([a.name, ...a.names.map((n) => n.name).sort(compareText)], rankOf);
      if (best) out.set(a.id, best);
    }
    return out;
  };
  const strict = collect((v) => matchAcross(v, terms));
  return strict.size ? strict : collect((v) => nearMissAcross(v, terms));
}

async function fromIndex(text: string, limit = 100_000) {
  const { db, kind } = await getConnection();
  const { hits } = await searchActors(db, kind, text, { limit });
  return new Map(hits.map((h) => [h.actorId, { rank: h.rank, matched: h.matched }]));
}

/** Stored counts that differ from a count of live ties to live actors, by slug. */
async function staleTieCounts(): Promise<Record<string, { stored: number; live: number }>> {
  const rows = await (await getDb()).actor.findMany({
    where: { deletedAt: null },
    select: { slug: true, tieCount: true, _count: { select: { outTies: { where: liveTieWhere }, inTies: { where: liveTieWhere } } } },
  });
  return Object.fromEntries(
    rows.filter((r) => r.tieCount !== r._count.outTies + r._count.inTies).map((r) => [r.slug, { stored: r.tieCount, live: r._count.outTies + r._count.inTies }]),
  );
}

const SEED_QUERIES = [
  'Лукашэнка', 'lukash', 'Łukaszenka', 'ціханоуская', 'Тэртэль', 'kgb', 'vladimir', 'mir', 'alex luk', 'mikalai karp',
  'karpiankou', 'ГУБОПиК', 'a', 'lu', 'ка', 'ov', 'min', 'state security', 'russia', 'zzzz', 'b y', 'wagner group',
  // Across scripts and schemes, acronyms, and typos.
  'Lukašenka', 'Łukašenka', 'Lukasenka', 'МВД', 'KGB', 'КГБ', 'Cichanoŭskaja', 'Lukashneka', 'karpenkvo', 'Лукашенко', 'alyaksandr lukashnka',
];

describe.skipIf(!available)(`actor search and tie counts on ${TEST_KIND}`, () => {
  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
  });

  it.each(SEED_QUERIES)('finds exactly what the pure matcher finds on the seed, ranked alike: %s', async (q) => {
    expect(await fromIndex(q)).toEqual(await oracle(q));
  });

  it('orders exact names, then prefixes, then substrings, actors with more ties first within a rank', async () => {
    const { db, kind } = await getConnection();
    const { hits } = await searchActors(db, kind, 'a', { limit: 1000 });
    const counts = new Map((await db.actor.findMany({ select: { id: true, tieCount: true } })).map((a) => [a.id, a.tieCount]));
    expect(hits.length).toBeGreaterThan(3);
    for (let i = 1; i < hits.length; i++) {
      const [a, b] = [hits[i - 1]!, hits[i]!];
      expect(a.rank <= b.rank, `rank order at ${i}`).toBe(true);
      if (a.rank === b.rank) expect(counts.get(a.actorId)! >= counts.get(b.actorId)!, `tie order at ${i}`).toBe(true);
    }
  });

  it('returns at most the limit, says when there were more, and the API echoes the limit', async () => {
    const all = (await findActors(ANONYMOUS, { q: 'a', limit: '200' })).actors.length;
    expect(all).toBeGreaterThan(5);
    const { actors, more, query } = await findActors(ANONYMOUS, { q: 'a', limit: '5' });
    expect(actors).toHaveLength(5);
    expect(more).toBe(true);
    expect(query.limit).toBe(5);
    expect((await findActors(ANONYMOUS, { q: 'Лукашэнка' })).more).toBe(false);
    expect((await findActors(ANONYMOUS, {})).more).toBe(false);
    await expect(findActors(ANONYMOUS, { q: 'a', limit: '0' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(findActors(ANONYMOUS, { q: 'a', limit: '1000' })).rejects.toMatchObject({ code: 'invalid' });
  });

  it('stored tie counts equal live counts after the seed', async () => {
    expect(await staleTieCounts()).toEqual({});
  });

  it('keeps the tie counts through tie create, move, delete and restore, and actor delete and restore', async () => {
    const count = async (slug: string) => (await (await getDb()).actor.findUniqueOrThrow({ where: { slug } })).tieCount;
    const [a, b, c] = ['sviatlana-tsikhanouskaya', 'nikolai-karpenkov', 'gubopik'];
    const before = { a: await count(a), b: await count(b), c: await count(c) };

    const tie = await createTie(SEED, { source: a, target: b, type: 'opposes' });
    expect([await count(a), await count(b)]).toEqual([before.a + 1, before.b + 1]);
    expect(await staleTieCounts()).toEqual({});

    const moved = await updateTie(SEED, tie.id, { version: tie.version, target: c });
    expect([await count(a), await count(b), await count(c)]).toEqual([before.a + 1, before.b, before.c + 1]);

    await deleteTie(SEED, tie.id, { version: moved.version });
    expect([await count(a), await count(c)]).toEqual([before.a, before.c]);
    await restoreTie(SEED, tie.id);
    expect(await count(c)).toBe(before.c + 1);
    expect(await staleTieCounts()).toEqual({});

    const version = (await (await getDb()).actor.findUniqueOrThrow({ where: { slug: c } })).version;
    await deleteActor(SEED, c, { version });
    expect(await count(c)).toBe(0);
    expect(await staleTieCounts()).toEqual({});
    await restoreActor(SEED, c);
    expect(await count(c)).toBe(before.c + 1);
    expect(await staleTieCounts()).toEqual({});
  });

  it('follows every write to names: create, rename, new variants, delete and restore', async () => {
    const slugs = async (q: string) => (await findActors(ANONYMOUS, { q })).actors.map((x) => x.slug);
    const made = await createActor(SEED, { slug: 'zofia-wroblewska', name: 'Zofia Wróblewska', kind: 'person', faction: 'other', names: [{ name: 'Зофья Врублеўская', lang: 'be', script: 'Cyrl', kind: 'transliteration' }] });
    expect(await slugs('wroblew')).toEqual(['zofia-wroblewska']);
    expect(await slugs('врублеу')).toEqual(['zofia-wroblewska']);

    const renamed = await updateActor(SEED, 'zofia-wroblewska', { version: made.version, name: 'Zofia Quennell' });
    expect(await slugs('wroblew')).toEqual([]);
    expect(await slugs('quenn')).toEqual(['zofia-wroblewska']);
    expect(await slugs('врублеу')).toEqual(['zofia-wroblewska']);

    const withNames = await updateActor(SEED, 'zofia-wroblewska', { version: renamed.version, names: [{ name: 'Zosia Q.', lang: 'pl', script: 'Latn', kind: 'alias' }] });
    expect(await slugs('врублеу')).toEqual([]);
    expect((await findActors(ANONYMOUS, { q: 'zosia' })).actors[0]).toMatchObject({ slug: 'zofia-wroblewska', matched: 'Zosia Q.' });

    await deleteActor(SEED, 'zofia-wroblewska', { version: withNames.version });
    expect(await slugs('quenn')).toEqual([]);
    await restoreActor(SEED, 'zofia-wroblewska');
    expect(await slugs('quenn')).toEqual(['zofia-wroblewska']);
  });

  it('finds actors across scripts, schemes, case, diacritics and one typo, exact and prefix matches first', async () => {
    const first = async (q: string) => (await findActors(ANONYMOUS, { q })).actors[0];
    for (const q of ['Lukašenka', 'ŁUKAŠENKA', 'lukasenka', 'Lukashenka', 'Лукашэнка', 'Lukashneka', 'Aliaksandr Lukašenka']) expect((await first(q))?.slug, q).toBe('alexander-lukashenko');
    // МВД is the Latin alias MVD looked up as its transliteration; ГУБОПиК as written.
    expect((await findActors(ANONYMOUS, { q: 'МВД' })).actors.map((a) => a.slug)).toContain('ministry-of-internal-affairs-belarus');
    expect((await first('ГУБОПиК'))?.slug).toBe('gubopik');
    expect((await first('KGB'))?.slug).toBe('kgb-belarus');
    expect((await first('КГБ'))?.slug).toBe('kgb-belarus');
    // A typo is forgiven only when nothing matches as typed.
    const { db, kind } = await getConnection();
    expect((await searchActors(db, kind, 'Lukashneka', { limit: 5 })).hits.map((h) => h.rank)).toEqual([4]);
    expect((await searchActors(db, kind, 'Lukashenka', { limit: 5 })).hits.map((h) => h.rank)).toEqual([1]);
  });

  it('generates transliterations on every write of names, marked with their schemes, and keeps them out of the state', async () => {
    const db = await getDb();
    const generated = async (slug: string) =>
      (await db.actorName.findMany({ where: { actor: { slug }, scheme: { not: null } }, orderBy: { name: 'asc' } })).map((n) => [n.name, n.lang, n.scheme]);
    // Seed: Lukashenko's Belarusian names in the national system (BGN/PCGN gives the seed's own spelling).
    expect(await generated('alexander-lukashenko')).toEqual(expect.arrayContaining([['Aliaksandr Lukašenka', 'be', 'be-national-2007'], ['Aliaksandr Ryhoravič Lukašenka', 'be', 'be-national-2007']]));

    const kalesnikava = await db.actor.findUniqueOrThrow({ where: { slug: 'maria-kalesnikava' } });
    const updated = await updateActor(SEED, 'maria-kalesnikava', {
      version: kalesnikava.version,
      names: [
        { name: 'Марыя Калеснікава', lang: 'be', script: 'Cyrl', kind: 'official' },
        { name: 'Мария Колесникова', lang: 'ru', script: 'Cyrl', kind: 'official' },
        { name: 'Maryia Kalesnikava', lang: 'en', script: 'Latn', kind: 'transliteration' },
      ],
    });
    expect(updated.names.map((n) => n.name)).toEqual(['Марыя Калеснікава', 'Maryia Kalesnikava', 'Мария Колесникова']);
    expect(await generated('maria-kalesnikava')).toEqual([
      ['Mariia Kolesnikova', 'ru', 'ru-icao-2013'],
      ['Mariya Kolesnikova', 'ru', 'ru-bgn-pcgn-1947'],
      ['Mariâ Kolesnikova', 'ru', 'ru-iso-9-1995'],
      ['Maryja Kaliesnikava', 'be', 'be-national-2007'],
      ['Maryya Kalyesnikava', 'be', 'be-bgn-pcgn-1979'],
    ]);
    for (const q of ['Колесникова', 'Kolesnikova', 'Kaliesnikava', 'калеснікава']) expect((await findActors(ANONYMOUS, { q })).actors[0]?.slug, q).toBe('maria-kalesnikava');

    // A revision stores the given names only.
    const revision = await db.revision.findFirstOrThrow({ where: { entityType: 'actor', entityId: kalesnikava.id }, orderBy: { version: 'desc' } });
    expect(JSON.stringify(revision.after)).not.toContain('Kaliesnikava');

    // Removing the Cyrillic names removes what was generated from them.
    await updateActor(SEED, 'maria-kalesnikava', { version: updated.version, names: [] });
    expect(await generated('maria-kalesnikava')).toEqual([]);

    // A Cyrillic label is transliterated too, from create on.
    await createActor(SEED, { slug: 'belavia-test', name: 'Белавія', kind: 'organization', faction: 'other' });
    expect(await generated('belavia-test')).toEqual([['Bielavija', 'be', 'be-national-2007'], ['Byelaviya', 'be', 'be-bgn-pcgn-1979']]);
  });

  it('fills in missing transliterations at start-up, once', async () => {
    const db = await getDb();
    await db.actorName.deleteMany({ where: { actor: { slug: 'alexander-lukashenko' }, scheme: { not: null } } });
    expect(await generateMissingNames()).toBeGreaterThan(0);
    expect(await db.actorName.count({ where: { actor: { slug: 'alexander-lukashenko' }, scheme: { not: null } } })).toBeGreaterThan(0);
    expect(await generateMissingNames()).toBe(0);
  });

  it.runIf(TEST_KIND === 'sqlite')('keeps the triggers that feed the FTS5 index (a migration that rebuilds Actor or ActorName must create them again)', async () => {
    const rows = await (await getDb()).$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`);
    expect(rows.map((r) => r.name)).toEqual(
      expect.arrayContaining(['ActorName_search_ad', 'ActorName_search_ai', 'ActorName_search_au', 'ActorSearchName_ad', 'ActorSearchName_ai', 'ActorSearchName_au', 'Actor_search_ad', 'Actor_search_ai', 'Actor_search_au']),
    );
  });

  describe('on a generated network', () => {
    beforeAll(async () => {
      await freshDatabase();
      await importDocument(SEED, generateNetwork(250, 800, 7));
    });

    it.each(['actor 12', 'актор 3', '12', 'act', 'or 1', '99', 'tor'])('agrees with the pure matcher: %s', async (q) => {
      expect(await fromIndex(q)).toEqual(await oracle(q));
    });

    it('stores the tie count of every actor', async () => {
      expect(await staleTieCounts()).toEqual({});
    });
  });
});
