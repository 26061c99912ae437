// Every source with its reliability grade and what it supports, narrowed by words and grade.
// A plain GET form, so it works without JavaScript.
import type { Metadata } from 'next';
import Link from 'next/link';
import { ReliabilityBadge } from '@/components/grade-badge';
import { PartialDateText } from '@/components/partial-date';
import { plural } from '@/components/profile/format';
import styles from '@/components/profile/profile.module.css';
import { pickParams } from '@/components/profile/query-links';
import { ClaimSubject } from '@/components/profile/source-claim';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { AppError } from '@/lib/data/errors';
import { findSources } from '@/lib/data/sources/find-sources';
import { RELIABILITY_GRADES } from '@/lib/domain/vocabulary';
import { findSourcesSchema } from '@/lib/validation/source-queries';
import { reliabilityLabel } from '@/lib/domain/grade';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sources' };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SourcesPage({ searchParams }: Props) {
  const principal = await currentPrincipal();
  const params = pickParams(await searchParams, Object.keys(findSourcesSchema.shape));
  let error: string | null = null;
  let sources;
  try {
    sources = await findSources(principal, params);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'invalid') throw e;
    error = e.message;
    sources = await findSources(principal, {});
  }
  const filtered = !error && Boolean(params.q || params.reliability);

  return (
    <div className="page">
      <h1>Sources</h1>
      <p className="muted">
        Every source behind Powermap&apos;s claims, with its reliability on the NATO Admiralty scale (A completely reliable to F cannot be
        judged) and the claims it supports.
      </p>

      <form method="get" action="/sources" className={styles.filters} role="search" aria-label="Filter sources">
        <div className={styles.field}>
          <label htmlFor="sources-q">Title, author or publisher</label>
          <input id="sources-q" type="search" name="q" defaultValue={error ? '' : (params.q ?? '')} />
        </div>
        <div className={styles.field}>
          <label htmlFor="sources-reliability">Reliability</label>
          <select id="sources-reliability" name="reliability" defaultValue={error ? '' : (params.reliability ?? '')}>
            <option value="">Any</option>
            {RELIABILITY_GRADES.map((r) => (
              <option key={r} value={r}>
                {r} · {reliabilityLabel(r)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Show sources</button>
        {filtered ? <Link href="/sources">Clear</Link> : null}
      </form>

      {error ? (
        <p className={styles.error} role="alert">
          {error}. Showing every source instead.
        </p>
      ) : null}
      <p className={styles.count} role="status">
        {plural(sources.length, 'source')}
        {filtered ? ' match' : ''}.
      </p>

      {sources.length > 0 ? (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col" className={styles.hideNarrow}>
                  Published
                </th>
                <th scope="col">Reliability</th>
                <th scope="col">What it supports</th>
              </tr>
            </thead>
            <tbody>
              {sources.map((source) => (
                <tr key={source.id}>
                  <td>
                    <Link href={`/sources/${source.id}`}>{source.title}</Link>
                    <span className={styles.matched}>{[source.author, source.publisher].filter(Boolean).join(' · ')}</span>
                  </td>
                  <td className={styles.hideNarrow}>
                    <PartialDateText date={source.published} />
                  </td>
                  <td>
                    <ReliabilityBadge reliability={source.reliability} />
                  </td>
                  <td>
                    {source.claimCount === 0 ? (
                      <span className="muted">no live claims</span>
                    ) : (
                      <details className={styles.details}>
                        <summary>{plural(source.claimCount, 'claim')}</summary>
                        <ul className={styles.plainList}>
                          {source.claims.map((claim) => (
                            <li key={claim.id}>
                              <ClaimSubject subject={claim.subject} claimId={claim.id} />{' '}
                              <Link href={`/sources/${source.id}#claim-${claim.id}`} aria-label={`Claim ${claim.id}, graded ${claim.grade}`}>
                                {claim.grade}
                              </Link>
                            </li>
                          ))}
                        </ul>
                        {source.claimCount > source.claims.length ? (
                          <p>
                            The first {source.claims.length}: <Link href={`/sources/${source.id}`}>all {source.claimCount} on the source&apos;s page</Link>.
                          </p>
                        ) : null}
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
