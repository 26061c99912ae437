// Duplicate candidates and judgements on SQLite and PostgreSQL: an OpenSanctions-style file that
// names OFAC twice (by its acronym and by its full name, sanctioning the same two actors) gives the
// pair with its reasons; the database's blocking agrees with the pure scorer; judgements are
// stored with who and when, as revisions, refused on a stale version, and applied transitively.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findDuplicateCandidates } from '../../lib/data/actors/find-duplicate-candidates';
import { judgePair } from '../../lib/data/actors/merge-judgements';
import { createActor } from '../../lib/data/actors/write-actor';
import { AppError } from '../../lib/data/errors';
import { importFile } from '../../lib/data/import/import-file';
import { ANONYMOUS, type Principal } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import { createTie } from '../../lib/data/ties/write-tie';
import { getDb } from '../../lib/db/client';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();
const FIXTURE = path.resolve(__dirname, '../fixtures/duplicates/ofac-twice.ftm.jsonl');

const refusal = async (work: Promise<unknown>) => {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe.skipIf(!available)(`duplicate candidates and judgements on ${TEST_KIND}`, () => {
  let analyst: Principal;
  let viewer: Principal;
  let ofac: string;
  let office: string;

  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
    const db = await getDb();
    const a = await db.user.create({ data: { name: 'Matching analyst', email: 'matcher@example.test', role: 'analyst' } });
    const v = await db.user.create({ data: { name: 'Reading viewer', email: 'reader@example.test', role: 'viewer' } });
    analyst = { type: 'user', userId: a.id, role: 'analyst', name: a.name };
    viewer = { type: 'user', userId: v.id, role: 'viewer', name: v.name };
    await importFile(analyst, { format: 'ftm', text: readFileSync(FIXTURE, 'utf8'), fileName: 'ofac-twice.ftm.jsonl' });
    ofac = (await db.actor.findFirstOrThrow({ where: { name: 'OFAC' } })).slug;
    office = (await db.actor.findFirstOrThrow({ where: { name: 'Office of Foreign Assets Control' } })).slug;
  });

  it('proposes OFAC and the Office of Foreign Assets Control as one, saying why', async () => {
    const page = await findDuplicateCandidates(analyst, {});
    const pair = page.candidates.find((c) => [c.a.slug, c.b.slug].sort().join() === [ofac, office].sort().join());
    expect(pair, JSON.stringify(page.candidates.map((c) => [c.a.name, c.b.name]))).toBeDefined();
    expect(pair!.reasons.map((r) => r.code).sort()).toEqual(['acronym', 'shared_neighbours']);
    expect(pair!.reasons.find((r) => r.code === 'shared_neighbours')!.text).toMatch(/Anton Fixturov/);
    expect(pair!.judgement).toBeNull();
    // One actor's pairs only.
    const only = await findDuplicateCandidates(analyst, { actor: ofac });
    expect(only.candidates.every((c) => c.a.slug === ofac || c.b.slug === ofac)).toBe(true);
    expect(only.candidates).toHaveLength(1);
  });

  it('blocks a Cyrillic-named actor with its Latin twin through the generated transliterations, and never a name alone', async () => {
    const cyr = await createActor(analyst, { slug: 'dup-cyr', name: 'Ўладзімір Фікстураў', kind: 'person', faction: 'other', names: [{ name: 'Ўладзімір Фікстураў', lang: 'be', script: 'Cyrl', kind: 'official' }] });
    const lat = await createActor(analyst, { slug: 'dup-lat', name: 'Uladzimir Fiksturau', kind: 'person', faction: 'other' });
    const alone = await createActor(analyst, { slug: 'dup-alone', name: 'Uladzimir Fiksturau', kind: 'person', faction: 'other' });
    for (const slug of [cyr.slug, lat.slug]) await createTie(analyst, { source: slug, target: 'kgb-belarus', type: 'member_of' });
    const page = await findDuplicateCandidates(analyst, { actor: 'dup-cyr' });
    const pair = page.candidates.find((c) => c.b.slug === 'dup-lat' || c.a.slug === 'dup-lat');
    expect(pair?.reasons.find((r) => r.code === 'shared_spelling')?.text).toContain('Belarusian national system (2007)');
    // dup-alone shares the name with both but nothing else: the database does not even hand it to the scorer.
    const withAlone = await findDuplicateCandidates(analyst, { actor: alone.slug });
    expect(withAlone.blockedPairs).toBe(0);
    expect(withAlone.candidates).toEqual([]);
  });

  it('stores a judgement with who and why as a revision, refuses a stale one, and hides pairs judged different', async () => {
    const db = await getDb();
    const first = await judgePair(analyst, { a: ofac, b: office, verdict: 'unsure', reason: 'Check the programme' });
    expect(first).toMatchObject({ verdict: 'unsure', by: 'Matching analyst', version: 1 });
    expect((await refusal(judgePair(analyst, { a: ofac, b: office, verdict: 'same' }))).code).toBe('conflict');
    expect((await refusal(judgePair(analyst, { a: ofac, b: office, verdict: 'same', version: 7 }))).code).toBe('conflict');
    const second = await judgePair(analyst, { a: office, b: ofac, verdict: 'same', reason: 'One office', version: 1 });
    expect(second.version).toBe(2);
    const revisions = await db.revision.findMany({ where: { entityType: 'judgement' }, orderBy: { version: 'asc' } });
    expect(revisions.map((r) => [r.action, r.authorName, r.reason])).toEqual([
      ['create', 'Matching analyst', 'Check the programme'],
      ['update', 'Matching analyst', 'One office'],
    ]);
    const pair = (await findDuplicateCandidates(analyst, { actor: ofac })).candidates[0];
    expect(pair.judgement).toMatchObject({ verdict: 'same', by: 'Matching analyst', reason: 'One office' });

    await judgePair(analyst, { a: 'dup-cyr', b: 'dup-lat', verdict: 'different' });
    expect((await findDuplicateCandidates(analyst, { actor: 'dup-cyr' })).candidates).toEqual([]);
    expect((await findDuplicateCandidates(analyst, { actor: 'dup-cyr', judged: 'show' })).candidates[0].judgement?.verdict).toBe('different');
  });

  it('suggests A = C when A = B and B = C, and not when B ≠ C', async () => {
    for (const slug of ['tri-a', 'tri-b', 'tri-c']) await createActor(analyst, { slug, name: `Triangle ${slug}`, kind: 'person', faction: 'other' });
    await judgePair(analyst, { a: 'tri-a', b: 'tri-b', verdict: 'same' });
    await judgePair(analyst, { a: 'tri-b', b: 'tri-c', verdict: 'same' });
    const inferred = (await findDuplicateCandidates(analyst, { actor: 'tri-a' })).candidates.find((c) => c.a.slug === 'tri-c' || c.b.slug === 'tri-c');
    expect(inferred?.inferred).toMatchObject({ verdict: 'same', via: [{ slug: 'tri-b' }] });
    await judgePair(analyst, { a: 'tri-b', b: 'tri-c', verdict: 'different', version: 1 });
    const after = await findDuplicateCandidates(analyst, { actor: 'tri-a' });
    expect(after.candidates.some((c) => c.a.slug === 'tri-c' || c.b.slug === 'tri-c')).toBe(false);
  });

  it('refuses viewers, anonymous callers and bad input, changing nothing', async () => {
    expect((await refusal(findDuplicateCandidates(viewer, {}))).code).toBe('forbidden');
    expect((await refusal(findDuplicateCandidates(ANONYMOUS, {}))).code).toBe('unauthenticated');
    expect((await refusal(findDuplicateCandidates(analyst, { limit: '0' }))).code).toBe('invalid');
    expect((await refusal(judgePair(viewer, { a: ofac, b: office, verdict: 'same' }))).code).toBe('forbidden');
    expect((await refusal(judgePair(analyst, { a: ofac, b: ofac, verdict: 'same' }))).code).toBe('invalid');
    expect((await refusal(judgePair(analyst, { a: ofac, b: office, verdict: 'perhaps' }))).code).toBe('invalid');
    expect((await refusal(judgePair(analyst, { a: ofac, b: 'no-such-actor', verdict: 'same' }))).code).toBe('not_found');
  });
});
