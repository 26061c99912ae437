// Start-up on a large database whose actors have no map positions yet: seconds from launching
// `npm start` (scripts/start.ts) until GET /api/health answers 200, beside the seconds until the
// layout job has stored every position, measured in the same run. Before the layout moved to a
// worker thread, serving waited for the layout (ratio ≥ 1); now it should not (ratio ≪ 1).
//   node --conditions=react-server --import tsx bench/measure-startup.ts [--actors 20000] [--ties 100000] [--port 3297]
// The network is bench/generate-network.ts's, written with plain inserts (actors and ties only:
// this measures the layout, not the import). The app must be built (`npm run build`), or the
// build is part of the figure.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { applyMigrations } from '../lib/db/schema-engine';
import { generateNetwork } from './generate-network';
import { cliArg } from './cli-arg';

const ACTORS = Number(cliArg('actors', '20000'));
const TIES = Number(cliArg('ties', '100000'));
const PORT = cliArg('port', '3297');
const TEMPLATE = `data/startup-${ACTORS}-${TIES}.db`;
const RUN = `data/startup-${ACTORS}-${TIES}-run.db`;

const removeDb = (file: string) => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
};

async function makeTemplate() {
  if (existsSync(TEMPLATE)) return;
  await applyMigrations({ kind: 'sqlite', url: `file:${path.resolve(TEMPLATE)}` });
  const doc = generateNetwork(ACTORS, TIES);
  const db = new Database(TEMPLATE);
  const now = new Date().toISOString();
  db.transaction(() => {
    const actor = db.prepare('INSERT INTO "Actor" ("id", "slug", "name", "kind", "faction", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)');
    for (const a of doc.actors) actor.run(`a-${a.slug}`, a.slug, a.name, a.kind, a.faction, now);
    const tie = db.prepare('INSERT INTO "Tie" ("id", "sourceId", "targetId", "type", "updatedAt") VALUES (?, ?, ?, ?, ?)');
    for (const t of doc.ties) tie.run(`t-${t.id}`, `a-${t.source}`, `a-${t.target}`, t.type, now);
  })();
  db.close();
  console.log(`wrote ${TEMPLATE}: ${ACTORS} actors, ${TIES} ties, no positions`);
}

await makeTemplate();
removeDb(RUN);
copyFileSync(TEMPLATE, RUN);

const started = performance.now();
const seconds = () => (performance.now() - started) / 1000;
const server = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], {
  env: { ...process.env, DATABASE_URL: `file:${RUN}`, PORT, NEXT_TELEMETRY_DISABLED: '1' },
  stdio: ['ignore', 'pipe', 'inherit'],
  detached: true,
});
let stored: number | null = null;
server.stdout!.on('data', (chunk: Buffer) => {
  if (stored === null && /map: placed \d+ actors/.test(chunk.toString())) stored = seconds();
});
let serving: number | null = null;
while ((serving === null || stored === null) && seconds() < 1200) {
  if (serving === null && (await fetch(`http://127.0.0.1:${PORT}/api/health`).then((r) => r.ok, () => false))) serving = seconds();
  await new Promise((resolve) => setTimeout(resolve, 200));
}
process.kill(-server.pid!, 'SIGTERM');
removeDb(RUN);
if (serving === null || stored === null) throw new Error(`start-up did not finish within 20 minutes (serving: ${serving}, layout stored: ${stored})`);
const s = (v: number) => `${v.toFixed(1)} s`;
console.log(`${ACTORS} actors / ${TIES} ties: serving after ${s(serving)}, layout stored after ${s(stored)}; serving ÷ layout = ${(serving / stored).toFixed(2)}×`);
