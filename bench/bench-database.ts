// The benchmark's databases: one per network size and database kind, built once through
// Powermap's own import path (build-database.ts, in a child process) and kept for later runs
// (--fresh rebuilds). SQLite files live in data/bench/; PostgreSQL databases are created on
// the TEST_POSTGRES_URL server, named powermap_bench_<label>. A JSON note beside each records
// how it was built (commit, import time, peak memory).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { generateNetwork } from './generate-network';
import { fitsOneDocument, splitNetwork } from './network-parts';
import { sizeLabel, type BenchOptions, type NetworkSize } from './options';
import { runJsonScript } from './processes';

const DATA_DIR = 'data/bench';
export const TSX_ARGS = ['--conditions=react-server', '--import', 'tsx'];

export interface BuildResult {
  kind: string;
  /** Import documents loaded in turn (1 unless the network is larger than one file may hold). */
  parts?: { rows: number; importMs: number; peakMb: number }[];
  rows?: number;
  importMs?: number;
  rowsPerSecond?: number;
  /** Peak resident memory of the building process once the import had finished (MB). */
  importPeakMb?: number;
  layout: string;
  layoutMs: number;
  peakMb: number;
}

export interface BenchDatabase {
  kind: BenchOptions['db'];
  url: string;
  label: string;
  build: BuildResult & { commit: string; builtAt: string };
  /** Built by this run (so its import figures are fresh). */
  builtNow: boolean;
}

export function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/**
 * The generated network as the files an analyst would upload, in import order (cached:
 * generation is deterministic). One file unless it is larger than one import may hold; then
 * its parts (network-parts.ts).
 */
export function networkDocuments(size: NetworkSize): string[] {
  const label = sizeLabel(size);
  const whole = path.join('bench/out', `network-${label}.json`);
  const partFile = (i: number) => path.join('bench/out', `network-${label}.part-${i + 1}.json`);
  const index = path.join('bench/out', `network-${label}.parts.json`);
  if (existsSync(whole)) return [whole];
  if (existsSync(index)) return JSON.parse(readFileSync(index, 'utf8')) as string[];
  mkdirSync(path.dirname(whole), { recursive: true });
  const doc = generateNetwork(size.actors, size.ties);
  if (fitsOneDocument(doc)) {
    writeFileSync(whole, JSON.stringify(doc));
    return [whole];
  }
  const files = splitNetwork(doc).map((part, i) => {
    writeFileSync(partFile(i), JSON.stringify(part));
    return partFile(i);
  });
  writeFileSync(index, JSON.stringify(files));
  return files;
}

/** The generated document as one file (a network that fits one import). */
export function networkDocument(size: NetworkSize): string {
  const files = networkDocuments(size);
  if (files.length !== 1) throw new Error(`network ${sizeLabel(size)} does not fit one import document (${files.length} parts)`);
  return files[0]!;
}

function postgresUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(opts: BenchOptions, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: opts.postgresUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** An empty database of the chosen kind (dropped first if it exists). */
export async function emptyDatabase(opts: BenchOptions, label: string): Promise<string> {
  if (opts.db === 'postgresql') {
    const name = `powermap_bench_${label.replace(/[^a-z0-9_]/gi, '_')}`.toLowerCase();
    await withAdmin(opts, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${name}"`);
    });
    return postgresUrl(opts.postgresUrl, name);
  }
  mkdirSync(DATA_DIR, { recursive: true });
  const file = path.resolve(DATA_DIR, `${label}.db`);
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
  return `file:${file}`;
}

async function exists(opts: BenchOptions, url: string): Promise<boolean> {
  if (opts.db === 'sqlite') return existsSync(url.replace(/^file:/, ''));
  const name = new URL(url).pathname.slice(1);
  return withAdmin(opts, async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
}

function urlFor(opts: BenchOptions, label: string): string {
  if (opts.db === 'sqlite') return `file:${path.resolve(DATA_DIR, `${label}.db`)}`;
  return postgresUrl(opts.postgresUrl, `powermap_bench_${label.replace(/[^a-z0-9_]/gi, '_')}`.toLowerCase());
}

/** Runs build-database.ts on an empty database of `label` and records the result beside it. */
export async function buildDatabase(
  opts: BenchOptions,
  label: string,
  size: NetworkSize | null,
  layout: 'fcose' | 'scatter' | 'none',
  withSeed = true,
): Promise<BenchDatabase> {
  const url = await emptyDatabase(opts, label);
  const args = [...TSX_ARGS, 'bench/build-database.ts', '--layout', layout];
  if (!withSeed) args.push('--no-seed');
  if (size) for (const file of networkDocuments(size)) args.push('--doc', file);
  // Large documents need more heap than Node's default; the import's peak memory is reported either way.
  const heap = size && size.ties > 200_000 ? ['--max-old-space-size=16384'] : [];
  console.log(`building ${opts.db} database ${label} through the import path…`);
  const result = await runJsonScript<BuildResult>(`build-${opts.db}-${label}`, [...heap, ...args], {
    ...process.env,
    DATABASE_URL: url,
    NEXT_TELEMETRY_DISABLED: '1',
  });
  const build = { ...result, commit: gitCommit(), builtAt: new Date().toISOString() };
  writeFileSync(notePath(opts, label), JSON.stringify(build, null, 2));
  if (result.importMs !== undefined)
    console.log(`  imported ${result.rows} rows${result.parts && result.parts.length > 1 ? ` in ${result.parts.length} documents` : ''} in ${(result.importMs / 1000).toFixed(1)} s (peak ${result.importPeakMb?.toFixed(0)} MB); ${result.layout} layout ${(result.layoutMs / 1000).toFixed(1)} s`);
  return { kind: opts.db, url, label, build, builtNow: true };
}

function notePath(opts: BenchOptions, label: string): string {
  mkdirSync(DATA_DIR, { recursive: true });
  return path.join(DATA_DIR, `${opts.db}-${label}.json`);
}

/** The database for a network size (seed included), built if missing or when --fresh. */
export async function networkDatabase(opts: BenchOptions, size: NetworkSize): Promise<BenchDatabase> {
  const label = sizeLabel(size);
  const note = notePath(opts, label);
  const url = urlFor(opts, label);
  if (!opts.fresh && existsSync(note) && (await exists(opts, url))) {
    return { kind: opts.db, url, label, build: JSON.parse(readFileSync(note, 'utf8')), builtNow: false };
  }
  // A force layout of a million ties would take hours here; beyond 200,000 ties actors are scattered.
  return buildDatabase(opts, label, size, size.ties > 200_000 ? 'scatter' : 'fcose');
}

/** The Belarus seed alone: the baseline for "the same page on the seed". */
export async function seedDatabase(opts: BenchOptions): Promise<BenchDatabase> {
  const note = notePath(opts, 'seed');
  const url = urlFor(opts, 'seed');
  if (!opts.fresh && existsSync(note) && (await exists(opts, url))) {
    return { kind: opts.db, url, label: 'seed', build: JSON.parse(readFileSync(note, 'utf8')), builtNow: false };
  }
  return buildDatabase(opts, 'seed', null, 'fcose');
}

/** Removes a database made for one measurement. */
export async function dropDatabase(opts: BenchOptions, url: string): Promise<void> {
  if (opts.db === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(url.replace(/^file:/, '') + suffix, { force: true });
    return;
  }
  const name = new URL(url).pathname.slice(1);
  await withAdmin(opts, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
