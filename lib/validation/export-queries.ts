// GET /api/export's query: which format, which part of the network, and for the view the map's
// own address (parsed by graph-queries.ts, the one schema of a view; nothing here repeats it).
import { z } from 'zod';
import type { GraphQuery } from '../graph/types';
import type { FieldErrors } from './field-errors';
import { parseGraphQuery } from './graph-queries';
import type { SearchParamsInput } from './shared-queries';

/**
 * Every export format GET /api/export answers, with its name in the map's export menu. Each id but
 * `powermap` is an entry of the writer registry (lib/exchange/export-formats.ts), whose type
 * requires one per id here; `powermap`, the whole database as an import document, is read in
 * chunks by lib/data/export/export-document.ts. The labels live here, beside the ids, so the menu
 * needs no writer in the browser.
 */
export const EXPORT_FORMAT_LABELS = {
  cyjs: 'Cytoscape JSON',
  ftm: 'FollowTheMoney',
  gexf: 'GEXF (Gephi)',
  graphml: 'GraphML',
  csv: 'CSV (nodes and edges, zip)',
  powermap: 'Powermap document',
} as const;
export type ExportFormatId = keyof typeof EXPORT_FORMAT_LABELS;
export const EXPORT_FORMAT_IDS = Object.keys(EXPORT_FORMAT_LABELS) as [ExportFormatId, ...ExportFormatId[]];
/** The formats written from a view of the network (the document holds the whole database only). */
export type ViewExportFormatId = Exclude<ExportFormatId, 'powermap'>;
export const DOCUMENT_FORMAT_ID = 'powermap' satisfies ExportFormatId;

export const EXPORT_SCOPES = ['view', 'all'] as const;
export type ExportScope = (typeof EXPORT_SCOPES)[number];

const exportOwnParamsSchema = z.strictObject({
  format: z.enum(EXPORT_FORMAT_IDS, { error: `must be one of ${EXPORT_FORMAT_IDS.join(', ')}` }),
  scope: z.enum(EXPORT_SCOPES, { error: 'must be "view" or "all"' }).default('view'),
  /** The Powermap document only: internal notes too (analysts and admins). */
  includeInternal: z
    .enum(['1', 'true', '0', 'false'], { error: 'must be 1 or 0' })
    .transform((v) => v === '1' || v === 'true')
    .default(false),
});
export const EXPORT_OWN_PARAM_NAMES = Object.keys(exportOwnParamsSchema.shape);

export interface ExportQuery {
  format: ExportFormatId;
  scope: ExportScope;
  /** With format=powermap: internal notes too. */
  includeInternal: boolean;
  /** The view: the map's query. With scope=all only `asOf` may be given (it dates ended and past). */
  query: GraphQuery;
}

export type ParseExportQueryResult = { ok: true; value: ExportQuery } | { ok: false; errors: string[]; fieldErrors: FieldErrors };

/** Parameters of a view that make no sense for the whole database. */
const VIEW_ONLY = ['ended', 'kinds', 'factions', 'types', 'minGrade', 'focus', 'hops', 'known'];

/** Errors read "param: problem", like parseGraphQuery's; the map's view-only parameters are accepted and ignored. */
export function parseExportQuery(params: SearchParamsInput): ParseExportQueryResult {
  const errors: string[] = [];
  const fieldErrors: FieldErrors = {};
  const refuse = (param: string, message: string) => {
    errors.push(`${param}: ${message}`);
    (fieldErrors[param] ??= []).push(message);
  };
  const own: Record<string, string> = {};
  const rest: SearchParamsInput = {};
  for (const [key, value] of Object.entries(params)) {
    if (!EXPORT_OWN_PARAM_NAMES.includes(key)) rest[key] = value;
    else if (Array.isArray(value)) refuse(key, 'given more than once');
    else if (value !== undefined) own[key] = value;
  }
  const parsedOwn = exportOwnParamsSchema.safeParse(own);
  if (!parsedOwn.success) {
    for (const issue of parsedOwn.error.issues) {
      const param = issue.path.map(String).join('.') || 'query';
      if (!fieldErrors[param]) refuse(param, issue.message); // a repeated one is already refused
    }
  }
  const parsedView = parseGraphQuery(rest);
  if (!parsedView.ok) {
    errors.push(...parsedView.errors);
    for (const [key, messages] of Object.entries(parsedView.fieldErrors)) (fieldErrors[key] ??= []).push(...messages);
  }
  if (parsedOwn.success) {
    const { format, scope, includeInternal } = parsedOwn.data;
    if (format === DOCUMENT_FORMAT_ID && scope !== 'all') refuse('scope', 'a Powermap document holds the whole database: use scope=all');
    if (includeInternal && format !== DOCUMENT_FORMAT_ID) refuse('includeInternal', 'only the Powermap document (format=powermap) carries notes');
    if (scope === 'all') for (const key of VIEW_ONLY.filter((k) => k in rest)) refuse(key, 'scope=all exports the whole database, which no filter or focus narrows');
  }
  if (errors.length > 0 || !parsedOwn.success || !parsedView.ok) return { ok: false, errors, fieldErrors };
  return { ok: true, value: { ...parsedOwn.data, query: parsedView.query } };
}
