// POST /api/actors/{slug}/merge: merge other actors into this one ({ actors: [{ slug, version }],
// reason }, this actor's version in If-Match): their ties, claims, notes and names move here,
// ties between them are dropped, duplicate ties combined, their slugs redirect here. 200 with the
// merge (GET /api/merges/{id}) and its ETag. Analysts.
import { mergeActors, type MergeRecord } from '@/lib/data/actors/merge-actors';
import { updateRoute } from '@/lib/http/record-handlers';

export const dynamic = 'force-dynamic';

export const POST = updateRoute<{ slug: string }, MergeRecord>('slug', mergeActors);
