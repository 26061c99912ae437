// Importing an uploaded file: a Powermap document as it is, FollowTheMoney entities converted to
// one first (lib/import/ftm-to-document.ts), another tool's network read (lib/exchange/import-formats.ts)
// and mapped (lib/exchange/map-foreign-graph.ts). Either way the document goes through
// importDocument, in one transaction, so a file that fails anywhere writes nothing. The preview
// makes the same document and counts what it would create and update, writing nothing.
import 'server-only';
import type { ActorKind } from '../../domain/vocabulary';
import { FtmFormatError, ftmToDocument } from '../../import/ftm-to-document';
import { ForeignFormatError } from '../../exchange/foreign-format-error';
import type { ForeignAttribute, ForeignGraph } from '../../exchange/foreign-graph';
import { distinctValues } from '../../exchange/foreign-values';
import { foreignImportFormat, isForeignImportFormat } from '../../exchange/import-formats';
import { mapForeignGraph } from '../../exchange/map-foreign-graph';
import { suggestMapping } from '../../exchange/suggest-mapping';
import { safeParseImportDocument, type ImportDocumentInput } from '../../validation/import-document';
import { importFileSchema, importMatchDto, MAX_PREVIEW_MATCHES, type ImportFileInput, type ImportFileResult, type ImportPreview, type PreviewAttribute } from '../../validation/import-file';
import type { ImportMatches } from '../../validation/import-matches';
import { ELEMENT_FIELDS, MAX_VALUE_ROWS } from '../../validation/import-mapping';
import { getConnection } from '../../db/client';
import { findDuplicateCandidates } from '../actors/find-duplicate-candidates';
import { boundHeap } from './bound-heap';
import { matchImportDocument } from './match-import';
import { AppError, invalidInput, parseInput } from '../errors';
import { importDocument } from '../import-document';
import type { WriteDocumentOptions } from './write-document';
import { requireRole, type Principal } from '../principal';

type ConvertedFile = Omit<ImportFileResult, 'counts' | 'matched' | 'duplicates'> & {
  document: unknown;
  matches: ImportMatches | undefined;
  positions: ImportFileInput['positions'];
  ftm: ImportPreview['ftm'];
  foreign: Omit<NonNullable<ImportPreview['foreign']>, 'kinds'> | null;
};

export async function importFile(principal: Principal, input: unknown, options: WriteDocumentOptions = {}): Promise<ImportFileResult> {
  requireRole(principal, 'analyst');
  const converted = await convertFile(input);
  const { format, fileName, skipped, warnings, positions, matches } = converted;
  // Only the document goes on: the file's text (up to 50 MB) is left for the collector.
  input = undefined;
  // Every revision of the import carries this time: the result's link to its possible duplicates.
  const at = new Date();
  let matched = { byIdentity: 0, chosen: 0 };
  // The mapped document is handed over: importDocument lets it go as it validates it.
  const importing = importDocument(principal, converted.document, {
    ...options,
    release: true,
    replacePositions: positions === 'replace',
    normalisePositions: format !== 'powermap',
    matches,
    at,
    onMatched: (m) => {
      matched = { byIdentity: m.byIdentity, chosen: m.chosen };
      warnings.push(...m.warnings);
    },
  });
  // importDocument has validated its copy before its first await: what is left of the mapped one can go.
  converted.document = undefined;
  const counts = await importing;
  return { format, fileName, skipped, warnings, counts, matched, duplicates: await countDuplicates(principal, at) };
}

/** The possible duplicates among what the import touched, read once it has committed; a failure here undoes nothing. */
async function countDuplicates(principal: Principal, at: Date): Promise<ImportFileResult['duplicates']> {
  try {
    const page = await findDuplicateCandidates(principal, { import: at.toISOString(), limit: 1 });
    return { count: page.total, at: at.toISOString() };
  } catch (error) {
    console.error('import: counting possible duplicates failed', error);
    return null;
  }
}

