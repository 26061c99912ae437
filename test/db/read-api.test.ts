// The read side of the data layer on the Belarus seed: profiles, ties, sources and the actor
// index return plain objects, search every name variant, hide what is soft-deleted, and show
// internal notes only to analysts.
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { findActors } from '../../lib/data/actors/find-actors';
import { getActorProfile } from '../../lib/data/actors/get-actor-profile';
import { createNote } from '../../lib/data/notes/write-note';
import { AppError } from '../../lib/data/errors';
import { ANONYMOUS, type Principal } from '../../lib/data/principal';
import { readFileSync } from 'node:fs';
import { loadSeed, SEED_FILE } from '../../lib/data/seed';
import { findSources } from '../../lib/data/sources/find-sources';
import { getSource } from '../../lib/data/sources/get-source';
import { deleteTie } from '../../lib/data/ties/write-tie';
import { getTie } from '../../lib/data/ties/get-tie';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

// Counts come from the seed document itself, so adding a sourced fact to the seed does not break these reads.
const SEEDED = JSON.parse(readFileSync(SEED_FILE, 'utf8')) as { actors: unknown[]; sources: unknown[] };

const available = await databaseAvailable();

async function refusal(run: () => Promise<unknown>): Promise<AppError['code'] | 'no error'> {
  const error = await run().then(() => null, (e: unknown) => e);
  if (error === null) return 'no error';
  if (error instanceof AppError) return error.code;
  throw error;
}

/** DTOs are plain data: they survive JSON unchanged, so no Prisma object or Date slips through. */
function expectPlain(value: unknown) {
  expect(JSON.parse(JSON.stringify(value))).toEqual(value);
}

