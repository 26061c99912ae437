// An uploaded file to import: a Powermap document (JSON) or FollowTheMoney entities (JSON lines),
// with the choices the FtM conversion needs. The form checks its own fields with
// importOptionsSchema before sending; the data layer parses the whole of importFileSchema.
import { z } from 'zod';
import { FACTIONS } from '../domain/vocabulary';
import { reliabilitySchema, textSchema } from './common';
import type { FieldErrors } from './field-errors';

export const IMPORT_FORMATS = ['powermap', 'ftm'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  powermap: 'Powermap document JSON',
  ftm: 'FollowTheMoney JSON lines',
};

/**
 * The largest file an import takes: room for a 20,000-actor, 100,000-tie document (about 29 MB).
 * Counted in bytes on the way in and in characters by the schema (no more than the bytes).
 */
export const MAX_IMPORT_MB = 50;
export const MAX_IMPORT_BYTES = MAX_IMPORT_MB * 1024 * 1024;
export const FILE_TOO_LARGE = `The file is larger than ${MAX_IMPORT_MB} MB`;

export const importOptionsSchema = z
  .object({
    format: z.enum(IMPORT_FORMATS, 'Choose a format'),
    /** The grade of the one source an FtM import cites; a Powermap document grades its own. */
    reliability: reliabilitySchema.default('C'),
    /** The faction of every actor an FtM import creates. */
    faction: z.enum(FACTIONS).default('other'),
    /** The source's title; blank: "FollowTheMoney import: <file name>". */
    title: textSchema(500).default(''),
  })
  .strict();

export const importFileSchema = importOptionsSchema
  .extend({
    text: z.string().min(1, 'The file is empty').max(MAX_IMPORT_BYTES, FILE_TOO_LARGE),
    fileName: textSchema(200).refine((s) => s.length > 0, 'File name is required'),
  })
  .strict();

export type ImportOptionsInput = z.input<typeof importOptionsSchema>;
export type ImportFileInput = z.input<typeof importFileSchema>;

export interface ImportCountsDto {
  created: number;
  updated: number;
  unchanged: number;
}

/** The kinds of record an import writes, in the order it writes them. */
export const IMPORT_STEPS = ['sources', 'actors', 'ties', 'claims'] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];

/**
 * How far a running import is: records of one kind compared (and written where changed), of
 * all of that kind in the file; last, the ties whose stored summaries are brought up to date.
 */
export interface ImportProgress {
  step: ImportStep | 'summaries';
  done: number;
  total: number;
}

/** What an import did, for the summary the form shows. */
export interface ImportFileResult {
  format: ImportFormat;
  fileName: string;
  counts: Record<ImportStep, ImportCountsDto>;
  /** FtM entities left out, by schema. */
  skipped: Record<string, number>;
  warnings: string[];
}

/** The sentence that sums an import up. */
export function importResultMessage(result: ImportFileResult): string {
  const c = result.counts;
  return `Imported ${result.fileName}: ${c.actors.created} actors and ${c.ties.created} ties created, ${c.actors.updated + c.ties.updated} updated, ${c.actors.unchanged + c.ties.unchanged} unchanged.`;
}

/**
 * POST /api/import, asked for application/x-ndjson, answers one JSON object a line once the file
 * has been checked: progress lines, then the result or, where the writing failed (and so wrote
 * nothing), the error as the other routes give it.
 */
export type ImportStreamLine =
  | { progress: ImportProgress }
  | { result: ImportFileResult }
  | { error: { code: string; message: string; fieldErrors?: FieldErrors } };
