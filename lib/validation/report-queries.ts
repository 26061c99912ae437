// Inputs of the report-ready exports: the ties a map view draws, whose sources the attribution
// line counts and the CSV appendix cites (POST /api/graph/report-sources).
import { z } from 'zod';
import { recordIdSchema } from './common';

/** As many ties as the map draws at most (a whole network of 4,000 actors and their ties), with room. */
export const MAX_REPORT_TIES = 50_000;

export const reportSourcesSchema = z.strictObject({
  tieIds: z.array(recordIdSchema).max(MAX_REPORT_TIES, `At most ${MAX_REPORT_TIES} ties`),
});
export type ReportSourcesInput = z.input<typeof reportSourcesSchema>;
