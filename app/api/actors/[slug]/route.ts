// GET /api/actors/{slug}: one actor's profile as JSON (names, ties with grades and disputes, claims, sources, visible notes);
// its version is in the body and in the ETag, which PATCH and DELETE name back in If-Match.
import { getActorProfile } from '@/lib/data/actors/get-actor-profile';
import { deleteActor, updateActor } from '@/lib/data/actors/write-actor';
import { mergedInto } from '@/lib/data/actors/merge-actors';
import { deleteRoute, readRoute, updateRoute, type RouteContext } from '@/lib/http/record-handlers';

export const dynamic = 'force-dynamic';

const readProfile = readRoute<{ slug: string }>('slug', (principal, slug) => getActorProfile(principal, { slug }));

// The slug of an actor merged into another answers 308 with the address of the actor it became.
export async function GET(request: Request, context: RouteContext<{ slug: string }>): Promise<Response> {
  const response = await readProfile(request, context);
  if (response.status !== 404) return response;
  const to = await mergedInto((await context.params).slug);
  if (!to) return response;
  return new Response(null, { status: 308, headers: { Location: new URL(`/api/actors/${to}`, request.url).toString(), 'Cache-Control': 'no-store' } });
}

// PATCH, DELETE: change or soft-delete an actor (with its ties, claims and notes) at the version
// in If-Match. Analysts.
export const PATCH = updateRoute<{ slug: string }, Awaited<ReturnType<typeof updateActor>>>('slug', updateActor);
export const DELETE = deleteRoute<{ slug: string }>('slug', deleteActor);
