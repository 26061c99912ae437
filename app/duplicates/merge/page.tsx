// /duplicates/merge?actors=a,b: merge actors judged the same into one. The analyst picks the actor
// kept; the others' ties, claims, notes and names move to it and their slugs lead to it. Analysts.
import type { Metadata } from 'next';
import Link from 'next/link';
import { editor, NotAllowed } from '@/app/_editing/guard';
import { ActionForm } from '@/components/duplicates/action-form';
import styles from '@/components/duplicates/duplicates.module.css';
import { plural } from '@/components/profile/format';
import { readActorsToMerge } from '@/lib/data/actors/merge-actors';
import { mergeActorsAction } from '../merge-actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Merge actors' };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function MergePage({ searchParams }: Props) {
  const principal = await editor();
  if (!principal) return <NotAllowed what="Merge actors" returnTo="/duplicates" />;
  const raw = (await searchParams).actors;
  const slugs = [...new Set(String(Array.isArray(raw) ? raw.join(',') : (raw ?? '')).split(',').map((s) => s.trim()).filter(Boolean))].slice(0, 20);
  const actors = await readActorsToMerge(principal, slugs);
  return (
    <div className="page">
      <h1>Merge actors</h1>
      <p className="muted">
        Choose the actor to keep. The others&apos; ties, claims, notes and names move to it; ties between them are dropped (they would join the
        actor to itself) and ties that then say the same twice are combined with their claims. Their pages and addresses lead to the actor kept,
        their history stays, and the merge can be undone.
      </p>
      {actors.length < 2 ? (
        <p role="alert">
          Name two or more live actors to merge. <Link href="/duplicates">Back to possible duplicates</Link>
        </p>
      ) : (
        <ActionForm label="Merge actors" submit={`Merge ${actors.length} actors`} action={mergeActorsAction}>
          <fieldset className={styles.pair}>
            <legend>Keep</legend>
            {actors.map((a, i) => (
              <div key={a.slug}>
                <input type="hidden" name="actor" value={`${a.slug}@${a.version}`} />
                <label>
                  <input type="radio" name="into" value={a.slug} defaultChecked={i === 0} required /> Keep <strong>{a.name}</strong>
                </label>{' '}
                <span className="muted">
                  ({a.kind}, {plural(a.tieCount, 'tie')}, {plural(a.claimCount, 'claim')} on the actor{a.names.length ? `; also ${a.names.join(', ')}` : ''}) ·{' '}
                  <Link href={`/actors/${a.slug}`}>profile</Link>
                </span>
              </div>
            ))}
          </fieldset>
          <label>
            Reason <input name="reason" maxLength={500} placeholder="Why they are one actor" />
          </label>{' '}
        </ActionForm>
      )}
    </div>
  );
}
