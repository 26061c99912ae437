// The work history (/history, findRecentChanges) on the large network, beside an anchor measured in
// the same run on the same file (in turns), printed as ratios, with SQLite's query plans. It asserts nothing.
//   node --conditions=react-server --import tsx bench/history-bench.ts [--from data/bench/20000x100000.db] [--views 2000] [--rounds 20]
//
// The file is a copy of the benchmark's network (npm run bench builds it: 20,000 actors, 100,000 ties
// and their claims, each with its revision, ~220,000 revisions stamped by one import), to which
// `--views` saved views and a quarter as many stories are added with their revisions (created,
// edited, published; some taken down or deleted), a third of them private, owned by two analysts.
// Figures, for the analyst who owns none of the private ones (so the visibility rule applies):
// - each page (everything, page 1 and page 100; saved views; ties) ÷ the bare better-sqlite3 SELECT
//   of the same page of the network's revisions alone, the query /changes made before views and
//   stories were listed (what the page costs now against what its rows cost then).
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { connect, disconnectDb } from '../lib/db/client';
import { timestampCell } from '../lib/data/bulk-rows';
import { applyMigrations } from '../lib/db/schema-engine';
import type { Principal } from '../lib/data/principal';
import { findRecentChanges } from '../lib/data/revisions/find-revisions';
import { interleaved, ms, ratio } from './interleaved';
import { cliArg } from './cli-arg';

const FROM = path.resolve(cliArg('from', 'data/bench/20000x100000.db'));
const VIEWS = Number(cliArg('views', '2000'));
const ROUNDS = Number(cliArg('rounds', '20'));
const FILE = path.resolve('data/bench-history.db');

if (!existsSync(FROM)) throw new Error(`${FROM} is missing: build it with npm run bench -- --size 20000x100000 --only api`);
for (const s of ['', '-wal', '-shm']) rmSync(FILE + s, { force: true });
copyFileSync(FROM, FILE);
await applyMigrations({ kind: 'sqlite', url: `file:${FILE}` });
process.env.DATABASE_URL = `file:${FILE}`;
await disconnectDb();
const { db } = await connect({ kind: 'sqlite', url: `file:${FILE}` });
const olga = await db.user.create({ data: { name: 'Bench Olga', email: 'olga@example.test', role: 'analyst' } });
const pavel = await db.user.create({ data: { name: 'Bench Pavel', email: 'pavel@example.test', role: 'analyst' } });
const reader: Principal = { type: 'user', userId: pavel.id, role: 'analyst', name: pavel.name };

const raw = new Database(FILE);
const t0 = performance.now();
const addView = raw.prepare('INSERT INTO "SavedView" (id, title, description, ownerId, ownerName, visibility, state, positions, camera, version, createdAt, updatedAt) VALUES (?, ?, \'\', ?, ?, ?, \'{"schemaVersion":1,"params":{}}\', \'{}\', NULL, ?, ?, ?)');
const addStory = raw.prepare('INSERT INTO "Story" (id, title, description, ownerId, ownerName, visibility, version, deletedAt, createdAt, updatedAt) VALUES (?, ?, \'\', ?, ?, ?, ?, ?, ?, ?)');
const addRevision = raw.prepare('INSERT INTO "Revision" (id, entityType, entityId, version, action, before, after, authorId, authorName, origin, reason, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, \'user\', ?, ?)');
let revisions = 0;
raw.transaction(() => {
  const start = Date.now();
  const at = (i: number, step: number) => timestampCell('sqlite', new Date(start + i * 60_000 + step * 1000));
  for (let i = 0; i < VIEWS; i++) {
    const owner = i % 2 ? olga : pavel;
    const visibility = ['private', 'signed-in', 'public'][i % 3]!;
    const id = `bench-view-${i}`;
    addView.run(id, `View ${i}`, owner.id, owner.name, visibility, 2, at(i, 0), at(i, 1));
    const fields = (title: string) => JSON.stringify({ title, description: '', visibility, slug: null, state: { schemaVersion: 1, params: {} }, places: 0 });
    addRevision.run(`${id}-1`, 'view', id, 1, 'create', null, fields(`View ${i}`), owner.id, owner.name, '', at(i, 0));
    addRevision.run(`${id}-2`, 'view', id, 2, 'update', fields(`View ${i}`), fields(`View ${i}`), owner.id, owner.name, '', at(i, 1));
    revisions += 2;
    if (visibility === 'public') {
      addRevision.run(`${id}-p`, 'view', id, 2, 'publish', null, '{"publication":1}', owner.id, owner.name, 'published', at(i, 2));
      revisions++;
    }
  }
  for (let i = 0; i < VIEWS / 4; i++) {
    const owner = i % 2 ? olga : pavel;
    const visibility = ['private', 'signed-in', 'public'][i % 3]!;
    const id = `bench-story-${i}`;
    const deleted = i % 5 === 0;
    addStory.run(id, `Story ${i}`, owner.id, owner.name, visibility, deleted ? 3 : 2, deleted ? at(i, 5) : null, at(i, 3), at(i, 4));
    const fields = (steps: number) => JSON.stringify({ title: `Story ${i}`, description: '', visibility, steps: Array.from({ length: steps }, (_, s) => ({ id: `${id}-s${s}`, caption: `Step ${s}`, address: '?asOf=2020-08-09', actors: [], ties: [] })) });
    addRevision.run(`${id}-1`, 'story', id, 1, 'create', null, fields(0), owner.id, owner.name, '', at(i, 3));
    addRevision.run(`${id}-2`, 'story', id, 2, 'update', fields(0), fields(3), owner.id, owner.name, '', at(i, 4));
    revisions += 2;
    if (deleted) {
      addRevision.run(`${id}-3`, 'story', id, 3, 'delete', fields(3), null, owner.id, owner.name, '', at(i, 5));
      revisions++;
    }
  }
})();
raw.exec('ANALYZE');
const total = (raw.prepare('SELECT count(*) AS n FROM "Revision"').get() as { n: number }).n;
console.log(`${VIEWS} views and ${VIEWS / 4} stories with ${revisions} revisions added in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${total} revisions in all`);

