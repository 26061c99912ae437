// Inputs of the review table (/review, GET and POST /api/claims/review): which claims to list,
// and one change applied to many of them at once with a single reason.
import { z } from 'zod';
import { CLAIM_STATUSES, TIE_TYPES, type ClaimStatus, type TieType } from '../domain/vocabulary';
import { credibilitySchema, recordIdSchema, requiredTextSchema } from './common';
import { blankAsAbsent } from './shared-queries';

/** Rows one page of the table shows, and claims one change may touch. */
export const REVIEW_PAGE_SIZE = 200;
export const MAX_REVIEW_BATCH = 500;

export const REVIEW_SORTS = ['tie', 'source', 'credibility', 'type'] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

export const findReviewClaimsSchema = z.strictObject({
  status: z.preprocess(blankAsAbsent, z.enum(CLAIM_STATUSES, { error: `must be one of ${CLAIM_STATUSES.join(', ')}` }).default('needs_review')),
  /** Only claims citing this source. */
  source: z.preprocess(blankAsAbsent, recordIdSchema.optional()),
  /** Only claims about ties of this type. */
  type: z.preprocess(blankAsAbsent, z.enum(TIE_TYPES, { error: 'must be a tie type' }).optional()),
  sort: z.preprocess(blankAsAbsent, z.enum(REVIEW_SORTS, { error: `must be one of ${REVIEW_SORTS.join(', ')}` }).default('tie')),
});
export type FindReviewClaimsInput = z.input<typeof findReviewClaimsSchema>;
export type FindReviewClaimsQuery = z.output<typeof findReviewClaimsSchema>;

/** What to do to every chosen claim. Reject deletes the claim (restorable from its history). */
export const reviewChangeSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('accept') }),
    z.strictObject({ action: z.literal('dispute') }),
    z.strictObject({ action: z.literal('reject') }),
    z.strictObject({ action: z.literal('regrade'), credibility: credibilitySchema }),
    /** Changes the type of the ties the chosen claims are about. */
    z.strictObject({ action: z.literal('retype'), type: z.enum(TIE_TYPES, { error: 'Choose a tie type' }) }),
  ],
  { error: 'Choose what to do: accept, dispute, reject, regrade or retype' },
);
export type ReviewChange = z.output<typeof reviewChangeSchema>;
export type ReviewAction = ReviewChange['action'];

export const reviewClaimsSchema = z.strictObject({
  /** Each claim with the version the reviewer saw: a claim changed since refuses the whole batch. */
  claims: z
    .array(z.strictObject({ id: recordIdSchema, version: z.number().int().min(1) }))
    .min(1, 'Choose at least one claim')
    .max(MAX_REVIEW_BATCH, `At most ${MAX_REVIEW_BATCH} claims at once`)
    .refine((claims) => new Set(claims.map((c) => c.id)).size === claims.length, 'A claim is named twice'),
  change: reviewChangeSchema,
  /** Said once for the batch; every revision of it records it. */
  reason: requiredTextSchema(500, 'Reason'),
});
export type ReviewClaimsInput = z.input<typeof reviewClaimsSchema>;

export interface ReviewClaimRow {
  id: string;
  version: number;
  quote: string;
  credibility: number;
  status: ClaimStatus;
  source: { id: string; title: string; reliability: string };
  /** The tie the claim is about (with the version a retype is made against), or null for an actor fact. */
  tie: { id: string; version: number; type: TieType; role: string; source: string; target: string } | null;
  /** The actor whose fact it supports, for actor claims. */
  actor: { slug: string; name: string; fact: string } | null;
}

export interface ReviewClaimsPage {
  rows: ReviewClaimRow[];
  /** Every claim the filter matches; the page holds at most REVIEW_PAGE_SIZE of them. */
  total: number;
  /** The sources cited by claims of this status, for the filter. */
  sources: { id: string; title: string }[];
}

export interface ReviewResult {
  action: ReviewAction;
  claims: number;
  /** Ties whose type changed (retype only). */
  ties: number;
}

export const REVIEW_ACTION_LABELS: Record<ReviewAction, string> = {
  accept: 'Accept',
  dispute: 'Mark disputed',
  reject: 'Reject (delete)',
  regrade: 'Regrade credibility',
  retype: 'Change tie type',
};

/** The sentence the table shows after a batch. */
export function reviewResultMessage(result: ReviewResult): string {
  const n = `${result.claims} claim${result.claims === 1 ? '' : 's'}`;
  switch (result.action) {
    case 'accept':
      return `Accepted ${n}`;
    case 'dispute':
      return `Marked ${n} disputed`;
    case 'reject':
      return `Rejected ${n}`;
    case 'regrade':
      return `Regraded ${n}`;
    case 'retype':
      return `Changed the type of ${result.ties} tie${result.ties === 1 ? '' : 's'} (${n})`;
  }
}

/**
 * The review form's fields as reviewClaimsSchema's input: each chosen row is a `claim` field
 * "<id>@<version>"; the change's own field (credibility or type) only for the change that has one.
 */
export function reviewFormInput(formData: FormData): ReviewClaimsInput {
  const claims = formData.getAll('claim').map((value) => {
    const text = String(value);
    const at = text.lastIndexOf('@');
    return { id: text.slice(0, at), version: Number(text.slice(at + 1)) };
  });
  const action = String(formData.get('action') ?? '');
  const change =
    action === 'regrade'
      ? { action, credibility: Number(formData.get('credibility')) }
      : action === 'retype'
        ? { action, type: String(formData.get('type') ?? '') }
        : { action };
  return { claims, change, reason: String(formData.get('reason') ?? '') } as ReviewClaimsInput;
}
