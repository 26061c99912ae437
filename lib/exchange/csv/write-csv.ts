// A view of the network as two CSV files, a nodes table and an edges table with Gephi's column names
// (Gephi's Data Laboratory "Import spreadsheet" reads them as they are: Id, Label, Source, Target,
// Type, Weight, Time Interval) followed by Powermap's own columns, which keep what Gephi's cannot
// (a date's precision, the tie type, grade, claims, the first source). Written with papaparse's
// unparse (RFC 4180 quoting, CRLF line ends). Cells a spreadsheet would run as a formula, text that
// begins with =, +, -, @, a tab or a carriage return, get a leading apostrophe (papaparse's
// escapeFormulae, OWASP's advice for CSV injection); numbers are written as numbers and never
// prefixed, and readCsv takes the apostrophe off again. Pure, and produced in chunks of rows so a
// 100,000-tie export streams; writeCsvZip packs both files into one zip with fflate, as it goes.
import { Zip, ZipDeflate } from 'fflate';
import Papa from 'papaparse';
import { dateText } from '../../domain/dates';
import type { GraphView, ViewEdge, ViewNode } from '../../graph/types';
import { writeView, type ExportEvidence, type ExportMeta, type ViewExportFormat, type ViewFileWriter } from '../export-writer';
import { tieLabel } from '../view-attributes';
import { formatGephiInterval } from './gephi-interval';

export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';
export const ZIP_MEDIA_TYPE = 'application/zip';
export const NODES_FILE = 'nodes.csv';
export const EDGES_FILE = 'edges.csv';

/** The first source a tie's claims cite, which a view does not carry: the caller looks it up. */
export interface FirstSource {
  title: string;
  url: string | null;
}

export interface CsvOptions {
  /** By tie id (GraphEdge.tieId); ties without an entry get empty first_source cells. */
  firstSources?: ReadonlyMap<string, FirstSource>;
}

type Cell = string | number | boolean | null;

export const NODE_COLUMNS = ['Id', 'Label', 'Time Interval', 'slug', 'kind', 'faction', 'summary', 'start', 'end', 'x', 'y'] as const;
export const EDGE_COLUMNS = [
  'Source',
  'Target',
  'Type',
  'Id',
  'Label',
  'Weight',
  'Time Interval',
  'tie_type',
  'category',
  'role',
  'start',
  'end',
  'grade',
  'claims',
  'disputed',
  'first_source',
  'first_source_url',
] as const;

const orNull = (text: string) => (text === '' ? null : text);

const nodeRow = (n: ViewNode): Cell[] => [
  n.id,
  n.label,
  orNull(formatGephiInterval(n.start, n.end)),
  n.slug,
  n.kind,
  n.faction,
  orNull(n.summary),
  orNull(dateText(n.start)),
  orNull(dateText(n.end)),
  n.x,
  n.y,
];

/** A tie's first source, or none: looked up per row, so a chunk of ties never copies the whole evidence. */
type FirstSourceOf = (tieId: string) => FirstSource | null | undefined;

function edgeRow(e: ViewEdge, firstSourceOf: FirstSourceOf): Cell[] {
  const first = firstSourceOf(e.tieId) ?? null;
  return [
    e.source,
    e.target,
    'Directed',
    e.id,
    tieLabel(e),
    e.strength,
    orNull(formatGephiInterval(e.start, e.end)),
    e.type,
    e.category,
    orNull(e.role),
    orNull(dateText(e.start)),
    orNull(dateText(e.end)),
    e.grade,
    e.claimCount,
    e.disputed,
    first?.title ?? null,
    first?.url ?? null,
  ];
}

/** Rows per chunk. */
const CHUNK = 1000;
const NEWLINE = '\r\n';
// papaparse's own pattern for escapeFormulae: true (/^[=+\-@\t\r].*$/) misses a cell with a line
// break after the first character; this one looks at the first character only.
const FORMULA_START = /^[=+\-@\t\r]/;
const unparse = (rows: Cell[][]) => Papa.unparse(rows, { escapeFormulae: FORMULA_START, newline: NEWLINE });

function* rowsInChunks<T>(header: readonly string[], items: readonly T[], row: (item: T) => Cell[]): Generator<string> {
  yield unparse([[...header]]) + NEWLINE;
  for (let i = 0; i < items.length; i += CHUNK) yield unparse(items.slice(i, i + CHUNK).map(row)) + NEWLINE;
}

