// GET /api/actors/{slug}/chain?on=YYYY-MM-DD and the profile's "Chain of command" date field: a unit and a day.
import { z } from 'zod';
import { blankAsAbsent } from './shared-queries';
import { isoDaySchema, slugSchema } from './common';

export const chainQuerySchema = z.strictObject({
  slug: slugSchema,
  /** Absent or blank: today (UTC). */
  on: z.preprocess(blankAsAbsent, isoDaySchema.optional()),
});
export type ChainQueryInput = z.input<typeof chainQuerySchema>;
