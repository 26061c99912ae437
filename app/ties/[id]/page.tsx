// A tie's page: both ends, type, role, dates, strength, whether it holds now, every claim with
// its source and grades, a dispute banner when the claims conflict, and notes.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { DisputedBadge, GradeBadge } from '@/components/grade-badge';
import { ClaimCard } from '@/components/profile/claim-card';
import { DisputeBanner } from '@/components/profile/dispute-banner';
import { tiePeriod, tieSentence } from '@/components/profile/format';
import { NotesList } from '@/components/profile/notes-list';
import styles from '@/components/profile/profile.module.css';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { canSeeInternal } from '@/lib/data/principal';
import { getTie } from '@/lib/data/ties/get-tie';
import { TIE_TYPE_INFO } from '@/lib/domain/vocabulary';
import { TIE_STATUS_LABELS } from '@/lib/graph/tie-status';
import { orNull } from '@/lib/http/or-null';
// Edit controls for analysts (renders nothing for anyone else).
import { NotesControls, TieClaimsControls, TieEditControls } from '@/app/_editing/edit-controls';
import { formatPartialDate } from '@/lib/domain/dates';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ id: string }>;
}

const loadTie = cache(async (id: string) => orNull(getTie(await currentPrincipal(), { id })));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tie = await loadTie((await params).id);
  if (!tie) return { title: 'Tie not found' };
  return { title: tieSentence(tie.source, tie.type, tie.target) };
}

export default async function TiePage({ params }: Props) {
  const { id } = await params;
  const tie = await loadTie(id);
  if (!tie) notFound();
  const internal = canSeeInternal(await currentPrincipal());
  const disputed = tie.disputeReasons.length > 0;
  const info = TIE_TYPE_INFO[tie.type];

  return (
    <div className="page">
      <header className={styles.header}>
        <p className={styles.kicker}>
          <span>Tie</span>
          <span aria-hidden="true">·</span>
          <span>{TIE_STATUS_LABELS[tie.status]}</span>
          {disputed ? <DisputedBadge title="The claims behind this tie disagree" /> : null}
        </p>
        <h1 className={styles.title}>
          <Link href={`/actors/${tie.source.slug}`}>{tie.source.name}</Link> {info.label}{' '}
          <Link href={`/actors/${tie.target.slug}`}>{tie.target.name}</Link>
        </h1>
        <ul className={styles.actions}>
          <li>
            <Link href={`/?focus=${encodeURIComponent(tie.source.slug)}&select=${encodeURIComponent(`tie:${tie.id}`)}`}>Show on the map</Link>
          </li>
          <li>
            <Link href={`/history/tie/${encodeURIComponent(tie.id)}`}>Change history</Link>
          </li>
          <li>
            <a href={`/api/ties/${encodeURIComponent(tie.id)}`} type="application/json">
              As JSON
            </a>
          </li>
        </ul>
      </header>

      <TieEditControls id={tie.id} />

      <DisputeBanner reasons={tie.disputeReasons} claimsId="claims" />

      <section className={styles.section} aria-labelledby="about">
        <h2 id="about">The tie</h2>
        <dl className={styles.facts}>
          <dt>From</dt>
          <dd>
            <Link href={`/actors/${tie.source.slug}`}>{tie.source.name}</Link>
          </dd>
          <dt>To</dt>
          <dd>
            <Link href={`/actors/${tie.target.slug}`}>{tie.target.name}</Link>
          </dd>
          <dt>Type</dt>
          <dd>
            {info.label} <span className="muted">({info.category}{info.symmetric ? ', reads the same both ways' : ''})</span>
          </dd>
          <dt>Role</dt>
          <dd>{tie.role || <span className="muted">none recorded</span>}</dd>
          <dt>Dates</dt>
          <dd>{tiePeriod(tie.start, tie.end, tie.status)}</dd>
          <dt>Status</dt>
          <dd>
            {TIE_STATUS_LABELS[tie.status]} <span className="muted">(as of {formatPartialDate({ date: tie.asOf, precision: 'day' })})</span>
          </dd>
          <dt>Strength</dt>
          <dd>
            {tie.strength} of 5
          </dd>
          <dt>Best grade</dt>
          <dd>
            <GradeBadge grade={tie.grade} />
          </dd>
        </dl>
      </section>

      <section className={styles.section} aria-labelledby="claims">
        <h2 id="claims">
          {tie.claims.length === 1 ? 'The claim' : `${tie.claims.length} claims`}
          {disputed ? ', side by side' : ''}
        </h2>
        {tie.claims.length === 0 ? (
          <p className="muted">No claim supports this tie.</p>
        ) : (
          <ul className={disputed ? styles.claimGrid : styles.claimStack}>
            {tie.claims.map((claim) => (
              <li key={claim.id}>
                <ClaimCard claim={claim} source={claim.source} flagged={claim.status !== 'accepted'} />
              </li>
            ))}
          </ul>
        )}
        <TieClaimsControls tieId={tie.id} />
      </section>

      <section className={styles.section} aria-labelledby="notes">
        <h2 id="notes">Notes</h2>
        <NotesControls owner={{ tie: tie.id }} fallback={<NotesList notes={tie.notes} />} />
        {!internal ? <p className="muted">Signed-in analysts also see internal notes here.</p> : null}
      </section>
    </div>
  );
}
