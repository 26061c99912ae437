// Import matching on SQLite and PostgreSQL: a second sanctions list names a person already stored
// (in Cyrillic, born the same day, sanctioned by the same authority) and a company (its name with
// "LLC"); the preview proposes each stored actor with the /duplicates reasons, matches the
// authority by its slug, and writes nothing. Imported with "same as existing" for the person,
// the person's ties and names land on the stored actor; the company, left new, is then among the
// possible duplicates that import touched (/duplicates?import=). A choice that no longer holds
// refuses the import and leaves the database as it was; a slug merged away is written where it went,
// and an FtM entity renamed in a later release is matched by its FtM id.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findDuplicateCandidates } from '../../lib/data/actors/find-duplicate-candidates';
import { mergeActors } from '../../lib/data/actors/merge-actors';
import { judgePair } from '../../lib/data/actors/merge-judgements';
import { AppError } from '../../lib/data/errors';
import { importFile, previewFile } from '../../lib/data/import/import-file';
import type { Principal } from '../../lib/data/principal';
import { setRevisionFaultForTests } from '../../lib/data/revisions';
import { loadSeed } from '../../lib/data/seed';
import { getDb } from '../../lib/db/client';
import { dbFingerprint } from '../support/db-fingerprint';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();
const fixture = (name: string) => readFileSync(path.resolve(__dirname, '../fixtures/import-matching', name), 'utf8');
const FIRST = { format: 'ftm', text: fixture('first-list.ftm.jsonl'), fileName: 'first-list.ftm.jsonl' };
const SECOND = { format: 'ftm', text: fixture('second-list.ftm.jsonl'), fileName: 'second-list.ftm.jsonl' };

