// GET /api/actors/{slug}: one actor's profile as JSON (names, ties with grades and disputes, claims, sources, visible notes).
import { NextResponse } from 'next/server';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { getActorProfile } from '@/lib/data/actors/get-actor-profile';
import { handle } from '@/lib/http/errors';

export const dynamic = 'force-dynamic';

export const GET = handle(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  return NextResponse.json(await getActorProfile(await currentPrincipal(), { slug: (await params).slug }));
});

export { PATCH, DELETE } from '@/lib/http/write-routes/actor';
