// POST /api/duplicates/judgements: an analyst's verdict on a pair ({ a, b, verdict: same | different |
// unsure, reason }); changing a judged pair needs its version in If-Match. 200 with the judgement
// and its ETag. Analysts.
import { currentPrincipal } from '@/lib/auth/current-principal';
import { judgePair } from '@/lib/data/actors/merge-judgements';
import { AppError } from '@/lib/data/errors';
import { handle } from '@/lib/http/errors';
import { parseIfMatch } from '@/lib/http/etag';
import { readJsonObject, recordResponse } from '@/lib/http/record-handlers';
import { revalidateAfterChange } from '@/lib/http/revalidate';
import { assertSameOrigin } from '@/lib/http/same-origin';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request) => {
  assertSameOrigin(request);
  const principal = await currentPrincipal();
  const body = await readJsonObject(request);
  if ('version' in body) throw new AppError('invalid', 'version: send the version in the If-Match header, not in the body');
  const version = parseIfMatch(request);
  const judgement = await judgePair(principal, version === null ? body : { ...body, version });
  revalidateAfterChange();
  return recordResponse({ ...judgement });
});
