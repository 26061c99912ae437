// Import matching at scale, in process on SQLite: the duplicates benchmarks' database (20,000
// actors, 100,000 ties with realistic names, bench/duplicates-database.ts) and a file of 2,000
// actors to import onto it: 500 planted duplicates of stored actors (the stored actor's Cyrillic
// name under a new slug, tied to one of its neighbours, which the file names by slug as an export
// would), 1,500 new people with names drawn from the same lists (so some coincide by chance),
// and ties among them. Timed in the same run, round by round on a fresh copy of the database:
//   anchor   the plain import of the document (importDocument, no choices);
//   matching matchImportDocument, what the preview adds (identity, /duplicates' blocking
//            statement over the file's names, the scorer, judgements);
//   chosen   the import with every planted duplicate's best proposal chosen "same as";
//   after    counting the possible duplicates among what that import touched, as importFile does.
// Recall: planted duplicates whose best proposal is their original.
//   node --conditions=react-server --import tsx bench/import-match-bench.ts [--size 20000x100000] [--file 2000] [--planted 500] [--rounds 3]
import { copyFileSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { ImportDocumentInput } from '../lib/validation/import-document';
import { cliArg } from './cli-arg';
import { duplicatesDatabase, personName } from './duplicates-database';
import { random } from './generate-network';
import { ms, ratio, stats, type Stats } from './interleaved';

const [actorCount, tieCount] = cliArg('size', '20000x100000').split('x').map(Number) as [number, number];
const fileActors = Number(cliArg('file', '2000'));
const plantedCount = Number(cliArg('planted', '500'));
const rounds = Number(cliArg('rounds', '3'));
const { file, url } = await duplicatesDatabase(actorCount, tieCount);
const copy = file.replace(/\.db$/, '.import-copy.db');
const copyUrl = `file:${copy}`;

const { getConnection, disconnectDb } = await import('../lib/db/client');
const { matchImportDocument } = await import('../lib/data/import/match-import');
const { importDocument } = await import('../lib/data/import-document');
const { actorState } = await import('../lib/data/records');
const { safeParseImportDocument } = await import('../lib/validation/import-document');
const { findDuplicateCandidates } = await import('../lib/data/actors/find-duplicate-candidates');

let { db } = await getConnection();
const user = await db.user.upsert({ where: { email: 'bench-matcher@example.test' }, create: { name: 'Bench matcher', email: 'bench-matcher@example.test', role: 'analyst' }, update: {} });
const analyst = { type: 'user' as const, userId: user.id, role: 'analyst' as const, name: user.name };

// The document -------------------------------------------------------------------------------
const rnd = random(11);
const n = (k: number) => Math.floor(rnd() * k);
const source = { id: 'bench-import-match', title: 'Bench import matching', reliability: 'C' as const };
const claim = (id: string) => [{ id: `claim-${id}`, source: source.id, quote: `Bench claim ${id}`, credibility: 3 }];
const doc: ImportDocumentInput = { sources: [source], actors: [], ties: [] };
const originals = new Map<string, string>(); // planted slug → its original's slug
const neighbourIds = new Set<string>();
const plantedTies: { slug: string; neighbour: string }[] = [];
for (let tries = 0; originals.size < plantedCount && tries < plantedCount * 10; tries++) {
  const original = await db.actor.findUnique({ where: { slug: `actor-${n(actorCount)}` }, include: { names: true, outTies: { take: 1, where: { deletedAt: null } } } });
  const cyrillic = original?.names.find((x) => !x.scheme && x.script === 'Cyrl');
  const tie = original?.outTies[0];
  if (!original || !cyrillic || !tie || [...originals.values()].includes(original.slug)) continue;
  const slug = `planted-${originals.size}`;
  originals.set(slug, original.slug);
  neighbourIds.add(tie.targetId);
  doc.actors.push({ slug, name: cyrillic.name, kind: 'person', faction: original.faction as 'other', names: [] });
  plantedTies.push({ slug, neighbour: tie.targetId });
}
// The planted duplicates' neighbours, named by slug with their stored state (so importing them changes nothing).
const neighbours = await db.actor.findMany({ where: { id: { in: [...neighbourIds] } }, include: { names: true } });
const slugOfId = new Map(neighbours.map((a) => [a.id, a.slug]));
for (const a of neighbours) doc.actors.push({ ...actorState(a), claims: [] });
plantedTies.forEach(({ slug, neighbour }, i) => doc.ties.push({ id: `planted-tie-${i}`, source: slug, target: slugOfId.get(neighbour)!, type: 'associate_of', claims: claim(`planted-${i}`) }));
const newCount = Math.max(0, fileActors - originals.size);
for (let i = 0; i < newCount; i++) {
  const { latin, cyrillic } = personName(n);
  doc.actors.push({ slug: `new-${i}`, name: latin, kind: 'person', faction: 'other', names: [{ name: cyrillic, lang: 'be', script: 'Cyrl', kind: 'official' }] });
}
const slugs = doc.actors.map((a) => a.slug);
for (let i = 0; i < newCount * 2; i++) {
  const from = `new-${n(newCount)}`;
  const to = slugs[n(slugs.length)]!;
  if (from !== to) doc.ties.push({ id: `new-tie-${i}`, source: from, target: to, type: 'associate_of', claims: claim(`new-${i}`) });
}
const parsed = safeParseImportDocument(doc);
if (!parsed.success) throw new Error(`bench document invalid: ${parsed.error.message}`);

// Rounds -------------------------------------------------------------------------------------
async function onCopy<T>(run: () => Promise<T>, after?: () => Promise<void>): Promise<[number, T]> {
  await db.$executeRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
  await disconnectDb();
  for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
  copyFileSync(file, copy);
  process.env.DATABASE_URL = copyUrl;
  await getConnection();
  const t = performance.now();
  const result = await run();
  const elapsed = performance.now() - t;
  await after?.();
  await disconnectDb();
  for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
  process.env.DATABASE_URL = url;
  db = (await getConnection()).db;
  return [elapsed, result];
}

const matchSamples: number[] = [];
const plainSamples: number[] = [];
const chosenSamples: number[] = [];
const afterSamples: number[] = [];
let afterCount = 0;
let matches = await matchImportDocument(db, 'sqlite', parsed.data); // warm-up, and the choices
const choices = Object.fromEntries(matches.filter((m) => originals.has(m.slug) && m.proposals.length).map((m) => [m.slug, m.proposals[0]!.actor.slug]));
let chosenSummary: unknown = null;
for (let i = 0; i < rounds; i++) {
  const t = performance.now();
  matches = await matchImportDocument(db, 'sqlite', parsed.data);
  matchSamples.push(performance.now() - t);
  plainSamples.push((await onCopy(() => importDocument(analyst, structuredClone(doc))))[0]);
  const at = new Date();
  const [elapsed, summary] = await onCopy(
    () => importDocument(analyst, structuredClone(doc), { matches: choices, at }),
    // What importFile adds once the import committed: its possible duplicates, counted (/duplicates?import=).
    async () => {
      const t = performance.now();
      afterCount = (await findDuplicateCandidates(analyst, { import: at.toISOString(), limit: 1 })).total;
      afterSamples.push(performance.now() - t);
    },
  );
  chosenSamples.push(elapsed);
  chosenSummary = summary;
}

// Results ------------------------------------------------------------------------------------
const found = matches.filter((m) => originals.get(m.slug) && m.proposals[0]?.actor.slug === originals.get(m.slug)).length;
const inTop = matches.filter((m) => originals.get(m.slug) && m.proposals.some((p) => p.actor.slug === originals.get(m.slug))).length;
const falseProposals = matches.filter((m) => m.slug.startsWith('new-') && m.proposals.length).length;
const byIdentity = matches.filter((m) => m.identity).length;
const [match, plain, chosen, after] = [matchSamples, plainSamples, chosenSamples, afterSamples].map(stats) as ReturnType<typeof stats>[] as [Stats, Stats, Stats, Stats];
const stored = await db.actor.count({ where: { deletedAt: null } });
console.log(`\nimport matching, ${stored} actors / ${tieCount} ties stored; the file ${doc.actors.length} actors (${originals.size} planted duplicates, ${neighbours.length} stored neighbours by slug, ${newCount} new) and ${doc.ties.length} ties; ${rounds} rounds`);
console.log(`anchor: plain import of the document (importDocument)      ${ms(plain)}`);
console.log(`matchImportDocument (identity, blocking, scoring)         ${ms(match)}  ${ratio(match, plain)}`);
console.log(`import with the ${Object.keys(choices).length} planted duplicates chosen "same as"    ${ms(chosen)}  ${ratio(chosen, plain)}`);
console.log(`then its possible duplicates (/duplicates?import=, ${afterCount})     ${ms(after)}  ${ratio(after, plain)}`);
console.log(`recall on planted duplicates: ${found}/${originals.size} best proposal, ${inTop}/${originals.size} among the proposals; matched by slug ${byIdentity}; new actors with a proposal (chance namesakes) ${falseProposals}/${newCount}`);
console.log(`last chosen import: ${JSON.stringify((chosenSummary as { actors?: unknown } | null)?.actors)}`);
await disconnectDb();
