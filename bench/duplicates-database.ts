// The duplicates benchmarks' database (bench:duplicates, bench:import-match): the generated
// network (20,000 actors, 100,000 ties by default) with people's names drawn from 15 first names
// (and as many patronymics) and 400 surnames, in Latin with a Cyrillic variant, so some names
// coincide by chance as in real data, and 1% of the actors get a planted twin (the same name in
// Cyrillic only, one tie to the same actor). One SQLite file per size in data/bench/, built once
// and kept (delete it to rebuild; a build cut short is redone): the generation is deterministic.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyMigrations } from '../lib/db/schema-engine';
import { generateNetwork, random } from './generate-network';
import { insertNetwork } from './insert-network';

export const FIRST = ['Aliaksandr', 'Andrei', 'Anton', 'Dmitry', 'Ivan', 'Maria', 'Natalia', 'Olga', 'Pavel', 'Sergei', 'Tatsiana', 'Viktor', 'Yuri', 'Uladzimir', 'Alena'];
export const FIRST_CYR = ['Аляксандр', 'Андрэй', 'Антон', 'Дзмітрый', 'Іван', 'Марыя', 'Наталля', 'Вольга', 'Павел', 'Сяргей', 'Таццяна', 'Віктар', 'Юрый', 'Уладзімір', 'Алена'];
export const ROOTS = ['Kaval', 'Navak', 'Shevch', 'Bandar', 'Mel', 'Kraw', 'Tkach', 'Lysen', 'Marchen', 'Savitsk', 'Bondar', 'Kuzmen', 'Hrynkev', 'Zhuk', 'Pal', 'Sidar', 'Ramanav', 'Lukash', 'Kazlov', 'Vasilev'];
export const ROOTS_CYR = ['Кавал', 'Навак', 'Шаўч', 'Бандар', 'Мел', 'Краў', 'Ткач', 'Лысен', 'Марчэн', 'Савіцк', 'Бондар', 'Кузьмен', 'Грынкев', 'Жук', 'Пал', 'Сідар', 'Раманаў', 'Лукаш', 'Казлоў', 'Васілеў'];
export const ENDS = ['enka', 'ich', 'ski', 'ou', 'chuk', 'ik', 'ets', 'ovich', 'iuk', 'ai', 'yn', 'ak', 'el', 'uk', 'is', 'an', 'or', 'ev', 'in', 'ko'];
export const ENDS_CYR = ['энка', 'іч', 'скі', 'оў', 'чук', 'ік', 'ец', 'овіч', 'юк', 'ай', 'ын', 'ак', 'ель', 'ук', 'іс', 'ан', 'ор', 'еў', 'ін', 'ко'];

/** A person's name in Latin and its Belarusian Cyrillic, from the lists above. */
export function personName(n: (k: number) => number): { latin: string; cyrillic: string } {
  const [f, m, r, e] = [n(FIRST.length), n(FIRST.length), n(ROOTS.length), n(ENDS.length)];
  return { latin: `${FIRST[f]} ${FIRST[m]}ovich ${ROOTS[r]}${ENDS[e]}`, cyrillic: `${FIRST_CYR[f]} ${FIRST_CYR[m]}авіч ${ROOTS_CYR[r]}${ENDS_CYR[e]}` };
}

function realisticNames(actorCount: number, tieCount: number) {
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

/** The file, built when missing; DATABASE_URL is set to it before the app's client is loaded. */
export async function duplicatesDatabase(actorCount: number, tieCount: number): Promise<{ file: string; url: string }> {
  const file = path.resolve(`data/bench/duplicates-${actorCount}x${tieCount}.db`);
  const url = `file:${file}`;
  process.env.DATABASE_URL = url;
  // Written last: a build interrupted halfway is built again, not measured.
  const built = `${file}.built`;
  if (existsSync(file) && existsSync(built)) return { file, url };
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  mkdirSync(path.dirname(file), { recursive: true });
  console.log(`building ${file}…`);
  await applyMigrations({ kind: 'sqlite', url });
  const { getDb } = await import('../lib/db/client');
  const { generateMissingNames } = await import('../lib/data/actors/actor-names');
  await insertNetwork(await getDb(), realisticNames(actorCount, tieCount));
  // The generated transliterations, as the start-up repair writes them for any database.
  await generateMissingNames();
  writeFileSync(built, new Date().toISOString());
  return { file, url };
}
