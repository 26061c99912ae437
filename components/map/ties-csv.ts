// The CSV appendix of a report: one row per tie in view (lib/graph/report.ts's columns), written
// by papaparse so quoting follows RFC 4180, with formula-like cells escaped so a spreadsheet
// opening the file never runs a name that starts with "=". (The interchange CSV export of the
// whole network is lib/exchange/csv's; this file is the appendix of one view.)
import Papa from 'papaparse';
import { TIE_APPENDIX_COLUMNS, type TieAppendixRow } from '@/lib/graph/report';

export function tiesCsv(rows: readonly TieAppendixRow[]): Blob {
  const text = Papa.unparse({ fields: [...TIE_APPENDIX_COLUMNS], data: rows.map((row) => TIE_APPENDIX_COLUMNS.map((c) => row[c])) }, { escapeFormulae: true, newline: '\r\n' });
  // A byte-order mark, so spreadsheet programs read the names' scripts as UTF-8.
  return new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' });
}
