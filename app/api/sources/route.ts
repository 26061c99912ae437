// GET /api/sources: every source as JSON with the claims it supports; ?q= (title, author, publisher) and ?reliability=A–F narrow it.
import { NextResponse } from 'next/server';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { findSources } from '@/lib/data/sources/find-sources';
import { handle, searchParamsObject } from '@/lib/http/errors';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  return NextResponse.json({ sources: await findSources(await currentPrincipal(), searchParamsObject(request.url)) });
});

export { POST } from '@/lib/http/write-routes/sources';
