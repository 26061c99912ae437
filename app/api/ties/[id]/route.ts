// GET /api/ties/{id}: one tie as JSON, with every claim, its sources, the dispute reasons and visible notes.
import { NextResponse } from 'next/server';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { getTie } from '@/lib/data/ties/get-tie';
import { handle } from '@/lib/http/errors';

export const dynamic = 'force-dynamic';

export const GET = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  return NextResponse.json(await getTie(await currentPrincipal(), { id: (await params).id }));
});

export { PATCH, DELETE } from '@/lib/http/write-routes/tie';
