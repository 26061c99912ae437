// GET /api/review/claims?status=&source=&type=&sort=: claims by status (needs review by default),
// at most 200, with the total. POST: one change to many claims ({ claims: [{ id, version }],
// change: { action, … }, reason }), all or none. Analysts.
import { currentPrincipal } from '@/lib/auth/current-principal';
import { findClaimsForReview, reviewClaims } from '@/lib/data/claims/review-claims';
import { handle } from '@/lib/http/errors';
import { jsonRead } from '@/lib/http/json-read';
import { readJsonObject } from '@/lib/http/record-handlers';
import { revalidateAfterChange } from '@/lib/http/revalidate';
import { assertSameOrigin } from '@/lib/http/same-origin';
import { searchParamsRecord } from '@/lib/validation/shared-queries';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const page = await findClaimsForReview(await currentPrincipal(), searchParamsRecord(new URL(request.url).searchParams));
  return jsonRead({ data: page });
});

export const POST = handle(async (request: Request) => {
  assertSameOrigin(request);
  const principal = await currentPrincipal();
  const result = await reviewClaims(principal, await readJsonObject(request));
  revalidateAfterChange();
  return Response.json({ result }, { headers: { 'Cache-Control': 'no-store' } });
});
