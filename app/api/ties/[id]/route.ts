// GET /api/ties/{id}: one tie as JSON, with every claim, its sources, the dispute reasons and visible notes.
import { NextResponse } from 'next/server';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { getTie } from '@/lib/data/ties/get-tie';
import { deleteTie, updateTie } from '@/lib/data/ties/write-tie';
import { handle } from '@/lib/http/errors';
import { deleteRoute, updateRoute } from '@/lib/http/record-handlers';

export const dynamic = 'force-dynamic';

export const GET = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  return NextResponse.json(await getTie(await currentPrincipal(), { id: (await params).id }));
});

// PATCH, DELETE: change or soft-delete a tie (with its claims and notes) at the version in
// If-Match. Analysts.
export const PATCH = updateRoute<{ id: string }, Awaited<ReturnType<typeof updateTie>>>('id', updateTie);
export const DELETE = deleteRoute<{ id: string }>('id', deleteTie);
