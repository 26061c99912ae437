// Importing an uploaded file: a Powermap document as it is, or FollowTheMoney entities converted
// to one first (lib/import/ftm-to-document.ts). Either way the document goes through
// importDocument, in one transaction, so a file that fails anywhere writes nothing.
import 'server-only';
import { FtmFormatError, ftmToDocument } from '../../import/ftm-to-document';
import { importFileSchema, type ImportFileResult } from '../../validation/import-file';
import { AppError, parseInput } from '../errors';
import { importDocument } from '../import-document';
import { requireRole, type Principal } from '../principal';

export async function importFile(principal: Principal, input: unknown): Promise<ImportFileResult> {
  requireRole(principal, 'analyst');
  const { format, text, fileName, reliability, faction, title } = parseInput(importFileSchema, input, 'Import');
  let document: unknown;
  let skipped: Record<string, number> = {};
  let warnings: string[] = [];
  if (format === 'ftm') {
    try {
      ({ document, skipped, warnings } = ftmToDocument(text, { fileName, title, reliability, faction }));
    } catch (error) {
      if (error instanceof FtmFormatError) throw new AppError('invalid', error.message, { fieldErrors: { file: error.problems.slice(0, 20) } });
      throw error;
    }
  } else {
    document = parseJson(text);
  }
  const counts = await importDocument(principal, document);
  return { format, fileName, counts, skipped, warnings };
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
