// npm start: everything a fresh machine needs, then the server. Migrates the database, seeds
// it when it has no actors, builds the app when the build is missing or older than the code,
// and serves Powermap (scripts/serve.ts) on PORT (default 3000) at HOST.
//
// HOST defaults to 127.0.0.1 (lib/http/listen-address.ts says why); a deployment sets HOST=0.0.0.0.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { databaseConfig } from '../lib/db/config';
import { migrateOrExplain } from './migrate-or-explain';
import { disconnectDb } from '../lib/db/client';
import { normaliseActorLabels } from '../lib/data/actors/normalise-actor-labels';
import { generateMissingNames } from '../lib/data/actors/actor-names';
import { seedIfEmpty } from '../lib/data/seed';
import { placeUnpositionedActors } from '../lib/data/layout/save-positions';
import { issueSetupToken } from '../lib/data/users/setup';
import { parseTrustedProxies, TRUSTED_PROXIES_VARIABLE } from '../lib/http/client-address';
import { exposureWarning, listenHost } from '../lib/http/listen-address';

process.env.NEXT_TELEMETRY_DISABLED = '1';
const NEXT_BIN = createRequire(import.meta.url).resolve('next/dist/bin/next');
const root = process.cwd();
const config = databaseConfig();
const host = listenHost();
// A mistyped proxy list fails here, before anything else, rather than trusting nothing silently.
parseTrustedProxies(process.env[TRUSTED_PROXIES_VARIABLE]);

const applied = await migrateOrExplain(config);
console.log(applied.length ? `database (${config.kind}): applied ${applied.join(', ')}` : `database (${config.kind}): up to date`);
await normaliseActorLabels();
// Transliterations for names written before they were generated (or by older tables).
await generateMissingNames();
const seeded = await seedIfEmpty();
if (seeded) console.log(`database: seeded ${seeded.actors.created} actors, ${seeded.ties.created} ties`);
// No default account: while there are no users, a fresh one-time link to create the first admin.
const setupToken = await issueSetupToken();
if (setupToken) {
  console.log(`\nPowermap has no users yet. Create the first admin (link valid once, for 24 hours):\n  http://localhost:${process.env.PORT ?? '3000'}/setup?token=${setupToken}\nor: npm run users:create -- --email you@example.org --name "Your Name" --role admin\n`);
}
await disconnectDb();

// Map positions for actors that have none (all of them after a fresh seed): fcose on a worker
// thread, written in one transaction, while the build and the server go ahead (about a minute at
// 20,000 actors). Until then the map draws those actors beside their neighbours.
const layout = placeActorsInBackground();

const BUILD_INPUTS = ['app', 'lib', 'components', 'public', 'proxy.ts', 'next.config.js', 'package-lock.json', 'tsconfig.json'];
function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(p).reduce((max, name) => (name === 'generated' ? max : Math.max(max, newestMtime(path.join(p, name)))), st.mtimeMs);
}
const buildId = path.join(root, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID');
const stale = !existsSync(buildId) || BUILD_INPUTS.some((p) => newestMtime(path.join(root, p)) > statSync(buildId).mtimeMs);
if (stale) {
  console.log('building Powermap…');
  // Not spawnSync: the layout job's result arrives meanwhile and is written during the build.
  const build = spawn(process.execPath, [NEXT_BIN, 'build'], { stdio: 'inherit', env: process.env });
  const status = await new Promise<number | null>((resolve) => build.on('exit', resolve));
  if (status !== 0) process.exit(status ?? 1);
}

const warning = exposureWarning();
if (warning) console.warn(`\n${warning}\n`);
// Node itself, not through npx, so a stop signal reaches the server itself. Without tsx's
// react-server condition: Next.js loads React for both sides on its own.
const server = spawn(process.execPath, ['--import', path.join(root, 'scripts/server-only-hook.mjs'), '--import', 'tsx', path.join(root, 'scripts/serve.ts')], { stdio: 'inherit', env: { ...process.env, HOST: host, NODE_ENV: 'production' } });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
await layout;

async function placeActorsInBackground(): Promise<void> {
  const started = performance.now();
  try {
    const placed = await placeUnpositionedActors({ type: 'system', origin: 'cli' });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(placed ? `map: placed ${placed} actors in ${seconds} s` : 'map: every actor has a position');
  } catch (error) {
    // The map still works: unplaced actors stay beside their neighbours until the next start.
    console.error(`map: placing actors failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await disconnectDb();
  }
}
