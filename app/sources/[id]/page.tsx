// A source's page: who published it and when, its reliability grade, the analysts' notes on it,
// and every claim it supports across all ties and actors, each citable as #claim-<id>.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache, type ComponentProps } from 'react';
import { ReliabilityBadge } from '@/components/grade-badge';
import { PartialDateText } from '@/components/partial-date';
import { plural } from '@/components/profile/format';
import styles from '@/components/profile/profile.module.css';
import { SourceClaimItem } from '@/components/profile/source-claim';
import { WebLink } from '@/components/profile/web-link';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { getSource } from '@/lib/data/sources/get-source';
import { orNull } from '@/lib/http/or-null';
// Edit controls for analysts (renders nothing for anyone else).
import { SourceEditControls } from '@/app/_editing/edit-controls';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ id: string }>;
}

const loadSource = cache(async (id: string) => orNull(getSource(await currentPrincipal(), { id })));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const source = await loadSource((await params).id);
  if (!source) return { title: 'Source not found' };
  return { title: source.title };
}

export default async function SourcePage({ params }: Props) {
  const { id } = await params;
  const source = await loadSource(id);
  if (!source) notFound();
  const tieClaims = source.claims.filter((c) => c.subject.type === 'tie');
  const actorClaims = source.claims.filter((c) => c.subject.type === 'actor');

  return (
    <div className="page">
      <header className={styles.header}>
        <p className={styles.kicker}>
          <Link href="/sources">Sources</Link>
          <span aria-hidden="true">·</span>
          <ReliabilityBadge reliability={source.reliability} long />
        </p>
        <h1 className={styles.title}>{source.title}</h1>
        <ul className={styles.actions}>
          <li>
            <Link href={`/history/source/${encodeURIComponent(source.id)}`}>Change history</Link>
          </li>
          <li>
            <a href={`/api/sources/${encodeURIComponent(source.id)}`} type="application/json">
              As JSON
            </a>
          </li>
        </ul>
      </header>

      <SourceEditControls id={source.id} />

      <section className={styles.section} aria-labelledby="about">
        <h2 id="about">The source</h2>
        <dl className={styles.facts}>
          <dt>Author</dt>
          <dd>{source.author || <span className="muted">not recorded</span>}</dd>
          <dt>Publisher</dt>
          <dd>{source.publisher || <span className="muted">not recorded</span>}</dd>
          <dt>Published</dt>
          <dd>
            <PartialDateText date={source.published} />
          </dd>
          <dt>Address</dt>
          <dd>{source.url ? <WebLink url={source.url} /> : <span className="muted">none recorded</span>}</dd>
          <dt>Reliability</dt>
          <dd>
            <ReliabilityBadge reliability={source.reliability} long />
          </dd>
          <dt>Supports</dt>
          <dd>
            {plural(tieClaims.length, 'claim')} about ties, {plural(actorClaims.length, 'claim')} about actors
          </dd>
        </dl>
        {source.notes ? (
          <>
            <h3>Assessment</h3>
            <p className={styles.prose}>{source.notes}</p>
          </>
        ) : null}
      </section>

      <section className={styles.section} aria-labelledby="claims">
        <h2 id="claims">Claims it supports</h2>
        {source.claims.length === 0 ? <p className="muted">This source supports no live claim.</p> : null}
        <ClaimGroup heading="About ties" claims={tieClaims} />
        <ClaimGroup heading="About actors" claims={actorClaims} />
      </section>
    </div>
  );
}

/** One group of the source's claims (about ties, or about actors), left out when empty. */
function ClaimGroup({ heading, claims }: { heading: string; claims: ComponentProps<typeof SourceClaimItem>['claim'][] }) {
  if (claims.length === 0) return null;
  return (
    <>
      <h3>
        {heading} ({claims.length})
      </h3>
      <ol className={styles.claimStack}>
        {claims.map((claim) => (
          <li key={claim.id}>
            <SourceClaimItem claim={claim} />
          </li>
        ))}
      </ol>
    </>
  );
}
