// GET /api/actors/{slug}: one actor's profile as JSON (names, ties with grades and disputes, claims, sources, visible notes).
import { NextResponse } from 'next/server';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { getActorProfile } from '@/lib/data/actors/get-actor-profile';
import { deleteActor, updateActor } from '@/lib/data/actors/write-actor';
import { handle } from '@/lib/http/errors';
import { deleteRoute, updateRoute } from '@/lib/http/record-handlers';

export const dynamic = 'force-dynamic';

export const GET = handle(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  return NextResponse.json(await getActorProfile(await currentPrincipal(), { slug: (await params).slug }));
});

// PATCH, DELETE: change or soft-delete an actor (with its ties, claims and notes) at the version
// in If-Match. Analysts.
export const PATCH = updateRoute<{ slug: string }, Awaited<ReturnType<typeof updateActor>>>('slug', updateActor);
export const DELETE = deleteRoute<{ slug: string }>('slug', deleteActor);
