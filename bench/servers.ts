// The servers under test: Powermap as `npm start` serves it (migrate, seed-if-empty, build if
// stale, then Next's production server) and the anchor app (anchor-app/, built with the
// project's own `next` binary and served by `next start`), each on its own port and database.
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { runToCompletion, startProcess, stopProcess, waitForUrl } from './processes';

const NEXT_BIN = createRequire(import.meta.url).resolve('next/dist/bin/next');
const ANCHOR_DIR = 'bench/anchor-app';

export interface Server {
  name: string;
  base: string;
  stop(): void;
}

function server(name: string, port: number, child: ChildProcess): Server {
  return { name, base: `http://127.0.0.1:${port}`, stop: () => stopProcess(child) };
}

/**
 * Powermap on `databaseUrl`. Start one at a time: the first builds the app when it is stale,
 * and two builds into the same folder at once would break each other.
 */
export async function startPowermap(name: string, port: number, databaseUrl: string, env: Record<string, string> = {}): Promise<Server> {
  console.log(`starting Powermap (${name}) on port ${port}…`);
  const child = startProcess(name, 'npm', ['start'], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: '1', POWERMAP_TEST_HOOKS: '1', ...env },
  });
  await waitForUrl(`http://127.0.0.1:${port}/api/health`, child, name);
  return server(name, port, child);
}

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(p).reduce((max, entry) => (entry === '.next' || entry === 'node_modules' ? max : Math.max(max, newestMtime(path.join(p, entry)))), st.mtimeMs);
}

export async function buildAnchorIfStale(): Promise<void> {
  const buildId = path.join(ANCHOR_DIR, '.next', 'BUILD_ID');
  if (existsSync(buildId) && newestMtime(ANCHOR_DIR) <= statSync(buildId).mtimeMs) return;
  console.log('building the anchor app…');
  await runToCompletion('anchor-build', process.execPath, [NEXT_BIN, 'build', ANCHOR_DIR], { ...process.env, NEXT_TELEMETRY_DISABLED: '1' });
}

export async function startAnchor(name: string, port: number, databaseUrl: string): Promise<Server> {
  await buildAnchorIfStale();
  const child = startProcess(name, process.execPath, [NEXT_BIN, 'start', ANCHOR_DIR, '-p', String(port)], {
    env: { ...process.env, ANCHOR_DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: '1' },
  });
  await waitForUrl(`http://127.0.0.1:${port}/api/actors?q=a`, child, name, 120_000);
  return server(name, port, child);
}
