// Duplicate candidates at scale, in process on one SQLite file (20,000 actors, 100,000 ties by
// default, with realistic names and 1% planted twins: bench/duplicates-database.ts).
// findDuplicateCandidates (the SQL blocking on name keys, rare words and acronyms, then the scorer
// over the blocked actors' names and ties) is timed against an anchor measured in the same run:
// the bare better-sqlite3 self-join of name keys (actors sharing an exact name), the least any
// blocking must do.
//   node --conditions=react-server --import tsx bench/duplicates-bench.ts [--size 20000x100000] [--rounds 5]
import Database from 'better-sqlite3';
import { duplicatesDatabase } from './duplicates-database';
import { interleaved, ms, ratio } from './interleaved';
import { cliArg } from './cli-arg';

const [actorCount, tieCount] = cliArg('size', '20000x100000').split('x').map(Number) as [number, number];
const rounds = Number(cliArg('rounds', '5'));
const { file } = await duplicatesDatabase(actorCount, tieCount);
const { getConnection, disconnectDb } = await import('../lib/db/client');
const { findDuplicateCandidates } = await import('../lib/data/actors/find-duplicate-candidates');
const { db } = await getConnection();
const user = await db.user.upsert({ where: { email: 'bench-matcher@example.test' }, create: { name: 'Bench matcher', email: 'bench-matcher@example.test', role: 'analyst' }, update: {} });
const analyst = { type: 'user' as const, userId: user.id, role: 'analyst' as const, name: user.name };

const raw = new Database(file, { readonly: true });
const anchorStatement = raw.prepare(`
  WITH keys AS (SELECT id AS aid, normalizedName AS k FROM Actor WHERE deletedAt IS NULL UNION SELECT actorId, normalized FROM ActorName)
  SELECT x.aid AS a, y.aid AS b FROM keys x JOIN keys y ON y.k = x.k AND x.aid < y.aid`);
const anchor = () => anchorStatement.all();

const counts = { actors: await db.actor.count(), names: await db.actorName.count() };
const page = await findDuplicateCandidates(analyst, { limit: 500 });
const planted = page.candidates.filter((c) => c.a.slug.startsWith('twin-') || c.b.slug.startsWith('twin-')).length;
const [a, f] = await interleaved(rounds, anchor, () => findDuplicateCandidates(analyst, { limit: 100 }));
console.log(`\nduplicate candidates, ${counts.actors} actors / ${tieCount} ties / ${counts.names} name variants, ${rounds} rounds`);
console.log(`blocked pairs ${page.blockedPairs}, candidates ${page.total} (planted twins among the best 500: ${planted}), exact-name pairs ${anchor().length}`);
console.log(`anchor: bare self-join of exact name keys          ${ms(a)}`);
console.log(`findDuplicateCandidates (block, score, judgements) ${ms(f)}  ${ratio(f, a)}`);
raw.close();
await disconnectDb();
