// The interchange formats an import reads (GEXF, GraphML, CSV, Cytoscape JSON…): each is a reader
// from the file's text to a ForeignGraph, and nothing else; the mapping chosen in the preview
// (lib/exchange/map-foreign-graph.ts) turns any of them into a Powermap document. The import's
// format list (lib/validation/import-file.ts IMPORT_FORMATS) is this registry's keys after the two
// formats Powermap reads without a mapping (its own documents, FollowTheMoney).
//
// A reader is loaded when a file is read, not when the list is: the /import form shows the list,
// and its bundle should carry no parser.
import type { ForeignGraph } from './foreign-graph';

export interface ForeignImportFormat {
  /** What the format select shows. */
  label: string;
  /** File name endings, lower case with the dot (".gexf"), for the form's guess and its accept list. */
  extensions: readonly string[];
  /** The file's text as a graph; throws ForeignFormatError (./foreign-format-error.ts) when the text is not this format. */
  read: (text: string) => Promise<ForeignGraph>;
  /** For a format read from several files: a zip of them as a graph (else a zip is refused). */
  readZip?: (bytes: Uint8Array) => Promise<ForeignGraph>;
}

/**
 * Format id → reader. A reader registers here as
 * `gexf: { label: 'GEXF (Gephi)', extensions: ['.gexf'], read: async (text) => (await import('./gexf/read-gexf')).readGexf(text) }`.
 */
export const FOREIGN_IMPORT_FORMATS = {
  gexf: { label: 'GEXF (Gephi)', extensions: ['.gexf'], read: async (text) => (await import('./gexf/read-gexf')).readGexf(text) },
  graphml: { label: 'GraphML (yEd, Gephi, Cytoscape)', extensions: ['.graphml'], read: async (text) => (await import('./graphml/read-graphml')).readGraphml(text) },
  // One table (an edges file, whose nodes are the ids it names, or a nodes file) with Gephi's
  // columns, or a zip of a nodes file and an edges file (the export's, or two files chosen together).
  csv: {
    label: 'CSV table (Gephi columns)',
    extensions: ['.csv', '.tsv', '.zip'],
    read: async (text) => (await import('./csv/read-csv')).readCsv([{ name: 'file.csv', text }]),
    readZip: async (bytes) => (await import('./csv/read-csv')).readCsvZip(bytes),
  },
  cyjs: { label: 'Cytoscape JSON', extensions: ['.cyjs'], read: async (text) => (await import('./cyjs/read-cyjs')).readCyjs(text) },
} satisfies Record<string, ForeignImportFormat>;

export type ForeignImportFormatId = keyof typeof FOREIGN_IMPORT_FORMATS;

export const FOREIGN_IMPORT_FORMAT_IDS = Object.keys(FOREIGN_IMPORT_FORMATS) as ForeignImportFormatId[];

/** Id and description of each format, in the registry's order. */
export const FOREIGN_IMPORT_FORMAT_LIST = Object.entries(FOREIGN_IMPORT_FORMATS as Record<string, ForeignImportFormat>) as [ForeignImportFormatId, ForeignImportFormat][];

export function isForeignImportFormat(format: string): format is ForeignImportFormatId {
  return Object.hasOwn(FOREIGN_IMPORT_FORMATS, format);
}

export function foreignImportFormat(format: ForeignImportFormatId): ForeignImportFormat {
  return (FOREIGN_IMPORT_FORMATS as Record<string, ForeignImportFormat>)[format];
}
