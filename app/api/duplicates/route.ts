// GET /api/duplicates?limit=&actor=&import=&judged=: pairs of actors that may be one actor, best first, each
// with the reasons it was suggested, its judgement and what other judgements imply; import= (an import's
// time, from its result) keeps the pairs with an actor that import touched. Analysts.
import { currentPrincipal } from '@/lib/auth/current-principal';
import { findDuplicateCandidates } from '@/lib/data/actors/find-duplicate-candidates';
import { handle } from '@/lib/http/errors';
import { jsonRead } from '@/lib/http/json-read';
import { searchParamsRecord } from '@/lib/validation/shared-queries';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  const page = await findDuplicateCandidates(await currentPrincipal(), searchParamsRecord(new URL(request.url).searchParams));
  return jsonRead({ data: page });
});