/** What importFile would do with the same input: the file read, mapped and checked, nothing written. */
export async function previewFile(principal: Principal, input: unknown): Promise<ImportPreview> {
  requireRole(principal, 'analyst');
  const { document, ftm, foreign, format, fileName, skipped, warnings } = await convertFile(input);
  input = undefined;
  const parsed = safeParseImportDocument(document, { release: true });
  if (!parsed.success) throw invalidInput(parsed.error, 'Import document');
  const { actors, ties } = parsed.data;
  const { db, kind: dbKind } = await getConnection();
  const matches = await matchImportDocument(db, dbKind, parsed.data);
  const positioned = actors.filter((a) => a.position).map((a) => a.slug);
  const placed = await countExisting(positioned, (slugs) => db.actor.count({ where: { slug: { in: slugs }, x: { not: null }, y: { not: null } } }));
  const existingTies = await countExisting(ties.map((t) => t.id), (ids) => db.tie.findMany({ where: { id: { in: ids } }, select: { id: true } }).then((rows) => rows.length));
  const kinds: Partial<Record<ActorKind, number>> = {};
  for (const a of actors) kinds[a.kind] = (kinds[a.kind] ?? 0) + 1;
  const byIdentity: ImportPreview['matching']['byIdentity'] = { slug: 0, merged: 0, identifier: 0 };
  for (const m of matches) if (m.identity) byIdentity[m.identity.by] += 1;
  const identified = byIdentity.slug + byIdentity.merged + byIdentity.identifier;
  // New actors that may be stored ones first (the analyst chooses), then stored ones that may be others.
  const listed = matches
    .filter((m) => m.proposals.length || (m.identity && m.identity.by !== 'slug'))
    .sort((x, y) => Number(!!x.identity) - Number(!!y.identity) || (y.proposals[0]?.score ?? 0) - (x.proposals[0]?.score ?? 0) || x.name.localeCompare(y.name));
  return {
    format,
    fileName,
    actors: { create: actors.length - identified, update: identified },
    ties: { create: ties.length - existingTies, update: existingTies },
    skipped,
    warnings,
    positions: { inFile: positioned.length, placed },
    ftm: ftm && { ...ftm, kinds },
    matching: {
      byIdentity,
      toChoose: matches.filter((m) => !m.identity && m.proposals.length).length,
      withProposals: matches.filter((m) => m.proposals.length).length,
      matches: listed.slice(0, MAX_PREVIEW_MATCHES).map(importMatchDto),
    },
    foreign: foreign && { ...foreign, kinds },
  };
}

/** Ids looked up a chunk at a time: a 100,000-tie file is 200 small queries, not one enormous IN list. */
async function countExisting(ids: string[], count: (chunk: string[]) => Promise<number>): Promise<number> {
  const CHUNK = 500;
  let n = 0;
  for (let i = 0; i < ids.length; i += CHUNK) n += await count(ids.slice(i, i + CHUNK));
  return n;
}

