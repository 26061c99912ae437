// Child process of the benchmark: builds one database through Powermap's own paths, the way an
// operator would: migrations (lib/db/schema-engine), the Belarus seed (lib/data/seed), then a
// generated document read from its file and loaded by importDocument (lib/data/import-document),
// (or several in turn, each in its own transaction, when the network is larger than one file
// may hold: bench/network-parts.ts), then map positions (lib/data/layout, as `npm start` does). Runs alone so its peak memory is
// the import's own. Prints `RESULT {json}` last.
//   node --conditions=react-server --import tsx bench/build-database.ts [--doc file.json]… [--no-seed] [--layout fcose|scatter|none]
// The database is DATABASE_URL's.
import { readFileSync } from 'node:fs';
import { disconnectDb, getDb } from '../lib/db/client';
import { databaseConfig } from '../lib/db/config';
import { applyMigrations } from '../lib/db/schema-engine';
import { importDocument } from '../lib/data/import-document';
import { placeUnpositionedActors } from '../lib/data/layout/save-positions';
import { SEED } from '../lib/data/principal';
import { loadSeed } from '../lib/data/seed';
import { documentRows } from './document-rows';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const peakMb = () => process.resourceUsage().maxRSS / 1024;

const config = databaseConfig();
await applyMigrations(config);
if (!process.argv.includes('--no-seed')) await loadSeed();

const result: Record<string, unknown> = { kind: config.kind };
const docFiles = process.argv.flatMap((a, i) => (a === '--doc' ? [process.argv[i + 1]!] : []));
if (docFiles.length) {
  const before = peakMb();
  const parts: { rows: number; importMs: number; peakMb: number }[] = [];
  const summaries: unknown[] = [];
  for (const [i, file] of docFiles.entries()) {
    const t0 = performance.now();
    const doc = JSON.parse(readFileSync(file, 'utf8')) as Parameters<typeof documentRows>[0];
    // A part of ties repeats the stored actors (and every part the sources) it names: count
    // only the rows it adds, so the parts' rows sum to the network's.
    const adds = doc.ties.length ? { sources: [], actors: [], ties: doc.ties } : { sources: i === 0 ? doc.sources : [], actors: doc.actors, ties: [] };
    const rows = documentRows(docFiles.length === 1 ? doc : adds);
    summaries.push(await importDocument(SEED, doc));
    parts.push({ rows, importMs: performance.now() - t0, peakMb: peakMb() });
    if (docFiles.length > 1) console.error(`part ${i + 1}/${docFiles.length}: ${rows} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s (peak ${peakMb().toFixed(0)} MB)`);
  }
  const rows = parts.reduce((n, p) => n + p.rows, 0);
  const importMs = parts.reduce((n, p) => n + p.importMs, 0);
  Object.assign(result, {
    parts,
    rows,
    importMs,
    rowsPerSecond: rows / (importMs / 1000),
    importPeakMb: peakMb(),
    peakBeforeImportMb: before,
    summary: summaries.length === 1 ? summaries[0] : summaries,
  });
}

const layout = arg('layout') ?? 'fcose';
const t1 = performance.now();
if (layout === 'scatter') {
  // Beyond what a force layout can place in reasonable time here: random positions in one
  // statement. Positions are presentation only; the server reads (ego, API, pages) never use them.
  const db = await getDb();
  const spread = Math.round(60 * Math.sqrt(await db.actor.count()));
  const random = config.kind === 'postgresql' ? `floor(random() * ${spread})` : `abs(random()) % ${spread}`;
  await db.$executeRawUnsafe(`UPDATE "Actor" SET x = ${random}, y = ${random} WHERE x IS NULL OR y IS NULL`);
} else if (layout === 'fcose') {
  await placeUnpositionedActors({ type: 'system', origin: 'cli' });
}
Object.assign(result, { layout, layoutMs: performance.now() - t1, peakMb: peakMb() });
await disconnectDb();
console.log(`RESULT ${JSON.stringify(result)}`);
