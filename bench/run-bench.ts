// npm run bench: how Powermap performs on a large network, every figure a ratio against an
// anchor measured in the same run on the same machine (the machine is shared and noisy, so the
// ratios, not the absolute times, are the result). It prints a table and writes JSON to
// bench/out/; it asserts nothing.
//
//   npm run bench -- --size 20000x100000                 SQLite, every sub-benchmark
//   npm run bench -- --db postgresql --size 200000x1000000   PostgreSQL (TEST_POSTGRES_URL; own databases)
//   npm run bench -- --size 2000x8000 --only ego,api      a quick look at some of it
// Sub-benchmarks (--only): ego, api, pages, map, interact, import (see options.ts).
// Databases are built once per size through the project's own import path and kept in
// data/bench/ (or powermap_bench_* on PostgreSQL); --fresh rebuilds them.
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { gitCommit, networkDatabase, seedDatabase, type BenchDatabase } from './bench-database';
import { measureImport } from './measure-import';
import { launchBrowser, measureInteractions, measureReadableMap } from './measure-map';
import { measureEgo, measurePagesAgainstSeed, measureThroughput } from './measure-server';
import { parseOptions, sizeLabel, type SubBenchmark } from './options';
import { stopAll } from './processes';
import { Report } from './report';
import { startAnchor, startPowermap, type Server } from './servers';

process.env.NEXT_TELEMETRY_DISABLED = '1';
const opts = parseOptions(process.argv.slice(2));
const wants = (...names: SubBenchmark[]) => names.some((n) => opts.only.includes(n));
const port = (offset: number) => opts.port + offset;
const report = new Report();
const started = new Date();

console.log(`bench: ${opts.db}, network ${sizeLabel(opts.size)}, small network ${sizeLabel(opts.small)}; ${opts.only.join(', ')}; ${opts.rounds} rounds`);

let large: BenchDatabase | null = null;
let browser: Browser | null = null;
const servers: Server[] = [];
const section = (name: string) => console.log(`\n== ${name}`);
try {
  if (wants('ego', 'api', 'pages', 'map')) {
    large = await networkDatabase(opts, opts.size);
    const powermap = await startPowermap(`powermap-${opts.db}-${large.label}`, port(0), large.url);
    servers.push(powermap);
    if (wants('ego', 'api', 'pages')) {
      const anchor = await startAnchor(`anchor-${opts.db}-${large.label}`, port(1), large.url);
      servers.push(anchor);
      if (wants('ego')) {
        section('ego network');
        await measureEgo(opts, report, powermap, anchor);
      }
      const groups = (['api', 'pages'] as const).filter((g) => wants(g));
      if (groups.length) {
        section(groups.join(' and '));
        await measureThroughput(opts, report, groups, powermap, anchor);
      }
      anchor.stop();
      if (wants('pages')) {
        const seed = await seedDatabase(opts);
        const seedServer = await startPowermap(`powermap-${opts.db}-seed`, port(2), seed.url);
        servers.push(seedServer);
        section('pages, large database against the seed');
        await measurePagesAgainstSeed(opts, report, powermap, seedServer, opts.size.ties);
        seedServer.stop();
      }
    }
    if (wants('map')) {
      section('first readable map');
      browser ??= await launchBrowser();
      await measureReadableMap(opts, report, browser, powermap, large.url, port(3));
    }
    powermap.stop();
  }
  if (wants('interact')) {
    const small = await networkDatabase(opts, opts.small);
    // "All drawn": above its default threshold the map would open this network as an overview.
    const powermap = await startPowermap(`powermap-${opts.db}-${small.label}`, port(4), small.url, { POWERMAP_MAP_OVERVIEW_ABOVE: '100000000' });
    servers.push(powermap);
    section('map interactions, all drawn');
    browser ??= await launchBrowser();
    // A control the in-page actions cannot find should cost this part, not the rest of the run.
    await measureInteractions(opts, report, browser, powermap, small.url, port(5)).catch((error: Error) => report.note('interact', 'map interactions failed', error.message.split('\n')[0]!));
    powermap.stop();
  }
  if (wants('import')) {
    section('import');
    await measureImport(opts, report, large);
  }
} finally {
  await browser?.close();
  for (const s of servers) s.stop();
  stopAll();
}

const meta = {
  commit: gitCommit(),
  startedAt: started.toISOString(),
  minutes: (Date.now() - started.getTime()) / 60_000,
  options: { ...opts, postgresUrl: undefined },
  // The machine is shared: its load at the end says how noisy the absolute figures were.
  loadAverage: os.loadavg(),
  cpus: os.cpus().length,
  database: large && { label: large.label, build: large.build },
};
const file = path.join('bench/out', `bench-${opts.db}-${sizeLabel(opts.size)}-${started.toISOString().replace(/[:.]/g, '-')}.json`);
report.write(file, meta);
report.write(path.join('bench/out', `latest-${opts.db}.json`), meta);
console.log(`\nPowermap ÷ anchor, same run (${opts.db}, ${sizeLabel(opts.size)}, commit ${meta.commit}, ${meta.minutes.toFixed(0)} min, load ${meta.loadAverage.map((l) => l.toFixed(1)).join(' ')} on ${meta.cpus} cores):\n`);
console.log(report.table());
console.log(`\nMarkdown:\n${report.markdown()}\n\nwritten to ${file}`);
