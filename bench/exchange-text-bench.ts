// npm run bench:exchange-text: reading GraphML and CSV files of a generated view (default 10,000
// actors / 30,000 ties), each against the bare library it is built on, on the same text in the same
// run: readGraphml against saxes parsing the file with empty handlers (the floor any saxes reader
// pays), readCsv against papaparse parsing both files with the same options; and the CSV writer
// against papaparse's unparse of the same rows. The files are what Powermap's own writers make, so
// every attribute, date and position is there to read. Rounds alternate ours and the anchor;
// medians are compared. Prints a table and writes JSON to bench/out/; asserts nothing.
//
//   npm run bench:exchange-text                       10,000 × 30,000, 5 rounds
//   npm run bench:exchange-text -- --size 20000x100000 --rounds 3
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Papa from 'papaparse';
import { SaxesParser } from 'saxes';
import { readCsv } from '../lib/exchange/csv/read-csv';
import { writeCsvFiles } from '../lib/exchange/csv/write-csv';
import { readGraphml } from '../lib/exchange/graphml/read-graphml';
import { writeGraphml } from '../lib/exchange/graphml/write-graphml';
import { buildView } from '../lib/graph/build-view';
import { generatedNetwork } from '../test/unit/fixtures/random-network';
import { Report } from './report';
import { cliArg } from './cli-arg';

const [actorCount, tieCount] = cliArg('size', '10000x30000').split('x').map(Number) as [number, number];
const rounds = Number(cliArg('rounds', '5'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (text: string) => `${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB`;

const time = (run: () => unknown) => {
  const started = performance.now();
  run();
  return performance.now() - started;
};

/** Medians of ours and the anchor over alternating rounds (ours first, then the anchor, then ours…). */
function compare(ours: () => unknown, anchor: () => unknown): { ours: number; anchor: number } {
  ours();
  anchor(); // warm both
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < rounds; r++) {
    a.push(time(ours));
    b.push(time(anchor));
  }
  return { ours: median(a), anchor: median(b) };
}

const view = buildView(generatedNetwork(42, actorCount, tieCount), { showEnded: true, hops: 1, asOf: '2024-01-01' }, '2024-01-01');
const meta = { title: 'bench', address: '/', asOf: view.asOf };
console.log(`bench:exchange-text: ${view.nodes.length.toLocaleString('en-GB')} actors, ${view.edges.length.toLocaleString('en-GB')} ties, ${rounds} rounds, ${os.cpus().length} CPUs`);

const report = new Report();
const group = 'exchange-text';

const graphml = writeGraphml(view, meta);
report.note(group, 'GraphML file', mb(graphml));
const bareSaxes = () => {
  const parser = new SaxesParser({ position: true });
  parser.on('opentag', () => undefined);
  parser.on('text', () => undefined);
  parser.on('closetag', () => undefined);
  parser.write(graphml).close();
};
const graphmlRead = compare(() => readGraphml(graphml), bareSaxes);
report.add({ group, name: 'GraphML read → ForeignGraph', unit: 'ms', powermap: graphmlRead.ours, anchor: graphmlRead.anchor, anchorName: 'saxes alone, empty handlers', goal: { op: '<=', value: 2 } });

const csv = writeCsvFiles(view);
report.note(group, 'CSV files', `nodes ${mb(csv.nodes)}, edges ${mb(csv.edges)}`);
// The reader's own options (lib/exchange/csv/read-csv.ts).
const parseOptions = { skipEmptyLines: 'greedy' as const, delimitersToGuess: [',', ';', '\t', '|'] };
const csvRead = compare(
  () => readCsv([
    { name: 'nodes.csv', text: csv.nodes },
    { name: 'edges.csv', text: csv.edges },
  ]),
  () => {
    Papa.parse<string[]>(csv.nodes, parseOptions);
    Papa.parse<string[]>(csv.edges, parseOptions);
  },
);
report.add({ group, name: 'CSV read (nodes + edges) → ForeignGraph', unit: 'ms', powermap: csvRead.ours, anchor: csvRead.anchor, anchorName: 'papaparse alone, same options', goal: { op: '<=', value: 2 } });

// The anchor unparses rows already built (the same cells the writer makes), in one call.
const nodeRows = Papa.parse<string[]>(csv.nodes, parseOptions).data;
const edgeRows = Papa.parse<string[]>(csv.edges, parseOptions).data;
const csvWrite = compare(
  () => writeCsvFiles(view),
  () => {
    Papa.unparse(nodeRows, { newline: '\r\n' });
    Papa.unparse(edgeRows, { newline: '\r\n' });
  },
);
report.add({ group, name: 'CSV write (nodes + edges) from the view', unit: 'ms', powermap: csvWrite.ours, anchor: csvWrite.anchor, anchorName: 'papaparse unparse of the same rows', goal: { op: '<=', value: 1.5 } });

console.log(`\n${report.table()}`);
const out = path.resolve('bench/out', `exchange-text-${actorCount}x${tieCount}.json`);
report.write(out, { actors: actorCount, ties: tieCount, rounds, at: new Date().toISOString() });
console.log(`\nwrote ${path.relative(process.cwd(), out)}`);
