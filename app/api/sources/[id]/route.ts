// GET /api/sources/{id}: one source as JSON with every live claim it supports, across ties and actors.
import { NextResponse } from 'next/server';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { getSource } from '@/lib/data/sources/get-source';
import { handle } from '@/lib/http/errors';

export const dynamic = 'force-dynamic';

export const GET = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  return NextResponse.json(await getSource(await currentPrincipal(), { id: (await params).id }));
});

export { PATCH, DELETE } from '@/lib/http/write-routes/source';
