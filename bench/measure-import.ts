// Import figures: the small document through Powermap's import path against a plain bulk insert
// of the same rows in one transaction (both into a freshly migrated database, each in its own
// process), and the peak memory of importing the large document.
import { buildDatabase, dropDatabase, emptyDatabase, networkDocument, TSX_ARGS, type BenchDatabase } from './bench-database';
import { sizeLabel, type BenchOptions } from './options';
import { runJsonScript } from './processes';
import type { Report } from './report';

interface PlainResult {
  rows: number;
  ms: number;
  rowsPerSecond: number;
}

export async function measureImport(opts: BenchOptions, report: Report, large: BenchDatabase | null): Promise<void> {
  const small = sizeLabel(opts.small);
  const ours = await buildDatabase(opts, `import-${small}`, opts.small, 'none', false);
  await dropDatabase(opts, ours.url);
  const plainUrl = await emptyDatabase(opts, `import-plain-${small}`);
  const plain = await runJsonScript<PlainResult>(`import-plain-${opts.db}-${small}`, [...TSX_ARGS, 'bench/import-plain.ts', '--doc', networkDocument(opts.small)], {
    ...process.env,
    DATABASE_URL: plainUrl,
  });
  await dropDatabase(opts, plainUrl);
  report.add({
    group: 'import',
    name: `import of the ${opts.small.actors.toLocaleString('en')}/${opts.small.ties.toLocaleString('en')} document (${plain.rows.toLocaleString('en')} rows)`,
    unit: 'rows/s',
    powermap: ours.build.rowsPerSecond!,
    anchor: plain.rowsPerSecond,
    anchorName: 'plain bulk insert, one transaction',
    goal: { op: '>=', value: 0.2 },
    detail: { powermapMs: ours.build.importMs, plainMs: plain.ms },
  });

  // The large import's memory: from the build of the large database when this run made it, else measured now.
  const build = large?.builtNow ? large.build : (await measureLargeImport(opts)).build;
  report.add({
    group: 'import',
    name: `peak memory importing the ${opts.size.actors.toLocaleString('en')}/${opts.size.ties.toLocaleString('en')} document ÷ 1 GB`,
    unit: 'MB',
    powermap: build.importPeakMb!,
    anchor: 1024,
    anchorName: 'budget',
    goal: { op: '<', value: 1 },
    detail: { importMs: build.importMs, rowsPerSecond: build.rowsPerSecond, rows: build.rows },
  });
}

async function measureLargeImport(opts: BenchOptions): Promise<BenchDatabase> {
  const db = await buildDatabase(opts, `import-${sizeLabel(opts.size)}`, opts.size, 'none', false);
  await dropDatabase(opts, db.url);
  return db;
}
