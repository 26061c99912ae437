// Importing an uploaded file: a Powermap document as it is, or FollowTheMoney entities converted
// to one first (lib/import/ftm-to-document.ts). Either way the document goes through
// importDocument, in one transaction, so a file that fails anywhere writes nothing.
import 'server-only';
import { FtmFormatError, ftmToDocument } from '../../import/ftm-to-document';
import { importFileSchema, type ImportFileResult } from '../../validation/import-file';
import { AppError, parseInput } from '../errors';
import { importDocument } from '../import-document';
import type { WriteDocumentOptions } from './write-document';
import { requireRole, type Principal } from '../principal';

export async function importFile(principal: Principal, input: unknown, options: WriteDocumentOptions = {}): Promise<ImportFileResult> {
  requireRole(principal, 'analyst');
  const { document, ...about } = documentOfFile(input);
  // Only the document goes on: the file's text (up to 50 MB) is left for the collector.
  input = undefined;
  const counts = await importDocument(principal, document, options);
  return { ...about, counts };
}

/** The file's text as a document, converted from FtM first where it is FtM. */
function documentOfFile(input: unknown): Omit<ImportFileResult, 'counts'> & { document: unknown } {
  const { format, text, fileName, reliability, faction, title } = parseInput(importFileSchema, input, 'Import');
  if (format !== 'ftm') return { format, fileName, skipped: {}, warnings: [], document: parseJson(text) };
  try {
    const { document, skipped, warnings } = ftmToDocument(text, { fileName, title, reliability, faction });
    return { format, fileName, skipped, warnings, document };
  } catch (error) {
    if (error instanceof FtmFormatError) throw new AppError('invalid', error.message, { fieldErrors: { file: error.problems.slice(0, 20) } });
    throw error;
  }
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
