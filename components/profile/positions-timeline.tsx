// The posts an actor has held, most recent first, with dates in their stated precision.
import Link from 'next/link';
import { DisputedBadge } from '@/components/grade-badge';
import { TIE_TYPE_INFO } from '@/lib/domain/vocabulary';
import { TIE_STATUS_LABELS } from '@/lib/graph/tie-status';
import { tiePeriod } from './format';
import styles from './profile.module.css';
import type { ProfileTie } from '@/lib/domain/responses';

/** Who held the post before and after, by the post's tie id (see loadPostSuccessions). */
export type PostSuccessions = Record<string, { predecessor?: { slug: string; name: string }; successor?: { slug: string; name: string } }>;

export function PositionsTimeline({ posts, successions = {} }: { posts: readonly ProfileTie[]; successions?: PostSuccessions }) {
  return (
    <ol className={styles.timeline}>
      {posts.map((post) => (
        <li key={post.id} className={post.status === 'past' ? styles.pastItem : undefined}>
          <div className={styles.when}>{tiePeriod(post.start, post.end, post.status)}</div>
          <div>
            {post.role ? `${post.role}, ` : `${capitalise(TIE_TYPE_INFO[post.type].label)} `}
            <Link href={`/actors/${post.other.slug}`}>{post.other.name}</Link>
          </div>
          {successions[post.tieId]?.predecessor ? (
            <div>
              Predecessor: <Link href={`/actors/${successions[post.tieId]!.predecessor!.slug}`}>{successions[post.tieId]!.predecessor!.name}</Link>
            </div>
          ) : null}
          {successions[post.tieId]?.successor ? (
            <div>
              Successor: <Link href={`/actors/${successions[post.tieId]!.successor!.slug}`}>{successions[post.tieId]!.successor!.name}</Link>
            </div>
          ) : null}
          <div className={styles.tieMeta}>
            <span>{TIE_STATUS_LABELS[post.status]}</span>
            <Link href={`/ties/${post.tieId}`} aria-label={`Evidence for ${post.role || TIE_TYPE_INFO[post.type].label}, ${post.other.name}`}>
              Evidence
            </Link>
            {post.disputed ? <DisputedBadge /> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
