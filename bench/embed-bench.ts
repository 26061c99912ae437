// npm run bench:embeds: published embeds on a large network, each figure beside an anchor measured
// in the same run on the same file (in turns), printed as ratios. It asserts nothing.
//   node --conditions=react-server --import tsx bench/embed-bench.ts [--actors 20000 --ties 100000] [--rounds 30]
//
// The file (data/bench-embeds-<actors>-<ties>.db) is built once with bench/insert-network.ts (and the
// seed). Three public works are published: a view focused on the biggest hub (2 hops, hubs capped,
// the largest neighbourhood a view draws), the overview of the whole network (no focus: what the map
// opens on above 4,000 elements) and a ten-step story of focused views. Figures:
// - embed: GET /api/embed/{views|stories}/{id} (the route handler in-process: one row by its key,
//   its ETag, the stored body) ÷ the bare better-sqlite3 SELECT of the same row's body;
// - 304: the same GET with If-None-Match ÷ the bare SELECT of the row's etag;
// - embed ÷ live: the embed's GET ÷ the cut the live map makes for the same address on a cache miss
//   (loadView or loadOverview, as GET /api/graph/map does): what a frozen snapshot saves a reader;
// - publish: publishEmbed (cut, strip, store) ÷ the cut alone.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { GET } from '../app/api/embed/[kind]/[id]/route';
import { connect, disconnectDb, type Db } from '../lib/db/client';
import { applyMigrations } from '../lib/db/schema-engine';
import { cutPayload } from '../lib/data/embeds/cut-embed-frame';
import { publishEmbed } from '../lib/data/embeds/publish-embed';
import type { Principal } from '../lib/data/principal';
import { loadSeed } from '../lib/data/seed';
import { addStoryStep, createStory } from '../lib/data/stories/write-story';
import { createSavedView } from '../lib/data/views/write-saved-view';
import { todayIso } from '../lib/domain/dates';
import { generateNetwork } from './generate-network';
import { insertNetworkIntoSqliteFile } from './insert-network';
import { interleaved, ms, ratio } from './interleaved';
import { cliArg } from './cli-arg';

const ACTORS = Number(cliArg('actors', '20000'));
const TIES = Number(cliArg('ties', '100000'));
const ROUNDS = Number(cliArg('rounds', '30'));
const FILE = path.resolve(`data/bench-embeds-${ACTORS}-${TIES}.db`);
process.env.NEXT_TELEMETRY_DISABLED = '1';

async function openDatabase(): Promise<Db> {
  await disconnectDb();
  process.env.DATABASE_URL = `file:${FILE}`;
  return (await connect({ kind: 'sqlite', url: `file:${FILE}` })).db;
}

if (process.argv.includes('--fresh')) for (const s of ['', '-wal', '-shm']) rmSync(FILE + s, { force: true });
const exists = existsSync(FILE);
await applyMigrations({ kind: 'sqlite', url: `file:${FILE}` });
let db = await openDatabase();
if (!exists) {
  const t = performance.now();
  await insertNetworkIntoSqliteFile(FILE, db, generateNetwork(ACTORS, TIES));
  await loadSeed();
  console.log(`built ${path.relative(process.cwd(), FILE)} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  db = await openDatabase();
}

const email = `bench-embeds-${Date.now()}@example.test`;
const user = await db.user.create({ data: { name: 'Bench Analyst', email, role: 'analyst' } });
const owner: Principal = { type: 'user', userId: user.id, role: 'analyst', name: user.name };
const state = (params: Record<string, string>) => ({ schemaVersion: 1 as const, params });
const hub = 'actor-0';
const focused = state({ asOf: '2024-06-15', focus: hub, hops: '2' });
const overview = state({ asOf: '2024-06-15' });

const hubView = await createSavedView(owner, { title: 'The biggest hub, 2 hops', visibility: 'public', state: focused });
const overviewView = await createSavedView(owner, { title: 'The whole network', visibility: 'public', state: overview });
const story = await createStory(owner, { title: 'Ten hubs', visibility: 'public' });
let version = story.version;
for (let i = 0; i < 10; i++) {
  version = (await addStoryStep(owner, story.id, { version, snapshot: { state: state({ asOf: '2024-06-15', focus: `actor-${i * 7}` }) }, caption: `Step ${i + 1}` })).version;
}

const raw = new Database(FILE, { readonly: true });
const selectBody = raw.prepare('SELECT body FROM "EmbedSnapshot" WHERE kind = ? AND targetId = ?');
const selectEtag = raw.prepare('SELECT etag FROM "EmbedSnapshot" WHERE kind = ? AND targetId = ?');
const get = (kind: 'views' | 'stories', id: string, headers: Record<string, string> = {}) =>
  GET(new Request(`http://bench.test/api/embed/${kind}/${id}`, { headers }), { params: Promise.resolve({ kind, id }) }).then(async (r) => {
    if (r.status !== 200 && r.status !== 304) throw new Error(`GET answered ${r.status}: ${await r.text()}`);
    return r.status === 200 ? r.text() : null;
  });

