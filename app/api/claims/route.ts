// POST /api/claims: add a claim (a quote, where in the source, credibility 1–6, a status) about
// a tie or an actor, citing a source. Analysts.
import { createClaim } from '@/lib/data/claims/write-claim';
import { createRoute } from '@/lib/http/record-handlers';

export const POST = createRoute(createClaim, (claim) => `/api/claims/${claim.id}`);
