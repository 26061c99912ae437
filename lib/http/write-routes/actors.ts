// POST /api/actors: create an actor (with its name variants in any script). Analysts.
import { createActor } from '../../data/actors/write-actor';
import { createRoute } from './shared';

export const POST = createRoute(createActor, (actor) => `/api/actors/${actor.slug}`);