const NETWORK = `('actor', 'tie', 'claim', 'source', 'annotation')`;
const oldPage = raw.prepare(`SELECT * FROM "Revision" WHERE entityType IN ${NETWORK} ORDER BY createdAt DESC, version DESC, id DESC LIMIT 51 OFFSET ?`);
const oldType = raw.prepare(`SELECT * FROM "Revision" WHERE entityType = ? ORDER BY createdAt DESC, version DESC, id DESC LIMIT 51 OFFSET 0`);

const cases: [string, () => Promise<unknown>, () => unknown][] = [
  ['everything, page 1', () => findRecentChanges(reader, {}), () => oldPage.all(0)],
  ['everything, page 100', () => findRecentChanges(reader, { page: '100' }), () => oldPage.all(99 * 50)],
  ['saved views, page 1', () => findRecentChanges(reader, { type: 'view' }), () => oldType.all('claim')],
  ['ties, page 1', () => findRecentChanges(reader, { type: 'tie' }), () => oldType.all('tie')],
];
for (const [name, ours, anchor] of cases) {
  const [a, b] = await interleaved(ROUNDS, ours, anchor);
  console.log(`${name}: findRecentChanges ${ms(a)}; bare SELECT of a page of network revisions ${ms(b)}; ratio ${ratio(a, b)}`);
}

// The plans of the statements findRecentChanges sends (as Prisma sends them, with bound values).
const plan = (text: string, ...values: unknown[]) => (raw.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...values) as { detail: string }[]).map((r) => r.detail).join(' | ');
const readable = (t: string, table: string) => `(r."entityType" = '${t}' AND EXISTS (SELECT 1 FROM "${table}" w WHERE w."id" = r."entityId" AND (w."visibility" <> 'private' OR w."ownerId" = ?)))`;
const order = 'ORDER BY r."createdAt" DESC, r."version" DESC, r."id" DESC LIMIT 51 OFFSET 0';
console.log(`plan, everything: ${plan(`SELECT r."id" FROM "Revision" r WHERE (r."entityType" IN ('actor','tie','claim','source','annotation') OR ${readable('view', 'SavedView')} OR ${readable('story', 'Story')}) ${order}`, pavel.id, pavel.id)}`);
console.log(`plan, saved views: ${plan(`SELECT r."id" FROM "Revision" r WHERE ${readable('view', 'SavedView')} ${order}`, pavel.id)}`);
console.log(`plan, ties: ${plan(`SELECT r."id" FROM "Revision" r WHERE r."entityType" IN ('tie') ${order}`)}`);
raw.close();
await disconnectDb();
