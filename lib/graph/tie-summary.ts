// The map's tie panel data as it crosses from lib/data/ties/get-tie-summary.ts (server) through
// GET /api/graph/ties/{id} to the panel (client): a type only, so the client imports no data code.
import type { Reliability } from '../domain/vocabulary';
import type { PartialDate } from '../domain/dates';

export interface TieSummary {
  tieId: string;
  claimCount: number;
  noteCount: number;
  /** The claim the tie's page lists first; null when the tie has none. */
  firstClaim: {
    id: string;
    quote: string;
    location: string;
    stance: string;
    status: string;
    /** Source reliability then claim credibility, like "B2". */
    grade: string;
    source: { id: string; title: string; publisher: string; reliability: Reliability; published: PartialDate | null; url: string | null };
  } | null;
}
