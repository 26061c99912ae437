// An uploaded file to import: a Powermap document (JSON) or FollowTheMoney entities (JSON lines),
// with the choices the FtM conversion needs. The form checks its own fields with
// importOptionsSchema before sending; the data layer parses the whole of importFileSchema.
import { z } from 'zod';
import { FACTIONS } from '../domain/vocabulary';
import { reliabilitySchema, textSchema } from './common';
import type { FormState } from './form-state';

export const IMPORT_FORMATS = ['powermap', 'ftm'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  powermap: 'Powermap document JSON',
  ftm: 'FollowTheMoney JSON lines',
};

/** Characters of text; a file of 20 MB of ASCII is 20 MB of characters, anything else fewer. */
export const MAX_IMPORT_CHARS = 20 * 1024 * 1024;

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
    text: z.string().min(1, 'The file is empty').max(MAX_IMPORT_CHARS, 'The file is larger than 20 MB'),
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

/** The import action's answer: a form state whose success carries the summary. */
export type ImportFormState = Exclude<FormState, { status: 'saved' }> | { status: 'saved'; message: string; result: ImportFileResult };
