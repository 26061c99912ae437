// POST /api/graph/report-sources: the sources behind the ties a map view draws, for its
// report-ready exports: { sourceCount, firstSources: { tieId: { title, publisher, url, published,
// grade } | null } }. A read, posted because a view's tie ids do not fit in an address; it changes nothing.
import { currentPrincipal } from '@/lib/auth/current-principal';
import { AppError } from '@/lib/data/errors';
import { loadReportSources } from '@/lib/data/network/load-report-sources';
import { handle } from '@/lib/http/errors';
import { jsonRead } from '@/lib/http/json-read';
import { readBoundedText } from '@/lib/http/read-bounded-text';
import { assertSameOrigin } from '@/lib/http/same-origin';

export const dynamic = 'force-dynamic';

/** 50,000 ids of up to ~30 characters, quoted and comma-separated, with room. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export const POST = handle(async (request: Request) => {
  assertSameOrigin(request);
  const text = await readBoundedText(request, MAX_BODY_BYTES, 'The list of ties is too long (at most 2 MB)');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('invalid', 'The body is not valid JSON: send { "tieIds": [ … ] }');
  }
  return jsonRead({ data: await loadReportSources(await currentPrincipal(), body as { tieIds: string[] }) });
});
