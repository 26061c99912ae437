// GET /api/sources/{id}: one source as JSON with every live claim it supports, across ties and actors.
import { NextResponse } from 'next/server';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { getSource } from '@/lib/data/sources/get-source';
import { deleteSource, updateSource } from '@/lib/data/sources/write-source';
import { handle } from '@/lib/http/errors';
import { deleteRoute, updateRoute } from '@/lib/http/record-handlers';

export const dynamic = 'force-dynamic';

export const GET = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  return NextResponse.json(await getSource(await currentPrincipal(), { id: (await params).id }));
});

// PATCH, DELETE: change or soft-delete a source (with the claims citing it) at the version in
// If-Match. Analysts.
export const PATCH = updateRoute<{ id: string }, Awaited<ReturnType<typeof updateSource>>>('id', updateSource);
export const DELETE = deleteRoute<{ id: string }>('id', deleteSource);