console.log(`\n# ${ACTORS} actors, ${TIES} ties (SQLite, in-process, ${ROUNDS} rounds each)\n`);
const works = [
  { name: `view focused on ${hub} (2 hops)`, kind: 'view' as const, id: hubView.id, state: focused },
  { name: 'view of the overview (no focus)', kind: 'view' as const, id: overviewView.id, state: overview },
  { name: 'story of 10 focused steps', kind: 'story' as const, id: story.id, state: null },
];
const today = todayIso();
for (const work of works) {
  const route = work.kind === 'view' ? 'views' : 'stories';
  const [publish, cutAlone] = await interleaved(
    Math.max(3, Math.floor(ROUNDS / 5)),
    () => publishEmbed(owner, { kind: work.kind, id: work.id }),
    () => (work.state ? cutPayload(work.state, today) : Promise.all(Array.from({ length: 10 }, (_, i) => cutPayload(state({ asOf: '2024-06-15', focus: `actor-${i * 7}` }), today)))),
  );
  const body = (selectBody.get(work.kind, work.id) as { body: string }).body;
  const etag = (selectEtag.get(work.kind, work.id) as { etag: string }).etag;
  console.log(`## ${work.name}: ${(body.length / 1024).toFixed(0)} KiB stored`);
  console.log(`publish (cut, strip, store): ${ms(publish)}; the cut alone: ${ms(cutAlone)}; ratio ${ratio(publish, cutAlone)}`);
  const [embed, bare] = await interleaved(ROUNDS, () => get(route, work.id), () => (selectBody.get(work.kind, work.id) as { body: string }).body);
  console.log(`embed GET (200): ${ms(embed)}; bare SELECT of the body: ${ms(bare)}; ratio ${ratio(embed, bare)}`);
  const [revalidate, bareEtag] = await interleaved(ROUNDS, () => get(route, work.id, { 'if-none-match': etag }), () => selectEtag.get(work.kind, work.id));
  console.log(`embed GET (304): ${ms(revalidate)}; bare SELECT of the etag: ${ms(bareEtag)}; ratio ${ratio(revalidate, bareEtag)}`);
  const [embedAgain, live] = await interleaved(
    Math.max(3, Math.floor(ROUNDS / 3)),
    () => get(route, work.id),
    () => (work.state ? cutPayload(work.state, today) : cutPayload(state({ asOf: '2024-06-15', focus: 'actor-0' }), today)),
  );
  console.log(`embed GET ÷ the live cut of the same address (${work.state ? 'its view' : 'its first step'}): ${ms(embedAgain)} vs ${ms(live)}; ratio ${ratio(embedAgain, live)}\n`);
}
raw.close();
await disconnectDb();
