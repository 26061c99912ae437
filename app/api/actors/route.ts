// GET /api/actors: the actor index as JSON; ?q= searches every name variant, kind/faction/sort/dir as on /actors.
import { currentPrincipal } from '@/lib/auth/current-principal';
import { findActors } from '@/lib/data/actors/find-actors';
import { createActor } from '@/lib/data/actors/write-actor';
import { handle } from '@/lib/http/errors';
import { jsonRead } from '@/lib/http/json-read';
import { searchParamsObject } from '@/lib/validation/shared-queries';
import { createRoute } from '@/lib/http/record-handlers';

export const dynamic = 'force-dynamic';

export const GET = handle(async (request: Request) => {
  return jsonRead(await findActors(await currentPrincipal(), searchParamsObject(request.url)));
});

// POST: create an actor (with its name variants in any script). Analysts.
export const POST = createRoute(createActor, (actor) => `/api/actors/${actor.slug}`);
