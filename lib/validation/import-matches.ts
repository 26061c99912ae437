// The analyst's choices in an import's preview (lib/graph/duplicate-matching.ts proposes them):
// for each actor of the file that is "the same as" a stored actor, the stored actor's slug. An
// actor left out is created ("new actor"). Sent as JSON text in the import's query string beside
// the mapping; checked here, and again against the database inside the import's transaction.
import { z } from 'zod';
import { slugSchema } from './common';

/** Choices one import takes at most: far more than anyone reads in a preview. */
export const MAX_IMPORT_MATCHES = 2_000;

export const importMatchesSchema = z
  .record(slugSchema, slugSchema, { error: 'matches: an object of file slug → stored slug' })
  .refine((m) => Object.keys(m).length <= MAX_IMPORT_MATCHES, `matches: at most ${MAX_IMPORT_MATCHES} choices`);
export type ImportMatches = z.output<typeof importMatchesSchema>;

export const importMatchesTextSchema = z
  .string()
  .max(MAX_IMPORT_MATCHES * 260, 'The choices are too long')
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'The choices (matches) are not valid JSON' });
      return z.NEVER;
    }
  })
  .pipe(importMatchesSchema);