describe.skipIf(!available)(`import matching on ${TEST_KIND}`, () => {
  let analyst: Principal;
  const slugOf = async (name: string) => (await (await getDb()).actor.findFirstOrThrow({ where: { name, deletedAt: null } })).slug;

  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
    const db = await getDb();
    const a = await db.user.create({ data: { name: 'Matching analyst', email: 'import-matcher@example.test', role: 'analyst' } });
    analyst = { type: 'user', userId: a.id, role: 'analyst', name: a.name };
    await importFile(analyst, FIRST);
  });

  it('previews the second list: the person and the company proposed with their reasons, the authority matched by slug, nothing written', async () => {
    const before = await dbFingerprint();
    const preview = await previewFile(analyst, SECOND);
    expect(await dbFingerprint()).toBe(before);
    const person = preview.matching.matches.find((m) => m.name === 'Антон Матчов');
    expect(person?.identity).toBeNull();
    expect(person?.proposals[0]?.actor).toMatchObject({ name: 'Anton Matchov', kind: 'person' });
    expect(person!.proposals[0]!.reasons.map((r) => r.code).sort()).toEqual(['same_start', 'shared_neighbours', 'shared_spelling']);
    const company = preview.matching.matches.find((m) => m.name === 'Matchov Freight Holding LLC');
    expect(company?.proposals[0]?.actor.name).toBe('Matchov Freight Holding');
    expect(preview.matching.toChoose).toBe(2);
    expect(preview.matching.byIdentity.slug).toBe(1); // the authority: FtM derives its slug from its name
    expect(preview.actors).toEqual({ create: 2, update: 1 });
  });

  it('refuses a choice that does not hold, and writes nothing', async () => {
    const before = await dbFingerprint();
    const person = (await previewFile(analyst, SECOND)).matching.matches.find((m) => m.name === 'Антон Матчов')!;
    for (const matches of [{ [person.slug]: 'no-such-actor' }, { 'not-in-the-file': 'alexander-lukashenko' }, { [person.slug]: 'Not A Slug' }]) {
      const error = await importFile(analyst, { ...SECOND, matches: JSON.stringify(matches) }).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('invalid');
    }
    await expect(importFile(analyst, { ...SECOND, matches: '{not json' })).rejects.toThrow(/not valid JSON/);
    expect(await dbFingerprint()).toBe(before);
    // A valid choice, and the write failing after the stored actor took the file's names: all undone.
    let revisionsWritten = 0;
    setRevisionFaultForTests(() => {
      if (++revisionsWritten === 3) throw new Error('injected fault after the actors');
    });
    try {
      await expect(importFile(analyst, { ...SECOND, matches: JSON.stringify({ [person.slug]: await slugOf('Anton Matchov') }) })).rejects.toThrow('injected fault');
    } finally {
      setRevisionFaultForTests(null);
    }
    expect(revisionsWritten).toBe(3);
    expect(await dbFingerprint()).toBe(before);
  });

  it('writes the chosen person onto the stored actor, and counts the possible duplicates the import touched', async () => {
    const db = await getDb();
    const stored = await slugOf('Anton Matchov');
    const person = (await previewFile(analyst, SECOND)).matching.matches.find((m) => m.name === 'Антон Матчов')!;
    const actorsBefore = await db.actor.count();
    const result = await importFile(analyst, { ...SECOND, matches: JSON.stringify({ [person.slug]: stored }) });
    expect(result.matched).toEqual({ byIdentity: 0, chosen: 1 });
    expect(await db.actor.count()).toBe(actorsBefore + 1); // the company only
    expect(await db.actor.findUnique({ where: { slug: person.slug } })).toBeNull();
    const onto = await db.actor.findUniqueOrThrow({ where: { slug: stored }, include: { names: true, outTies: { where: { deletedAt: null } } } });
    expect(onto.name).toBe('Anton Matchov');
    expect(onto.names.map((n) => n.name)).toContain('Антон Матчов');
    expect(onto.outTies.filter((t) => t.type === 'sanctioned_by')).toHaveLength(2);
    // The company was left new: it and the first list's company are the possible duplicates of this import.
    expect(result.duplicates?.count).toBe(1);
    const page = await findDuplicateCandidates(analyst, { import: result.duplicates!.at });
    expect(page.candidates.map((c) => [c.a.name, c.b.name].sort())).toEqual([['Matchov Freight Holding', 'Matchov Freight Holding LLC']]);
    // The first import's own pairs are not this one's.
    const other = await findDuplicateCandidates(analyst, { import: new Date(Date.parse(result.duplicates!.at) - 60_000).toISOString() });
    expect(other.total).toBe(0);
  });

  it('skips proposals judged different, writes a merged slug where it went, and matches a renamed FtM entity by its id', async () => {
    const db = await getDb();
    const [holding, llc] = [await slugOf('Matchov Freight Holding'), await slugOf('Matchov Freight Holding LLC')];
    // The second list again: the company is a stored actor now, whose proposal (the other company) an analyst judges different.
    let again = (await previewFile(analyst, SECOND)).matching.matches.find((m) => m.slug === llc);
    expect(again?.identity?.by).toBe('slug');
    expect(again?.proposals.map((p) => p.actor.slug)).toEqual([holding]);
    await judgePair(analyst, { a: holding, b: llc, verdict: 'different', reason: 'Two registrations' });
    again = (await previewFile(analyst, SECOND)).matching.matches.find((m) => m.slug === llc);
    expect(again).toBeUndefined(); // matched by slug, nothing to propose: not listed

    // Merged away: the first list again writes its company onto the actor it was merged into.
    const into = await db.actor.findUniqueOrThrow({ where: { slug: llc } });
    const away = await db.actor.findUniqueOrThrow({ where: { slug: holding } });
    await judgePair(analyst, { a: holding, b: llc, verdict: 'same', reason: 'One after all', version: 1 });
    await mergeActors(analyst, llc, { version: into.version, actors: [{ slug: holding, version: away.version }], reason: 'test' });
    const preview = await previewFile(analyst, FIRST);
    expect(preview.matching.matches.find((m) => m.slug === holding)?.identity).toMatchObject({ by: 'merged', actor: { slug: llc } });
    const result = await importFile(analyst, FIRST);
    expect(result.matched.byIdentity).toBe(1);
    expect((await db.actor.findUniqueOrThrow({ where: { slug: holding } })).deletedAt).not.toBeNull();

    // A later release renames the person (so its slug changes) under the same FtM id.
    const renamed = FIRST.text.replace('"caption": "Anton Matchov"', '"caption": "Anton S. Matchov"');
    const release = { ...FIRST, text: renamed, fileName: 'first-list-2.ftm.jsonl' };
    const identity = (await previewFile(analyst, release)).matching.matches.find((m) => m.name === 'Anton S. Matchov')?.identity;
    expect(identity).toMatchObject({ by: 'identifier', identifier: 'ftm:match-person-a', actor: { name: 'Anton Matchov' } });
    const count = await db.actor.count();
    await importFile(analyst, release);
    expect(await db.actor.count()).toBe(count);
  });
});
