// GET /api/actors/{slug}: one actor's profile as JSON (names, ties with grades and disputes, claims, sources, visible notes);
// its version is in the body and in the ETag, which PATCH and DELETE name back in If-Match.
import { getActorProfile } from '@/lib/data/actors/get-actor-profile';
import { deleteActor, updateActor } from '@/lib/data/actors/write-actor';
import { deleteRoute, readRoute, updateRoute } from '@/lib/http/record-handlers';

export const dynamic = 'force-dynamic';

export const GET = readRoute<{ slug: string }>('slug', (principal, slug) => getActorProfile(principal, { slug }));

// PATCH, DELETE: change or soft-delete an actor (with its ties, claims and notes) at the version
// in If-Match. Analysts.
export const PATCH = updateRoute<{ slug: string }, Awaited<ReturnType<typeof updateActor>>>('slug', updateActor);
export const DELETE = deleteRoute<{ slug: string }>('slug', deleteActor);