describe.skipIf(!available)(`reading profiles, ties and sources on ${TEST_KIND}`, () => {
  let analyst: Principal;

  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
    const user = await (await getDb()).user.create({ data: { name: 'Ana Lyst', email: 'ana@example.test', role: 'analyst' } });
    analyst = { type: 'user', userId: user.id, role: 'analyst', name: user.name };
    await createNote(analyst, { actor: 'nikolai-karpenkov', body: 'Public: check the 2024 BYPOL report.', visibility: 'public' });
    await createNote(analyst, { actor: 'nikolai-karpenkov', body: 'Internal: source protection applies.', visibility: 'internal' });
    await createNote(analyst, { tie: 'karpenkov-leads-gubopik', body: 'Internal: ask the desk about Decree 433.' });
  });

  describe('getActorProfile', () => {
    it("gives Karpenkov's names in every script, his post at the ministry and his past, disputed GUBOPiK tie", async () => {
      const p = await getActorProfile(ANONYMOUS, { slug: 'nikolai-karpenkov' });
      expectPlain(p);
      expect(p).toMatchObject({ slug: 'nikolai-karpenkov', name: 'Nikolay Karpenkov', kind: 'person', faction: 'belarus-state' });
      expect(p.names).toContainEqual({ name: 'Мікалай Карпянкоў', lang: 'be', script: 'Cyrl', kind: 'transliteration' });
      expect(p.names).toContainEqual({ name: 'Карпенков Николай Николаевич', lang: 'ru', script: 'Cyrl', kind: 'official' });

      const mvd = p.ties.find((t) => t.tieId === 'karpenkov-holds-position-mvd');
      expect(mvd).toMatchObject({
        type: 'holds_position',
        status: 'current',
        past: false,
        role: 'Deputy Minister and Commander of Internal Troops',
        start: { date: '2020-11-19', precision: 'day' },
        end: null,
        other: { slug: 'ministry-of-internal-affairs-belarus', name: 'Ministry of Internal Affairs of Belarus' },
        source: 'actor:nikolai-karpenkov',
      });

      const gubopik = p.ties.find((t) => t.tieId === 'karpenkov-leads-gubopik');
      expect(gubopik).toMatchObject({ status: 'past', past: true, disputed: true, claimCount: 4, other: { slug: 'gubopik' } });
      expect(gubopik?.grade).toMatch(/^[A-F][1-6]$/);

      // Ties pointing at him read from the other end.
      const russia = p.ties.find((t) => t.tieId === 'russian-state-supports-karpenkov');
      expect(russia).toMatchObject({ source: 'actor:russian-state', target: 'actor:nikolai-karpenkov', other: { slug: 'russian-state' } });
    });

    it('lists every source cited about the actor or its ties once, with how many claims it makes', async () => {
      const p = await getActorProfile(ANONYMOUS, { slug: 'nikolai-karpenkov' });
      const article = p.sources.find((s) => s.source.id === 'slow-invasion-article');
      expect(article?.source).toMatchObject({ title: 'The Slow Invasion of Belarus', reliability: 'C', url: null });
      expect(article?.claimCount).toBeGreaterThanOrEqual(5);
      const ids = p.sources.map((s) => s.source.id);
      expect(new Set(ids).size).toBe(ids.length);
      const total = p.sources.reduce((n, s) => n + s.claimCount, 0);
      expect(total).toBe(p.claims.length + p.ties.reduce((n, t) => n + t.claimCount, 0));
    });

    it('gives an actor’s own claims (born, founded) apart from its ties', async () => {
      const p = await getActorProfile(ANONYMOUS, { slug: 'sviatlana-tsikhanouskaya' });
      expect(p.start).toEqual({ date: '1982-09-11', precision: 'day' });
      expect(p.claims.find((c) => c.fact === 'born')).toMatchObject({ id: 'sviatlana-tsikhanouskaya-c1', grade: expect.stringMatching(/^[A-F]2$/) });
    });

    it('shows public notes to everyone and internal notes to analysts only, naming authors to analysts', async () => {
      const anonymous = await getActorProfile(ANONYMOUS, { slug: 'nikolai-karpenkov' });
      expect(anonymous.notes.map((n) => [n.visibility, n.body, n.author])).toEqual([['public', 'Public: check the 2024 BYPOL report.', null]]);
      const signedIn = await getActorProfile(analyst, { slug: 'nikolai-karpenkov' });
      expect(signedIn.notes.map((n) => [n.visibility, n.author])).toEqual([
        ['public', 'Ana Lyst'],
        ['internal', 'Ana Lyst'],
      ]);
    });

    it('refuses an unknown slug as not found and a malformed one as invalid', async () => {
      expect(await refusal(() => getActorProfile(ANONYMOUS, { slug: 'no-such-actor' }))).toBe('not_found');
      expect(await refusal(() => getActorProfile(ANONYMOUS, { slug: 'Not A Slug' }))).toBe('invalid');
      expect(await refusal(() => getActorProfile(ANONYMOUS, { slug: 'gubopik', extra: 1 } as never))).toBe('invalid');
    });
  });

  describe('findActors', () => {
    it('lists every actor by name, with its number of ties', async () => {
      const { actors, query } = await findActors(ANONYMOUS, {});
      expectPlain(actors);
      expect(actors).toHaveLength(SEEDED.actors.length);
      expect(query).toEqual({ q: null, kind: null, faction: null, sort: 'name', dir: 'asc' });
      const karpenkov = actors.find((a) => a.slug === 'nikolai-karpenkov');
      const profile = await getActorProfile(ANONYMOUS, { slug: 'nikolai-karpenkov' });
      expect(karpenkov?.tieCount).toBe(profile.ties.length);
      expect(actors[0]?.name.localeCompare(actors[1]?.name ?? '', 'en')).toBeLessThanOrEqual(0);
    });

    it.each([
      ['Ціханоўская', 'sviatlana-tsikhanouskaya', /Ціханоўская$/],
      ['ціханоўская', 'sviatlana-tsikhanouskaya', /Ціханоўская$/],
      ['Тихановская', 'sviatlana-tsikhanouskaya', /Тихановская$/],
      ['Cichanouskaja', 'sviatlana-tsikhanouskaya', /^Cichanoŭskaja$/],
      ['karpiankou', 'nikolai-karpenkov', /^Mikalai Karpiankou$/],
      ['ГУБОПиК', 'gubopik', /^ГУБОПиК$/],
      ['mikalai karp', 'nikolai-karpenkov', /^Mikalai Karp/],
    ])('finds %s in any name variant', async (q, slug, matched) => {
      const { actors, query } = await findActors(ANONYMOUS, { q });
      expect(query.sort).toBe('relevance');
      const hit = actors.find((a) => a.slug === slug);
      expect(hit, `${slug} among ${actors.map((a) => a.slug).join(', ')}`).toBeDefined();
      expect(actors[0]?.slug).toBe(slug);
      expect(hit?.matched).toMatch(matched);
    });

    it('finds nothing for a name no actor has', async () => {
      expect((await findActors(ANONYMOUS, { q: 'Zzyzx Qwerty' })).actors).toEqual([]);
    });

    it('filters by kind and faction, and treats a blank choice as no filter', async () => {
      const { actors } = await findActors(ANONYMOUS, { kind: 'organization', faction: 'belarus-state' });
      expect(actors.length).toBeGreaterThan(3);
      expect(actors.every((a) => a.kind === 'organization' && a.faction === 'belarus-state')).toBe(true);
      expect(actors.map((a) => a.slug)).toContain('gubopik');
      expect((await findActors(ANONYMOUS, { kind: '', faction: '', q: ' ' })).actors).toHaveLength(SEEDED.actors.length);
    });

    it('sorts by number of ties, most first unless asked otherwise', async () => {
      const counts = (await findActors(ANONYMOUS, { sort: 'ties' })).actors.map((a) => a.tieCount);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      const ascending = (await findActors(ANONYMOUS, { sort: 'ties', dir: 'asc' })).actors.map((a) => a.tieCount);
      expect(ascending).toEqual([...counts].sort((a, b) => a - b));
    });

    it('sorts by faction label and by name backwards', async () => {
      const byFaction = (await findActors(ANONYMOUS, { sort: 'faction' })).actors;
      expect(byFaction[0]?.faction).toBe('belarus-opposition'); // "Belarusian opposition" sorts first
      const names = (await findActors(ANONYMOUS, { sort: 'name', dir: 'desc' })).actors.map((a) => a.slug);
      const forwards = (await findActors(ANONYMOUS, { sort: 'name' })).actors.map((a) => a.slug);
      expect(names).toEqual([...forwards].reverse());
    });

    it.each([
      [{ kind: 'robot' }, /kind/],
      [{ faction: 'martians' }, /faction/],
      [{ sort: 'height' }, /sort/],
      [{ dir: 'up' }, /dir/],
      [{ q: 'x'.repeat(201) }, /q/],
      [{ colour: 'red' }, /colour|unrecognized/i],
    ])('refuses %j', async (input, message) => {
      const error = await findActors(ANONYMOUS, input as never).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('invalid');
      expect((error as AppError).message).toMatch(message);
    });
  });

  describe('getTie', () => {
    it('sets the Karpenkov–GUBOPiK claims side by side with why they disagree', async () => {
      const tie = await getTie(ANONYMOUS, { id: 'karpenkov-leads-gubopik' });
      expectPlain(tie);
      expect(tie).toMatchObject({
        type: 'leads',
        role: 'Head',
        status: 'past',
        source: { slug: 'nikolai-karpenkov', name: 'Nikolay Karpenkov' },
        target: { slug: 'gubopik', name: 'GUBOPiK' },
        start: { date: '2020-08-01', precision: 'month' },
        end: { date: '2020-11-19', precision: 'day' },
        strength: 5,
      });
      expect(tie.claims.map((c) => c.id)).toEqual(['karpenkov-leads-gubopik-c1', 'karpenkov-leads-gubopik-c2', 'karpenkov-leads-gubopik-c3', 'karpenkov-leads-gubopik-c4']);
      expect(tie.claims[0]).toMatchObject({ status: 'disputed', statedCurrent: true, credibility: 5, grade: 'C5', source: { id: 'slow-invasion-article', reliability: 'C' } });
      expect(tie.disputeReasons.join(' ')).toMatch(/still holds.*ended 19 Nov 2020/);
    });

    it('says a tie with agreeing claims is undisputed and current', async () => {
      const tie = await getTie(ANONYMOUS, { id: 'karpenkov-holds-position-mvd' });
      expect(tie.disputeReasons).toEqual([]);
      expect(tie.status).toBe('current');
    });

    it('shows internal notes on a tie to analysts only', async () => {
      expect((await getTie(ANONYMOUS, { id: 'karpenkov-leads-gubopik' })).notes).toEqual([]);
      expect((await getTie(analyst, { id: 'karpenkov-leads-gubopik' })).notes.map((n) => n.body)).toEqual(['Internal: ask the desk about Decree 433.']);
    });

    it('refuses an unknown id as not found and a malformed one as invalid', async () => {
      expect(await refusal(() => getTie(ANONYMOUS, { id: 'no-such-tie' }))).toBe('not_found');
      expect(await refusal(() => getTie(ANONYMOUS, { id: '../etc/passwd' }))).toBe('invalid');
    });
  });

  describe('sources', () => {
    it('gives the article with every claim it supports, across ties and actors', async () => {
      const source = await getSource(ANONYMOUS, { id: 'slow-invasion-article' });
      expectPlain(source);
      expect(source).toMatchObject({ title: 'The Slow Invasion of Belarus', author: 'Kelly Alkhouli', reliability: 'C', published: { date: '2023-01-01', precision: 'year' } });
      expect(source.notes).toMatch(/UNCONFIRMED/);
      const claim = source.claims.find((c) => c.id === 'karpenkov-leads-gubopik-c1');
      expect(claim).toMatchObject({
        grade: 'C5',
        subject: { type: 'tie', tie: { id: 'karpenkov-leads-gubopik', type: 'leads', source: { slug: 'nikolai-karpenkov' }, target: { slug: 'gubopik' } } },
      });
      expect(claim).not.toHaveProperty('source');
      expect(source.claims.length).toBeGreaterThan(20);
    });

    it('includes claims about actors, naming the actor', async () => {
      const source = await getSource(ANONYMOUS, { id: 'simplewiki-tsikhanouskaya' });
      expect(source.claims.find((c) => c.id === 'sviatlana-tsikhanouskaya-c1')).toMatchObject({
        fact: 'born',
        subject: { type: 'actor', actor: { slug: 'sviatlana-tsikhanouskaya' } },
      });
    });

    it('lists every source, narrowed by words and by reliability', async () => {
      const all = await findSources(ANONYMOUS, {});
      expectPlain(all);
      expect(all).toHaveLength(SEEDED.sources.length);
      const article = all.find((s) => s.id === 'slow-invasion-article');
      expect(article?.claims.length).toBe((await getSource(ANONYMOUS, { id: 'slow-invasion-article' })).claims.length);
      expect((await findSources(ANONYMOUS, { q: 'slow INVASION' })).map((s) => s.id)).toEqual(['slow-invasion-article']);
      const graded = await findSources(ANONYMOUS, { reliability: 'B' });
      expect(graded.length).toBeGreaterThan(0);
      expect(graded.every((s) => s.reliability === 'B')).toBe(true);
      expect(all.every((s) => s.url === null || /^https?:\/\//.test(s.url))).toBe(true);
    });

    it('refuses bad parameters and unknown ids', async () => {
      expect(await refusal(() => findSources(ANONYMOUS, { reliability: 'G' }))).toBe('invalid');
      expect(await refusal(() => findSources(ANONYMOUS, { page: '2' } as never))).toBe('invalid');
      expect(await refusal(() => getSource(ANONYMOUS, { id: 'no-such-source' }))).toBe('not_found');
    });
  });

  describe('soft-deleted records', () => {
    it('drop out of the profile, the index count, the tie page and the source page', async () => {
      const tieId = 'karpenkov-leads-almaz';
      const before = await getActorProfile(ANONYMOUS, { slug: 'nikolai-karpenkov' });
      const countBefore = (await findActors(ANONYMOUS, { q: 'Karpenkov' })).actors.find((a) => a.slug === 'nikolai-karpenkov')?.tieCount;
      const version = (await (await getDb()).tie.findUniqueOrThrow({ where: { id: tieId } })).version;
      await deleteTie(analyst, tieId, { version, reason: 'test' });

      const after = await getActorProfile(ANONYMOUS, { slug: 'nikolai-karpenkov' });
      expect(after.ties.map((t) => t.tieId)).not.toContain(tieId);
      expect(after.ties).toHaveLength(before.ties.length - 1);
      const countAfter = (await findActors(ANONYMOUS, { q: 'Karpenkov' })).actors.find((a) => a.slug === 'nikolai-karpenkov')?.tieCount;
      expect(countAfter).toBe((countBefore ?? 0) - 1);
      expect(await refusal(() => getTie(ANONYMOUS, { id: tieId }))).toBe('not_found');
      const almazSource = await getSource(ANONYMOUS, { id: 'news-21-by-2010-12-29-almaz' });
      expect(almazSource.claims.map((c) => c.id)).not.toContain('karpenkov-leads-almaz-c1');
      // The Almaz unit's profile no longer lists him.
      const almaz = await getActorProfile(ANONYMOUS, { slug: 'almaz-unit' });
      expect(almaz.ties.map((t) => t.tieId)).not.toContain(tieId);
    });
  });
});
