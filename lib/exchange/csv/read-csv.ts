// CSV read into a ForeignGraph: a nodes file, an edges file, or both, as Gephi's spreadsheet import
// takes them, parsed with papaparse (RFC 4180 quotes and newlines in cells, the delimiter guessed
// among , ; tab |). Which file is which comes from its header: Source and Target make an edges
// file, an Id without them a nodes file. Column names are matched without regard to case.
// - Nodes: Id (required), Label, x, y; edges: Source and Target (required), Type ("Directed",
//   "Undirected"; directed when absent, as Gephi's default), Id, Label, Weight.
// - When: start and end columns (Powermap's, with their precision) where a row fills them, else
//   Gephi's Time Interval ("<[2020-08-09, 2021-01-01]>", lib/exchange/csv/gephi-interval.ts).
// - Every other column is an attribute under its header. A column whose every value is a number
//   (written plainly: "007" stays text) holds numbers, one of true/false booleans, else text.
// - An edges file alone is a network: its nodes are the ids Source and Target name, in order of
//   appearance; with a nodes file, ids only the edges name are added the same way, as Gephi does.
// - The apostrophe the writer puts before a formula-like cell (=, +, -, @, tab, CR) is taken off.
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { AttributeCensus } from '../attribute-census';
import { readForeignDate } from '../foreign-date';
import { ForeignFormatError } from '../foreign-format-error';
import type { ForeignEdge, ForeignGraph, ForeignNode, ForeignSpell, ForeignValue } from '../foreign-graph';
import { parseGephiInterval } from './gephi-interval';

export const CSV_FORMAT = 'csv';
const MAX_PROBLEMS = 20;
/** The most a zip may unpack to: a 20,000-actor, 100,000-tie export is about 25 MB of CSV. */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

export interface CsvFile {
  name: string;
  text: string;
}

type Role = 'id' | 'label' | 'x' | 'y' | 'source' | 'target' | 'type' | 'weight' | 'interval' | 'start' | 'end' | 'attribute';

const NODE_ROLES: Record<string, Role> = { id: 'id', label: 'label', x: 'x', y: 'y', 'time interval': 'interval', interval: 'interval', start: 'start', end: 'end' };
const EDGE_ROLES: Record<string, Role> = {
  id: 'id',
  label: 'label',
  source: 'source',
  target: 'target',
  type: 'type',
  weight: 'weight',
  'time interval': 'interval',
  interval: 'interval',
  start: 'start',
  end: 'end',
};

const PLAIN_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
const FORMULA_GUARD = /^'[=+\-@\t\r]/;

interface Table {
  name: string;
  header: string[];
  rows: string[][];
}

function parseTable(file: CsvFile, problem: (message: string) => void): Table | null {
  const text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;
  const result = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
  for (const error of result.errors) {
    // Short or long rows are read as they are; broken quoting loses data, so it is an error.
    if (error.type === 'Quotes') problem(`${file.name}, row ${(error.row ?? 0) + 1}: ${error.message}`);
  }
  const [header, ...rows] = result.data;
  if (!header) {
    problem(`${file.name}: the file has no header row`);
    return null;
  }
  return { name: file.name, header: header.map((h) => h.trim()), rows };
}

const isEdgeTable = (t: Table) => {
  const names = new Set(t.header.map((h) => h.toLowerCase()));
  return names.has('source') && names.has('target');
};

/** Values of one attribute column, typed as the whole column reads. */
function typedColumn(values: string[]): ForeignValue[] {
  const filled = values.filter((v) => v !== '');
  if (filled.length && filled.every((v) => PLAIN_NUMBER.test(v))) return values.map((v) => (v === '' ? null : Number(v)));
  if (filled.length && filled.every((v) => /^(true|false)$/i.test(v))) return values.map((v) => (v === '' ? null : v.toLowerCase() === 'true'));
  return values.map((v) => (v === '' ? null : v));
}

const unguard = (cell: string) => (FORMULA_GUARD.test(cell) ? cell.slice(1) : cell);

interface Columns {
  roles: Role[];
  /** For attribute columns, the attribute's name (a repeated header gets its position added). */
  names: string[];
  /** The column of each role other than attribute, where the file has one. */
  at: Partial<Record<Exclude<Role, 'attribute'>, number>>;
}

