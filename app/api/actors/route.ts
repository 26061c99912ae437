// GET /api/actors: the actor index as JSON; ?q= searches every name variant, kind/faction/sort/dir as on /actors.
import { NextResponse } from 'next/server';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { findActors } from '@/lib/data/actors/find-actors';
import { handle, searchParamsObject } from '@/lib/http/errors';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  return NextResponse.json(await findActors(await currentPrincipal(), searchParamsObject(request.url)));
});

export { POST } from '@/lib/http/write-routes/actors';
