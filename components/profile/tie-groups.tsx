// An actor's ties on its profile: one section per type, current before past, each naming the
// other actor (linked), the role, the dates, the grade, the number of claims and any dispute.
import Link from 'next/link';
import { DisputedBadge, GradeBadge } from '@/components/grade-badge';
import type { TieGroup } from '@/lib/graph/tie-grouping';
import { plural, tiePeriod } from './format';
import styles from './profile.module.css';
import type { ProfileTie } from '@/lib/domain/responses';

export function TieGroups({ groups }: { groups: readonly TieGroup<ProfileTie>[] }) {
  if (groups.length === 0) return <p className="muted">No ties recorded.</p>;
  return (
    <>
      {groups.map((group) => (
        <div key={group.type}>
          <h3>{group.label}</h3>
          {group.current.length > 0 && (
            <>
              <h4 className={styles.subhead}>Current</h4>
              <TieList ties={group.current} label={`${group.label}: current`} />
            </>
          )}
          {group.past.length > 0 && (
            <>
              <h4 className={styles.subhead}>Past</h4>
              <TieList ties={group.past} label={`${group.label}: past`} />
            </>
          )}
        </div>
      ))}
    </>
  );
}

function TieList({ ties, label }: { ties: TieGroup<ProfileTie>['current']; label: string }) {
  return (
    <ul className={styles.tieList} aria-label={label}>
      {ties.map(({ edge, verb }) => (
        <li key={edge.id} className={styles.tieItem}>
          <span className={styles.tieMain}>
            {verb} <Link href={`/actors/${edge.other.slug}`}>{edge.other.name}</Link>
            {edge.role ? <span className={styles.role}> · {edge.role}</span> : null}
          </span>
          <span className={styles.tieMeta}>
            <span>{tiePeriod(edge.start, edge.end, edge.status)}</span>
            <GradeBadge grade={edge.grade} />
            <Link href={`/ties/${edge.tieId}`} aria-label={`${plural(edge.claimCount, 'claim')} on the tie: ${verb} ${edge.other.name}`}>
              {plural(edge.claimCount, 'claim')}
            </Link>
            {edge.disputed ? <DisputedBadge title="The claims behind this tie disagree: see the tie's page" /> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