function columnsOf(table: Table, roles: Record<string, Role>, problem: (message: string) => void): Columns {
  const out: Columns = { roles: [], names: [], at: {} };
  table.header.forEach((header, i) => {
    let role = roles[header.toLowerCase()] ?? 'attribute';
    if (role !== 'attribute' && out.at[role] !== undefined) {
      problem(`${table.name}: the column ${header} appears twice`);
      role = 'attribute';
    }
    if (role !== 'attribute') out.at[role] = i;
    const name = header === '' ? `column ${i + 1}` : out.names.includes(header) ? `${header} (${i + 1})` : header;
    out.roles.push(role);
    out.names.push(name);
  });
  return out;
}

const cellAt = (row: string[], column: number | undefined) => (column === undefined ? '' : (row[column] ?? ''));

/** Where a row is, for a message: its file and its line as a spreadsheet numbers it (the header is 1). */
interface RowPlace {
  file: string;
  index: number;
}
const placeText = (place: RowPlace) => `${place.file}, row ${place.index + 2}`;

function dateAt(row: string[], columns: Columns, role: 'start' | 'end', place: RowPlace, problem: (message: string) => void): string | null {
  const cell = cellAt(row, columns.at[role]).trim();
  if (cell === '') return null;
  const date = readForeignDate(cell);
  if (date === null) problem(`${placeText(place)}: ${columns.names[columns.at[role]!]} "${cell}" is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)`);
  return date;
}

/** The spell of a row: its start/end cells where filled, else its Time Interval. */
function spellsOf(row: string[], columns: Columns, place: RowPlace, problem: (message: string) => void): ForeignSpell[] {
  const start = dateAt(row, columns, 'start', place, problem);
  const end = dateAt(row, columns, 'end', place, problem);
  if (start !== null || end !== null) return [{ start, end }];
  const interval = cellAt(row, columns.at.interval);
  if (interval.trim() === '') return [];
  const parsed = parseGephiInterval(interval);
  if ('error' in parsed) {
    problem(`${placeText(place)}: ${parsed.error}`);
    return [];
  }
  return parsed.spells;
}

function readNumber(cell: string, what: string, place: RowPlace, problem: (message: string) => void): number | null {
  const value = cell.trim();
  if (value === '') return null;
  const number = Number(value);
  if (Number.isFinite(number)) return number;
  problem(`${placeText(place)}: ${what} "${value}" is not a number`);
  return null;
}

/** Attribute columns, typed per column, then set on each element. */
function applyAttributes(table: Table, columns: Columns, elements: { attributes: Record<string, ForeignValue> }[], census: AttributeCensus) {
  columns.roles.forEach((role, i) => {
    if (role !== 'attribute') return;
    const name = columns.names[i]!;
    census.declare(name);
    const values = typedColumn(table.rows.map((row) => unguard(row[i] ?? '')));
    values.forEach((value, r) => {
      elements[r]!.attributes[name] = value;
      census.add(name, value);
    });
  });
}

