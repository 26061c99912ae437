// /review: claims that need review (or any status), filtered by source and tie type, sorted, and
// changed many at a time: accept, mark disputed, reject, regrade or change the tie type, with one
// reason recorded in every claim's history. Analysts. The filter is a plain GET form.
import type { Metadata } from 'next';
import Link from 'next/link';
import { editor, NotAllowed } from '@/app/_editing/guard';
import { plural } from '@/components/profile/format';
import styles from '@/components/profile/profile.module.css';
import { pickParams } from '@/components/profile/query-links';
import { ReviewTable } from '@/components/review/review-table';
import { findClaimsForReview } from '@/lib/data/claims/review-claims';
import { AppError } from '@/lib/data/errors';
import { CLAIM_STATUSES, TIE_TYPE_INFO, TIE_TYPES } from '@/lib/domain/vocabulary';
import { findReviewClaimsSchema, REVIEW_PAGE_SIZE, REVIEW_SORTS, type ReviewClaimsPage } from '@/lib/validation/claim-review';
import { reviewClaimsAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Review claims' };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const STATUS_LABELS = { needs_review: 'Needs review', disputed: 'Disputed', accepted: 'Accepted' } as const;
const SORT_LABELS = { tie: 'Tie', source: 'Source', credibility: 'Credibility (least sure first)', type: 'Tie type' } as const;

export default async function ReviewPage({ searchParams }: Props) {
  const principal = await editor();
  if (!principal) return <NotAllowed what="Review claims" returnTo="/review" />;
  const params = pickParams(await searchParams, Object.keys(findReviewClaimsSchema.shape));
  let error: string | null = null;
  let page: ReviewClaimsPage;
  try {
    page = await findClaimsForReview(principal, params);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'invalid') throw e;
    error = e.message;
    page = await findClaimsForReview(principal, {});
  }
  const query = error ? findReviewClaimsSchema.parse({}) : findReviewClaimsSchema.parse(params);

  return (
    <div className="page">
      <h1>Review claims</h1>
      <p className="muted">
        Claims an import or an analyst marked for review. Choose rows (arrow keys move between them, Space chooses, Shift-click chooses a
        range), then apply one change to all of them with one reason; each claim&apos;s history records it.
      </p>
      <form method="get" action="/review" className={styles.filters} role="search" aria-label="Filter claims">
        <div className={styles.field}>
          <label htmlFor="review-status">Status</label>
          <select id="review-status" name="status" defaultValue={query.status}>
            {CLAIM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor="review-source">Source</label>
          <select id="review-source" name="source" defaultValue={query.source ?? ''}>
            <option value="">Any</option>
            {page.sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor="review-type">Tie type</label>
          <select id="review-type" name="type" defaultValue={query.type ?? ''}>
            <option value="">Any</option>
            {TIE_TYPES.map((t) => (
              <option key={t} value={t}>
                {TIE_TYPE_INFO[t].label}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor="review-sort">Sort by</label>
          <select id="review-sort" name="sort" defaultValue={query.sort}>
            {REVIEW_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Show claims</button>
        <Link href="/review">Clear</Link>
      </form>
      {error ? (
        <p className={styles.error} role="alert">
          {error}. Showing claims that need review instead.
        </p>
      ) : null}
      <p className={styles.count}>
        {plural(page.total, 'claim')} {query.status === 'needs_review' ? (page.total === 1 ? 'needs review' : 'need review') : STATUS_LABELS[query.status].toLowerCase()}
        {page.total > page.rows.length ? `; the first ${REVIEW_PAGE_SIZE} are shown` : ''}.
      </p>
      <ReviewTable rows={page.rows} action={reviewClaimsAction} />
    </div>
  );
}