/** The nodes file in chunks of rows, header first. */
export function writeNodesCsvChunks(view: GraphView): Generator<string> {
  return rowsInChunks(NODE_COLUMNS, view.nodes, nodeRow);
}

/** The edges file in chunks of rows, header first. */
export function writeEdgesCsvChunks(view: GraphView, options: CsvOptions = {}): Generator<string> {
  return rowsInChunks(EDGE_COLUMNS, view.edges, (e) => edgeRow(e, (id) => options.firstSources?.get(id)));
}

/** Both files whole, for tests and small views. */
export function writeCsvFiles(view: GraphView, options: CsvOptions = {}): { nodes: string; edges: string } {
  return { nodes: [...writeNodesCsvChunks(view)].join(''), edges: [...writeEdgesCsvChunks(view, options)].join('') };
}

/**
 * nodes.csv and edges.csv in one zip, section by section (export-writer.ts), in chunks of bytes as
 * the rows are compressed (fflate's synchronous streaming zip: nothing waits, and no file is held
 * whole). The actors' rows go to nodes.csv; the first chunk of ties closes it and opens edges.csv.
 * `firstSources` stands in for the evidence (tests); otherwise each tie's first source is its
 * evidence's first.
 */
export function openCsvZip(meta: Pick<ExportMeta, 'asOf'>, options: CsvOptions = {}): ViewFileWriter<Uint8Array> {
  const out: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    out.push(chunk);
  });
  const encoder = new TextEncoder();
  const entry = (name: string, header: readonly string[]) => {
    const file = new ZipDeflate(name, { level: 6 });
    // The view's day, not the clock's, so one view gives one file (zip dates start in 1980).
    file.mtime = new Date(`${meta.asOf < '1980-01-01' ? '1980-01-01' : meta.asOf}T00:00:00Z`);
    zip.add(file);
    file.push(encoder.encode(unparse([[...header]]) + NEWLINE));
    return file;
  };
  let nodesFile: ZipDeflate | null = null;
  let edgesFile: ZipDeflate | null = null;
  const toEdges = () => {
    if (edgesFile) return edgesFile;
    nodesFile!.push(new Uint8Array(0), true);
    edgesFile = entry(EDGES_FILE, EDGE_COLUMNS);
    return edgesFile;
  };
  const rows = (file: ZipDeflate, cells: Cell[][]) => {
    if (cells.length) file.push(encoder.encode(unparse(cells) + NEWLINE));
    return out.splice(0);
  };
  return {
    head() {
      nodesFile = entry(NODES_FILE, NODE_COLUMNS);
      return out.splice(0);
    },
    nodes: (nodes) => rows(nodesFile!, nodes.map(nodeRow)),
    edges(edges, evidence) {
      const firstSourceOf: FirstSourceOf = options.firstSources ? (id) => options.firstSources!.get(id) : (id) => evidence.sourcesOfTie.get(id)?.[0];
      return rows(toEdges(), edges.map((e) => edgeRow(e, firstSourceOf)));
    },
    end() {
      toEdges().push(new Uint8Array(0), true);
      zip.end();
      return out.splice(0);
    },
  };
}

/** nodes.csv and edges.csv in one zip, a view held whole, in chunks of bytes. */
export function writeCsvZipChunks(view: GraphView, options: CsvOptions = {}): Generator<Uint8Array> {
  return writeView({ open: (meta: Pick<ExportMeta, 'asOf'>) => openCsvZip(meta, options) }, view, { asOf: view.asOf });
}

/** The zip whole, for tests and small views. */
export function writeCsvZip(view: GraphView, options: CsvOptions = {}): Uint8Array {
  const chunks = [...writeCsvZipChunks(view, options)];
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** The first source of each tie: the source of its best claim, as GET /api/export's evidence lists them. */
export function firstSourcesOf(evidence: ExportEvidence): Map<string, FirstSource> {
  const out = new Map<string, FirstSource>();
  for (const [tieId, sources] of evidence.sourcesOfTie) {
    const first = sources[0];
    if (first) out.set(tieId, { title: first.title, url: first.url });
  }
  return out;
}

/** GET /api/export?format=csv: nodes.csv and edges.csv in one zip. */
export const csvExportFormat: ViewExportFormat = {
  extension: 'zip',
  contentType: ZIP_MEDIA_TYPE,
  needsEvidence: true,
  open: (meta) => openCsvZip(meta),
};
