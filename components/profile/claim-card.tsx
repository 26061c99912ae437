// One claim with everything needed to weigh it: the quote, what it says about dates, the source
// (linked) and its reliability, the claim's credibility and status. Its id is the anchor
// #claim-<id>, so a claim can be cited by address.
import Link from 'next/link';
import { GradeBadge, ReliabilityBadge } from '@/components/grade-badge';
import { claimSays, claimStatusLabel } from './format';
import styles from './profile.module.css';
import type { ClaimDto, SourceRef } from '@/lib/domain/responses';
import { credibilityLabel } from '@/lib/domain/grade';

export function claimAnchor(id: string): string {
  return `claim-${id}`;
}

export function ClaimCard({ claim, source, flagged = false }: { claim: Omit<ClaimDto, 'source'>; source: SourceRef; flagged?: boolean }) {
  const says = claimSays(claim);
  return (
    <article id={claimAnchor(claim.id)} className={`${styles.claim} ${flagged ? styles.claimFlagged : ''}`} aria-label={`Claim from ${source.title}`}>
      {says ? <p className={styles.says}>{says}</p> : null}
      <blockquote className={styles.quote}>{claim.quote}</blockquote>
      <dl className={styles.claimFacts}>
        <dt>Source</dt>
        <dd>
          <Link href={`/sources/${source.id}`}>{source.title}</Link>
          {claim.location ? <span className="muted"> ({claim.location})</span> : null}
        </dd>
        <dt>Reliability</dt>
        <dd>
          <ReliabilityBadge reliability={source.reliability} long />
        </dd>
        <dt>Credibility</dt>
        <dd>
          {claim.credibility} · {credibilityLabel(claim.credibility)}
        </dd>
        <dt>Grade</dt>
        <dd>
          <GradeBadge grade={claim.grade} />
        </dd>
        <dt>Status</dt>
        <dd>
          {claim.status === 'accepted' ? claimStatusLabel(claim.status) : <strong>{claimStatusLabel(claim.status)}</strong>}
          {claim.stance === 'refutes' ? ' · refutes the tie' : null}
        </dd>
      </dl>
      <p className={styles.claimLink}>
        <a href={`#${claimAnchor(claim.id)}`}>Link to this claim</a>
      </p>
    </article>
  );
}
