// Inputs for reading sources: the list (page and GET /api/sources) and one source.
import { z } from 'zod';
import { RELIABILITY_GRADES } from '../domain/vocabulary';
import { hasLoneSurrogate, LONE_SURROGATE_MESSAGE, recordIdSchema } from './common';
import { blankAsAbsent } from './shared-queries';

export const findSourcesSchema = z.strictObject({
  /** Words of the title, author or publisher; case and diacritics do not matter. */
  q: z.preprocess(blankAsAbsent, z.string().trim().max(200, 'Search text is at most 200 characters').refine((q) => !hasLoneSurrogate(q), LONE_SURROGATE_MESSAGE).optional()),
  reliability: z.preprocess(
    blankAsAbsent,
    z.enum(RELIABILITY_GRADES, { error: `must be one of ${RELIABILITY_GRADES.join(', ')}` }).optional(),
  ),
  /** "unknown": only sources without a publication date, which a knowledge date cannot count (lib/graph/knowledge.ts). */
  published: z.preprocess(blankAsAbsent, z.enum(['unknown'], { error: 'must be "unknown"' }).optional()),
});
export type FindSourcesInput = z.input<typeof findSourcesSchema>;
export type FindSourcesQuery = z.output<typeof findSourcesSchema>;

export const getSourceSchema = z.strictObject({ id: recordIdSchema });
export type GetSourceInput = z.input<typeof getSourceSchema>;