/** Reads a nodes file, an edges file, or both; throws ForeignFormatError naming every problem found. */
export function readCsv(files: readonly CsvFile[]): ForeignGraph {
  const problems: string[] = [];
  const problem = (message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(message);
  };
  const tables = files.map((f) => parseTable(f, problem)).filter((t): t is Table => t !== null);
  const edgeTables = tables.filter(isEdgeTable);
  const nodeTables = tables.filter((t) => !isEdgeTable(t));
  if (edgeTables.length > 1 || nodeTables.length > 1 || !tables.length) {
    throw new ForeignFormatError(CSV_FORMAT, [
      ...problems,
      tables.length
        ? `expected one nodes file and one edges file (an edges file has Source and Target columns), got ${nodeTables.length} of nodes and ${edgeTables.length} of edges`
        : 'no CSV file to read',
    ]);
  }

  const nodeCensus = new AttributeCensus();
  const edgeCensus = new AttributeCensus();
  const nodes: ForeignNode[] = [];
  const nodeIndex = new Map<string, ForeignNode>();

  const nodeTable = nodeTables[0];
  if (nodeTable) {
    const columns = columnsOf(nodeTable, NODE_ROLES, problem);
    const idColumn = columns.at.id ?? -1;
    if (idColumn < 0) problem(`${nodeTable.name}: a nodes file needs an Id column (its header has ${nodeTable.header.join(', ')})`);
    else {
      const { at } = columns;
      const place: RowPlace = { file: nodeTable.name, index: 0 };
      for (const row of nodeTable.rows) {
        const id = unguard((row[idColumn] ?? '').trim());
        if (!id) problem(`${placeText(place)}: no Id`);
        else if (nodeIndex.has(id)) problem(`${placeText(place)}: the Id "${id}" is used twice`);
        const label = cellAt(row, at.label);
        const node: ForeignNode = {
          id,
          label: label === '' ? null : unguard(label),
          attributes: {},
          x: readNumber(cellAt(row, at.x), 'x', place, problem),
          y: readNumber(cellAt(row, at.y), 'y', place, problem),
          spells: spellsOf(row, columns, place, problem),
        };
        nodes.push(node);
        nodeIndex.set(id, node);
        place.index++;
      }
      applyAttributes(nodeTable, columns, nodes, nodeCensus);
    }
  }

  const edges: ForeignEdge[] = [];
  const edgeTable = edgeTables[0];
  if (edgeTable) {
    const columns = columnsOf(edgeTable, EDGE_ROLES, problem);
    const { at } = columns;
    const place: RowPlace = { file: edgeTable.name, index: 0 };
    for (const row of edgeTable.rows) {
      const id = cellAt(row, at.id).trim();
      const label = cellAt(row, at.label);
      const edge: ForeignEdge = {
        id: id === '' ? null : id,
        source: unguard(cellAt(row, at.source).trim()),
        target: unguard(cellAt(row, at.target).trim()),
        directed: true,
        label: label === '' ? null : unguard(label),
        weight: readNumber(cellAt(row, at.weight), 'Weight', place, problem),
        attributes: {},
        spells: spellsOf(row, columns, place, problem),
      };
      const type = cellAt(row, at.type).trim();
      if (type.toLowerCase() === 'undirected') edge.directed = false;
      else if (type !== '' && type.toLowerCase() !== 'directed') problem(`${placeText(place)}: Type "${type}" is neither Directed nor Undirected`);
      if (!edge.source || !edge.target) problem(`${placeText(place)}: no ${edge.source ? 'Target' : 'Source'}`);
      for (const id of [edge.source, edge.target]) {
        if (!id || nodeIndex.has(id)) continue;
        const node: ForeignNode = { id, label: null, attributes: {}, x: null, y: null, spells: [] };
        nodes.push(node);
        nodeIndex.set(id, node);
      }
      edges.push(edge);
      place.index++;
    }
    applyAttributes(edgeTable, columns, edges, edgeCensus);
  }

  if (problems.length) throw new ForeignFormatError(CSV_FORMAT, problems);
  return { format: CSV_FORMAT, title: null, nodes, edges, nodeAttributes: nodeCensus.attributes(), edgeAttributes: edgeCensus.attributes() };
}

/** The CSV files in a zip (folders and macOS's __MACOSX copies ignored), decoded as UTF-8. */
export function csvFilesFromZip(bytes: Uint8Array): CsvFile[] {
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        const wanted = /\.(csv|tsv)$/i.test(file.name) && !file.name.startsWith('__MACOSX/') && !file.name.split('/').pop()!.startsWith('.');
        if (wanted) total += file.originalSize;
        if (total > MAX_UNZIPPED_BYTES) throw new ForeignFormatError(CSV_FORMAT, [`the zip unpacks to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB of CSV`]);
        return wanted;
      },
    });
  } catch (error) {
    if (error instanceof ForeignFormatError) throw error;
    throw new ForeignFormatError(CSV_FORMAT, [`not a readable zip (${(error as Error).message})`]);
  }
  const files = Object.entries(entries).map(([name, data]) => {
    // UTF-8, or UTF-16 where a byte-order mark says so (Excel's "Unicode text"); never a guess
    // that would fill names with replacement characters.
    const encoding = data[0] === 0xff && data[1] === 0xfe ? 'utf-16le' : data[0] === 0xfe && data[1] === 0xff ? 'utf-16be' : 'utf-8';
    try {
      return { name: name.split('/').pop()!, text: new TextDecoder(encoding, { fatal: true }).decode(data) };
    } catch {
      throw new ForeignFormatError(CSV_FORMAT, [`${name} is not ${encoding === 'utf-8' ? 'UTF-8' : encoding.toUpperCase()} text: save it as CSV UTF-8 and zip it again`]);
    }
  });
  if (!files.length) throw new ForeignFormatError(CSV_FORMAT, ['the zip holds no .csv file (expected nodes.csv and edges.csv)']);
  return files;
}

/** A zip of nodes.csv and edges.csv (either alone will do). */
export function readCsvZip(bytes: Uint8Array): ForeignGraph {
  return readCsv(csvFilesFromZip(bytes));
}
