// /duplicates: pairs of actors that may be one actor, best first, each with why it was suggested
// (and what speaks against it), what analysts judged of it or what their other judgements imply,
// a form to judge it and, once judged the same, the way to merge. ?actor= and ?import= (the time an
// import's result links with) narrow it to one actor's pairs or to the actors one import touched. Analysts.
import type { Metadata } from 'next';
import Link from 'next/link';
import { editor, NotAllowed } from '@/app/_editing/guard';
import { JudgementForm } from '@/components/duplicates/judgement-form';
import styles from '@/components/duplicates/duplicates.module.css';
import { plural } from '@/components/profile/format';
import { pickParams } from '@/components/profile/query-links';
import { findDuplicateCandidates } from '@/lib/data/actors/find-duplicate-candidates';
import { findRecentMerges } from '@/lib/data/actors/merge-actors';
import { AppError } from '@/lib/data/errors';
import type { DuplicateCandidateDto, DuplicatesPage } from '@/lib/domain/duplicate-responses';
import { findDuplicatesSchema, VERDICT_LABELS } from '@/lib/validation/duplicates';
import { judgePairAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Possible duplicates' };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

function Judged({ pair }: { pair: DuplicateCandidateDto }) {
  const { judgement, inferred } = pair;
  if (judgement) {
    return (
      <p className={styles.judged}>
        Judged <strong>{VERDICT_LABELS[judgement.verdict].toLowerCase()}</strong> by {judgement.by ?? 'the system'} on {when(judgement.at)} UTC
        {judgement.reason ? `: “${judgement.reason}”` : ''}
      </p>
    );
  }
  if (inferred) {
    return (
      <p className={styles.judged}>
        Inferred <strong>{inferred.verdict === 'same' ? 'the same actor' : 'different actors'}</strong> from judgements through{' '}
        {inferred.via.map((v, i) => (
          <span key={v.slug}>
            {i ? ', ' : ''}
            <Link href={`/actors/${v.slug}`}>{v.name}</Link>
          </span>
        ))}
      </p>
    );
  }
  return null;
}

export default async function DuplicatesPage({ searchParams }: Props) {
  const principal = await editor();
  if (!principal) return <NotAllowed what="Possible duplicates" returnTo="/duplicates" />;
  const params = pickParams(await searchParams, Object.keys(findDuplicatesSchema.shape));
  let page: DuplicatesPage;
  let error: string | null = null;
  try {
    page = await findDuplicateCandidates(principal, params);
  } catch (e) {
    if (!(e instanceof AppError) || (e.code !== 'invalid' && e.code !== 'not_found')) throw e;
    error = e.message;
    page = await findDuplicateCandidates(principal, {});
  }
  const merges = await findRecentMerges(principal);
  return (
    <div className="page">
      <h1>Possible duplicates</h1>
      <p className="muted">
        Pairs of actors that may be one actor written twice: their names coincide in some script or transliteration, share words, or one is the
        other&apos;s initials, and something besides the names agrees (ties to the same actors, the same posts, the same birth or founding date). A
        name alone never makes a pair. Judge each pair; the next analyst sees your judgement, and pairs it makes different are not suggested again.
      </p>
      {error ? (
        <p role="alert">
          {error}. Showing every pair instead.
        </p>
      ) : null}
      {params.import && !error ? (
        <p role="note">
          Only pairs with an actor the import of {when(String(params.import))} UTC touched. <Link href="/duplicates">Show every pair</Link>
        </p>
      ) : null}
      <p>
        {plural(page.total, 'pair')} to look at{page.total > page.candidates.length ? `; the best ${page.candidates.length} are shown` : ''}.
      </p>
      {page.candidates.map((pair) => {
        const title = `${pair.a.name} and ${pair.b.name}`;
        const same = pair.judgement ? pair.judgement.verdict === 'same' : pair.inferred?.verdict === 'same';
        return (
          <section key={`${pair.a.slug} ${pair.b.slug}`} aria-label={title} className={styles.pair}>
            <h2>
              <Link href={`/actors/${pair.a.slug}`}>{pair.a.name}</Link> and <Link href={`/actors/${pair.b.slug}`}>{pair.b.name}</Link>
            </h2>
            <p className={styles.score}>
              Score {pair.score.toFixed(2)} · {pair.a.kind} and {pair.b.kind}
            </p>
            <h3 className="visually-hidden">Why they were suggested</h3>
            <ul className={styles.reasons} aria-label={`Why ${title} were suggested`}>
              {pair.reasons.map((r) => (
                <li key={r.code} className={r.weight < 0 ? styles.against : undefined}>
                  {r.weight < 0 ? 'Against: ' : ''}
                  {r.text}
                </li>
              ))}
            </ul>
            <Judged pair={pair} />
            <JudgementForm a={pair.a} b={pair.b} judgement={pair.judgement} action={judgePairAction} />
            {same ? (
              <p className={styles.actions}>
                <Link href={`/duplicates/merge?actors=${pair.a.slug},${pair.b.slug}`}>Merge {title}</Link>
              </p>
            ) : null}
          </section>
        );
      })}
      {page.candidates.length === 0 ? <p>No possible duplicates right now.</p> : null}
      {merges.length ? (
        <section aria-label="Recent merges">
          <h2>Recent merges</h2>
          <ul>
            {merges.map((m) => (
              <li key={m.id}>
                <Link href={`/duplicates/merges/${m.id}`}>
                  {m.summary.merged.map((x) => x.name).join(', ')} into {m.summary.into.name}
                </Link>{' '}
                <span className="muted">
                  by {m.by ?? 'the system'} on {when(m.createdAt)} UTC{m.undoneAt ? ', undone' : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
