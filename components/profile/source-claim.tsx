// One claim on a source's page: what it is about (a tie or an actor, linked), what it says,
// and how credible it is. Its id is the anchor #claim-<id>, so a claim can be cited by address.
import Link from 'next/link';
import { GradeBadge } from '@/components/grade-badge';
import { TIE_TYPE_INFO } from '@/lib/domain/vocabulary';
import { claimAnchor } from './claim-card';
import { claimSays, claimStatusLabel } from './format';
import styles from './profile.module.css';
import type { ClaimSubject as Subject, SourceClaim } from '@/lib/domain/responses';
import { credibilityLabel } from '@/lib/domain/grade';

export function ClaimSubject({ subject, claimId }: { subject: Subject; claimId: string }) {
  if (subject.type === 'actor') {
    return (
      <>
        About <Link href={`/actors/${subject.actor.slug}`}>{subject.actor.name}</Link>
      </>
    );
  }
  const { tie } = subject;
  return (
    <>
      <Link href={`/actors/${tie.source.slug}`}>{tie.source.name}</Link> {TIE_TYPE_INFO[tie.type].label}{' '}
      <Link href={`/actors/${tie.target.slug}`}>{tie.target.name}</Link>
      {tie.role ? <span className={styles.role}> · {tie.role}</span> : null}{' '}
      <Link href={`/ties/${tie.id}#${claimAnchor(claimId)}`} className={styles.claimLink}>
        (tie)
      </Link>
    </>
  );
}

export function SourceClaimItem({ claim }: { claim: SourceClaim }) {
  const says = claim.subject.type === 'tie' ? claimSays(claim) : null;
  return (
    <article id={claimAnchor(claim.id)} className={`${styles.claim} ${claim.status !== 'accepted' ? styles.claimFlagged : ''}`}>
      <h4 className={styles.claimSubject}>
        <ClaimSubject subject={claim.subject} claimId={claim.id} />
      </h4>
      {says ? <p className={styles.says}>{says}</p> : null}
      <blockquote className={styles.quote}>{claim.quote}</blockquote>
      <p className={styles.tieMeta}>
        {claim.fact ? <span>Fact: {claim.fact}</span> : null}
        {claim.location ? <span>At {claim.location}</span> : null}
        <GradeBadge grade={claim.grade} />
        <span>
          credibility {claim.credibility}, {credibilityLabel(claim.credibility).toLowerCase()}
        </span>
        <span>{claim.status === 'accepted' ? claimStatusLabel(claim.status) : <strong>{claimStatusLabel(claim.status)}</strong>}</span>
        {claim.stance === 'refutes' ? <span>refutes the tie</span> : null}
        <a href={`#${claimAnchor(claim.id)}`} aria-label={`Link to claim ${claim.id}`}>
          Link
        </a>
      </p>
    </article>
  );
}
