// Duplicate candidates at scale, in process on one SQLite file (20,000 actors, 100,000 ties by
// default). The generated network gets people's names drawn from 15 first names (and as many
// patronymics) and 400 surnames,
// in Latin with a Cyrillic variant, so some names coincide by chance as in real data, and 1% of
// the actors get a planted twin (the same name in Cyrillic only, one tie to the same actor).
// findDuplicateCandidates (the SQL blocking on name keys, rare words and acronyms, then the scorer
// over the blocked actors' names and ties) is timed against an anchor measured in the same run:
// the bare better-sqlite3 self-join of name keys (actors sharing an exact name), the least any
// blocking must do.
//   node --conditions=react-server --import tsx bench/duplicates-bench.ts [--size 20000x100000] [--rounds 5]
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations } from '../lib/db/schema-engine';
import { generateNetwork, random } from './generate-network';
import { insertNetwork } from './insert-network';
import { interleaved, ms, ratio } from './interleaved';
import { cliArg } from './cli-arg';

const [actorCount, tieCount] = cliArg('size', '20000x100000').split('x').map(Number) as [number, number];
const rounds = Number(cliArg('rounds', '5'));
const file = path.resolve(`data/bench/duplicates-${actorCount}x${tieCount}.db`);
const url = `file:${file}`;
process.env.DATABASE_URL = url;

const FIRST = ['Aliaksandr', 'Andrei', 'Anton', 'Dmitry', 'Ivan', 'Maria', 'Natalia', 'Olga', 'Pavel', 'Sergei', 'Tatsiana', 'Viktor', 'Yuri', 'Uladzimir', 'Alena'];
const FIRST_CYR = ['Аляксандр', 'Андрэй', 'Антон', 'Дзмітрый', 'Іван', 'Марыя', 'Наталля', 'Вольга', 'Павел', 'Сяргей', 'Таццяна', 'Віктар', 'Юрый', 'Уладзімір', 'Алена'];
const ROOTS = ['Kaval', 'Navak', 'Shevch', 'Bandar', 'Mel', 'Kraw', 'Tkach', 'Lysen', 'Marchen', 'Savitsk', 'Bondar', 'Kuzmen', 'Hrynkev', 'Zhuk', 'Pal', 'Sidar', 'Ramanav', 'Lukash', 'Kazlov', 'Vasilev'];
const ROOTS_CYR = ['Кавал', 'Навак', 'Шаўч', 'Бандар', 'Мел', 'Краў', 'Ткач', 'Лысен', 'Марчэн', 'Савіцк', 'Бондар', 'Кузьмен', 'Грынкев', 'Жук', 'Пал', 'Сідар', 'Раманаў', 'Лукаш', 'Казлоў', 'Васілеў'];
const ENDS = ['enka', 'ich', 'ski', 'ou', 'chuk', 'ik', 'ets', 'ovich', 'iuk', 'ai', 'yn', 'ak', 'el', 'uk', 'is', 'an', 'or', 'ev', 'in', 'ko'];
const ENDS_CYR = ['энка', 'іч', 'скі', 'оў', 'чук', 'ік', 'ец', 'овіч', 'юк', 'ай', 'ын', 'ак', 'ель', 'ук', 'іс', 'ан', 'ор', 'еў', 'ін', 'ко'];

function realisticNames() {
  const doc = generateNetwork(actorCount, tieCount);
  const rnd = random(7);
  const n = (k: number) => Math.floor(rnd() * k);
  for (const actor of doc.actors) {
    const [f, r, e] = [n(FIRST.length), n(ROOTS.length), n(ENDS.length)];
    actor.kind = 'person';
    const m = n(FIRST.length);
    actor.name = `${FIRST[f]} ${FIRST[m]}ovich ${ROOTS[r]}${ENDS[e]}`;
    actor.names = [{ name: `${FIRST_CYR[f]} ${FIRST_CYR[m]}авіч ${ROOTS_CYR[r]}${ENDS_CYR[e]}`, lang: 'be', script: 'Cyrl', kind: 'official' }];
  }
  // Planted twins: the Cyrillic name only, and one tie to an actor the original is tied to.
  const twins = Math.floor(actorCount / 100);
  for (let i = 0; i < twins; i++) {
    const original = doc.actors[n(actorCount)]!;
    const tie = doc.ties.find((t) => t.source === original.slug);
    if (!tie) continue;
    const slug = `twin-${i}`;
    doc.actors.push({ slug, name: original.names![0]!.name, kind: 'person', faction: original.faction, names: [] });
    doc.ties.push({ ...tie, id: `twin-tie-${i}`, source: slug, claims: [{ ...tie.claims![0]!, id: `twin-claim-${i}` }] });
  }
  return doc;
}

const fresh = !existsSync(file);
if (fresh) {
  mkdirSync(path.dirname(file), { recursive: true });
  console.log(`building ${file}…`);
  await applyMigrations({ kind: 'sqlite', url });
}
const { getConnection, disconnectDb } = await import('../lib/db/client');
const { findDuplicateCandidates } = await import('../lib/data/actors/find-duplicate-candidates');
const { generateMissingNames } = await import('../lib/data/actors/actor-names');
const { db } = await getConnection();
if (fresh) {
  await insertNetwork(db, realisticNames());
  // The generated transliterations, as the start-up repair writes them for any database.
  await generateMissingNames();
}
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
