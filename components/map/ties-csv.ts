// The CSV appendix of a report: one row per tie in view (lib/graph/report.ts's columns: names,
// relation in words, grade, first source), written by papaparse so quoting follows RFC 4180, with
// formula-like cells escaped so a spreadsheet never runs a name that starts with "=". The
// interchange CSV for Gephi (ids, not names) is lib/exchange/csv/write-csv.ts; the formula rule
// here is the same as there.
import Papa from 'papaparse';
import { TIE_APPENDIX_COLUMNS, type TieAppendixRow } from '@/lib/graph/report';

// papaparse's own escapeFormulae: true (/^[=+\-@\t\r].*$/) misses a cell with a line break after its
// first character; this looks at the first character only.
const FORMULA_START = /^[=+\-@\t\r]/;

export function tiesCsv(rows: readonly TieAppendixRow[]): Blob {
  const text = Papa.unparse({ fields: [...TIE_APPENDIX_COLUMNS], data: rows.map((row) => TIE_APPENDIX_COLUMNS.map((c) => row[c])) }, { escapeFormulae: FORMULA_START, newline: '\r\n' });
  // A byte-order mark, so spreadsheet programs read the names' scripts as UTF-8.
  return new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' });
}
