// Saved views at their size limit, each beside an anchor measured in the same run on the same file
// (in turns), printed as ratios. It asserts nothing.
//   node --conditions=react-server --import tsx bench/views-bench.ts [--views 2000] [--rounds 30]
//
// The file (data/bench-views.db) holds `--views` saved views of 1,000 places each, the most a
// drawn neighbourhood has, and one of 5,000 places (MAX_VIEW_POSITIONS). Figures:
// - open: getSavedView of the 5,000-place view (read, access check, zod over state, places and
//   camera) ÷ the bare better-sqlite3 SELECT of the same row with JSON.parse of its places;
// - list: findSavedViews, the three lists of /views (200 each, no places) ÷ the bare SELECT of the
//   same 200 rows' list columns;
// - save: createSavedView of a 5,000-place view with its revision ÷ the bare INSERT of the same row.
import { rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { connect, disconnectDb } from '../lib/db/client';
import { timestampCell } from '../lib/data/bulk-rows';
import { applyMigrations } from '../lib/db/schema-engine';
import type { Principal } from '../lib/data/principal';
import { findSavedViews, getSavedView } from '../lib/data/views/read-saved-views';
import { createSavedView } from '../lib/data/views/write-saved-view';
import { MAX_VIEW_POSITIONS } from '../lib/validation/view-state';
import { interleaved, ms, ratio } from './interleaved';
import { cliArg } from './cli-arg';

const VIEWS = Number(cliArg('views', '2000'));
const ROUNDS = Number(cliArg('rounds', '30'));
const FILE = path.resolve('data/bench-views.db');

const places = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`actor:bench-actor-${i}`, [Math.round(Math.sin(i) * 500000) / 100, Math.round(Math.cos(i) * 500000) / 100]]));
const state = { schemaVersion: 1, params: { asOf: '2020-08-09', focus: 'bench-actor-1', hops: '2' } };

for (const s of ['', '-wal', '-shm']) rmSync(FILE + s, { force: true });
await applyMigrations({ kind: 'sqlite', url: `file:${FILE}` });
process.env.DATABASE_URL = `file:${FILE}`;
await disconnectDb();
const { db } = await connect({ kind: 'sqlite', url: `file:${FILE}` });
const user = await db.user.create({ data: { name: 'Bench Analyst', email: 'bench@example.test', role: 'analyst' } });
const owner: Principal = { type: 'user', userId: user.id, role: 'analyst', name: user.name };

const t0 = performance.now();
const thousand = JSON.stringify(places(1000));
const raw = new Database(FILE);
const insert = raw.prepare('INSERT INTO "SavedView" (id, title, description, ownerId, ownerName, visibility, state, positions, camera, version, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)');
raw.transaction(() => {
  for (let i = 0; i < VIEWS; i++) {
    const now = timestampCell('sqlite', new Date(Date.now() - i * 1000));
    insert.run(`bench-view-${i}`, `View ${i}`, '', user.id, user.name, ['private', 'signed-in', 'public'][i % 3], JSON.stringify(state), thousand, null, now, now);
  }
})();
const big = await createSavedView(owner, { title: 'The biggest view', state, positions: places(MAX_VIEW_POSITIONS), camera: { zoom: 0.4, pan: { x: 10, y: 20 } } });
console.log(`${VIEWS} views of 1,000 places and one of ${MAX_VIEW_POSITIONS} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const selectOne = raw.prepare('SELECT * FROM "SavedView" WHERE id = ?');
const [open, openAnchor] = await interleaved(
  ROUNDS,
  () => getSavedView(owner, big.id),
  () => {
    const row = selectOne.get(big.id) as { positions: string; state: string };
    return [JSON.parse(row.positions), JSON.parse(row.state)];
  },
);
console.log(`open a ${MAX_VIEW_POSITIONS}-place view: ${ms(open)}; bare SELECT + JSON.parse: ${ms(openAnchor)}; ratio ${ratio(open, openAnchor)}`);

const selectList = raw.prepare('SELECT id, slug, title, description, ownerId, ownerName, visibility, state, version, createdAt, updatedAt FROM "SavedView" WHERE deletedAt IS NULL AND ownerId = ? ORDER BY updatedAt DESC, id ASC LIMIT 200');
const [list, listAnchor] = await interleaved(ROUNDS, () => findSavedViews(owner), () => selectList.all(user.id));
console.log(`/views lists (3 × up to 200, no places): ${ms(list)}; bare SELECT of 200 rows: ${ms(listAnchor)}; ratio ${ratio(list, listAnchor)}`);

const bigPlaces = places(MAX_VIEW_POSITIONS);
const bigJson = JSON.stringify(bigPlaces);
let n = 0;
const [save, saveAnchor] = await interleaved(
  ROUNDS,
  () => createSavedView(owner, { title: `Saved ${n++}`, state, positions: bigPlaces, camera: null }),
  () => insert.run(`bench-raw-${n++}`, 'Raw', '', user.id, user.name, 'private', JSON.stringify(state), bigJson, null, timestampCell('sqlite', new Date()), timestampCell('sqlite', new Date())),
);
console.log(`save a ${MAX_VIEW_POSITIONS}-place view with its revision: ${ms(save)}; bare INSERT: ${ms(saveAnchor)}; ratio ${ratio(save, saveAnchor)}`);
const size = (raw.prepare('SELECT length(positions) AS n FROM "SavedView" WHERE id = ?').get(big.id) as { n: number }).n;
const revision = (raw.prepare('SELECT max(length(after)) AS n FROM "Revision" WHERE entityType = \'view\'').get() as { n: number }).n;
console.log(`stored places of the biggest view: ${(size / 1024).toFixed(0)} KiB; its revision: ${revision} bytes (places counted, not stored)`);
raw.close();
await disconnectDb();
