// GET /api/sources: every source as JSON with the claims it supports; ?q= (title, author, publisher) and ?reliability=A–F narrow it.
import { currentPrincipal } from '@/lib/auth/current-principal';
import { findSources } from '@/lib/data/sources/find-sources';
import { createSource } from '@/lib/data/sources/write-source';
import { handle } from '@/lib/http/errors';
import { jsonRead } from '@/lib/http/json-read';
import { searchParamsObject } from '@/lib/validation/shared-queries';
import { createRoute } from '@/lib/http/record-handlers';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  return jsonRead({ sources: await findSources(await currentPrincipal(), searchParamsObject(request.url)) });
});

// POST: add a source with its reliability grade (A–F). Analysts.
export const POST = createRoute(createSource, (source) => `/api/sources/${source.id}`);