/** The file's text as a document: as it is, converted from FtM, or read and mapped. */
async function convertFile(input: unknown): Promise<ConvertedFile> {
  const { format, text: sentText, bytes, fileName, reliability, faction, personFaction, organizationFaction, title, mapping, positions, matches } = parseInput(importFileSchema, input, 'Import');
  const reader = isForeignImportFormat(format) ? foreignImportFormat(format) : null;
  if (bytes && !reader?.readZip) {
    const message = `A zip is read as CSV only (nodes.csv and edges.csv): choose CSV, or unzip the ${format} file and import it`;
    throw new AppError('invalid', message, { fieldErrors: { file: [message] } });
  }
  const text = sentText ?? '';
  if (format === 'powermap') return { format, fileName, positions, matches, skipped: {}, warnings: [], document: parseJson(text), ftm: null, foreign: null };
  if (format === 'ftm') {
    try {
      const factionByKind = { ...(personFaction && { person: personFaction }), ...(organizationFaction && { organization: organizationFaction }) };
      const { document, skipped, warnings, schemas } = ftmToDocument(text, { fileName, title, reliability, faction, factionByKind });
      refuseEmpty(document, fileName, skipped);
      return { format, fileName, positions, matches, skipped, warnings, document, ftm: { schemas, kinds: {} }, foreign: null };
    } catch (error) {
      if (error instanceof FtmFormatError) throw new AppError('invalid', error.message, { fieldErrors: { file: error.problems.slice(0, 20) } });
      throw error;
    }
  }
  if (!isForeignImportFormat(format)) throw new AppError('invalid', `Unknown format "${format}"`, { fieldErrors: { format: ['Choose a format'] } });
  try {
    const graph = bytes ? await foreignImportFormat(format).readZip!(bytes) : await foreignImportFormat(format).read(text);
    const suggested = suggestMapping(graph);
    // Sent without a mapping (an API caller), the suggested one, with the grade, title and faction given.
    const used = mapping ?? { ...suggested, source: { ...suggested.source, reliability, title }, nodes: { ...suggested.nodes, defaultFaction: faction } };
    // What the preview shows of the file, read before the mapping lets the graph go.
    const file = {
      title: graph.title,
      nodes: graph.nodes.length,
      edges: graph.edges.length,
      nodeAttributes: graph.nodeAttributes.map((a) => withValues(graph.nodes, a)),
      edgeAttributes: graph.edgeAttributes.map((a) => withValues(graph.edges, a)),
      nodeLabels: allValues(graph.nodes, ELEMENT_FIELDS.label),
      edgeLabels: allValues(graph.edges, ELEMENT_FIELDS.label),
    };
    const { document, skipped, warnings, unmappedTieTypes } = mapForeignGraph(graph, used, { fileName, formatLabel: foreignImportFormat(format).label, release: true, afterSlice: boundHeap });
    refuseEmpty(document, fileName, skipped);
    return { format, fileName, positions, matches, skipped, warnings, document, ftm: null, foreign: { ...file, suggested, mapping: used, unmappedTieTypes } };
  } catch (error) {
    if (error instanceof ForeignFormatError) throw new AppError('invalid', error.message, { fieldErrors: { file: error.problems.slice(0, 20) } });
    throw error;
  }
}

function allValues(elements: ForeignGraph['nodes'] | ForeignGraph['edges'], field: string): string[] | null {
  const { values, more } = distinctValues(elements, field, MAX_VALUE_ROWS);
  return more ? null : values;
}

function withValues(elements: ForeignGraph['nodes'] | ForeignGraph['edges'], attribute: ForeignAttribute): PreviewAttribute {
  return { ...attribute, values: allValues(elements, attribute.key) };
}

/**
 * A file from which nothing would be created writes nothing: not even the source it would cite,
 * nor a revision of the network, so the history shows no import that did nothing.
 */
function refuseEmpty(document: ImportDocumentInput, fileName: string, skipped: Record<string, number>): void {
  if (document.actors.length || document.ties.length) return;
  const left = Object.entries(skipped)
    .map(([what, n]) => `${what}: ${n}`)
    .join(', ');
  const message = `Nothing to import: ${fileName} holds no people, organisations or ties Powermap reads${left ? ` (left out: ${left})` : ''}. Nothing was written.`;
  throw new AppError('invalid', message, { fieldErrors: { file: [message] } });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    // V8 names the line for some mistakes ("… (line 3 column 5)"), only a position for others,
    // and neither for an unexpected token; say where when it can.
    const line = /\(line (\d+) column \d+\)/.exec(message)?.[1];
    const position = /at position (\d+)/.exec(message)?.[1];
    const at = line ? ` at line ${line}` : position ? ` at line ${text.slice(0, Number(position)).split('\n').length}` : '';
    throw new AppError('invalid', `Not a Powermap document: the file is not valid JSON${at} (${message})`, { fieldErrors: { file: [`Not valid JSON${at}`] } });
  }
}
