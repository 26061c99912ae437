// Inputs of duplicate matching (/duplicates, GET /api/duplicates, POST /api/duplicates/judgements,
// POST /api/actors/merge and the unmerge): which candidates to list, an analyst's judgement on a
// pair, and which actors to merge into which.
import { z } from 'zod';
import { VERDICTS } from '../graph/duplicate-judgements';
import { slugSchema } from './common';
import { blankAsAbsent } from './shared-queries';

/** Candidates one answer lists at most (the best ones). */
export const MAX_DUPLICATE_LIMIT = 500;

export const findDuplicatesSchema = z.strictObject({
  limit: z.preprocess(blankAsAbsent, z.coerce.number().int().min(1).max(MAX_DUPLICATE_LIMIT).default(100)),
  /** Only pairs with this actor. */
  actor: z.preprocess(blankAsAbsent, slugSchema.optional()),
  /**
   * Only pairs with an actor the import at this time touched (wrote, or tied, or cited): the
   * import's result links here with the time its revisions carry.
   */
  import: z.preprocess(blankAsAbsent, z.iso.datetime({ offset: true, error: 'import: the time of an import, as its result gives it' }).optional()),
  /** Also list the pairs analysts judged different (normally left out). */
  judged: z.preprocess(blankAsAbsent, z.enum(['hide', 'show']).default('hide')),
});
export type FindDuplicatesInput = z.input<typeof findDuplicatesSchema>;

const reasonSchema = z.string().trim().max(500, 'at most 500 characters').default('');

export const judgePairSchema = z.strictObject({
  a: slugSchema,
  b: slugSchema,
  verdict: z.enum(VERDICTS, { error: `must be one of ${VERDICTS.join(', ')}` }),
  reason: reasonSchema,
  /** The judgement's version the analyst saw; absent when the pair was not judged yet. */
  version: z.coerce.number().int().min(1).optional(),
});
export type JudgePairInput = z.input<typeof judgePairSchema>;

/** The judgement form's fields as judgePair reads them (version blank when the pair was not judged). */
export function judgementFormInput(formData: FormData): JudgePairInput {
  const version = String(formData.get('version') ?? '').trim();
  return {
    a: String(formData.get('a') ?? ''),
    b: String(formData.get('b') ?? ''),
    verdict: String(formData.get('verdict') ?? '') as JudgePairInput['verdict'],
    reason: String(formData.get('reason') ?? ''),
    ...(version ? { version } : {}),
  } as JudgePairInput;
}

export const VERDICT_LABELS = { same: 'The same actor', different: 'Different actors', unsure: 'Unsure' } as const;

/** Merging actors into the one in the address (its version in If-Match): each other actor with the version the analyst saw. */
export const mergeActorsSchema = z.strictObject({
  version: z.coerce.number().int().min(1),
  actors: z
    .array(z.strictObject({ slug: slugSchema, version: z.coerce.number().int().min(1) }), { error: 'actors: a list of { slug, version }' })
    .min(1, 'Choose at least one actor to merge into this one'),
  reason: reasonSchema,
});
export type MergeActorsInput = z.input<typeof mergeActorsSchema>;

export const unmergeActorsSchema = z.strictObject({
  version: z.coerce.number().int().min(1),
  reason: reasonSchema,
});

/** The merge form: the actor kept (`into`), and every actor offered as `actor` = "slug@version". */
export function mergeFormInput(formData: FormData): { into: string; input: MergeActorsInput } {
  const into = String(formData.get('into') ?? '');
  const offered = formData.getAll('actor').map((value) => {
    const [slug, version] = String(value).split('@');
    return { slug: slug ?? '', version: Number(version) };
  });
  const kept = offered.find((a) => a.slug === into);
  return { into, input: { version: kept?.version ?? 0, actors: offered.filter((a) => a.slug !== into), reason: String(formData.get('reason') ?? '') } };
}
