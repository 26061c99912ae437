// Inputs for reading actors: the actor index (page and GET /api/actors) and one profile.
import { z } from 'zod';
import { ACTOR_KINDS, FACTIONS } from '../domain/vocabulary';
import { hasLoneSurrogate, LONE_SURROGATE_MESSAGE, slugSchema } from './common';
import { blankAsAbsent } from './shared-queries';

export const ACTOR_SORTS = ['name', 'kind', 'faction', 'ties'] as const;
export type ActorSort = (typeof ACTOR_SORTS)[number];
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** How many actors a search returns unless asked for fewer or more. */
export const SEARCH_LIMIT = 50;
export const MAX_SEARCH_LIMIT = 200;

export const findActorsSchema = z.strictObject({
  /** Any name variant in any script; case, diacritics and apostrophes do not matter. */
  q: z.preprocess(blankAsAbsent, z.string().trim().max(200, 'Search text is at most 200 characters').refine((q) => !hasLoneSurrogate(q), LONE_SURROGATE_MESSAGE).optional()),
  kind: z.preprocess(blankAsAbsent, z.enum(ACTOR_KINDS, { error: `must be one of ${ACTOR_KINDS.join(', ')}` }).optional()),
  faction: z.preprocess(blankAsAbsent, z.enum(FACTIONS, { error: `must be one of ${FACTIONS.join(', ')}` }).optional()),
  /** Absent: by relevance when searching, else by name. */
  sort: z.preprocess(blankAsAbsent, z.enum(ACTOR_SORTS, { error: `must be one of ${ACTOR_SORTS.join(', ')}` }).optional()),
  /** Absent: the column's natural order (most ties first, everything else A to Z). */
  dir: z.preprocess(blankAsAbsent, z.enum(SORT_DIRECTIONS, { error: 'must be "asc" or "desc"' }).optional()),
  /** A search returns its best matches only: this many (absent: SEARCH_LIMIT). Ignored without q. */
  limit: z.preprocess(blankAsAbsent, z.coerce.number().int('must be a whole number').min(1, 'must be 1 or more').max(MAX_SEARCH_LIMIT, `must be at most ${MAX_SEARCH_LIMIT}`).optional()),
});
export type FindActorsInput = z.input<typeof findActorsSchema>;
export type FindActorsQuery = z.output<typeof findActorsSchema>;

export const FIND_ACTORS_PARAM_NAMES = Object.keys(findActorsSchema.shape) as (keyof FindActorsQuery)[];

/** The direction a column sorts in when its header is first clicked. */
export function defaultDirection(sort: ActorSort): SortDirection {
  return sort === 'ties' ? 'desc' : 'asc';
}

export const getActorProfileSchema = z.strictObject({ slug: slugSchema });
export type GetActorProfileInput = z.input<typeof getActorProfileSchema>;
