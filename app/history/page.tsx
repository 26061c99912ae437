// /history: the work history, the latest changes across the database newest first, for analysts:
// the network's records and the saved views and stories they may read (created, edited, published,
// taken down, deleted). ?type= narrows to one kind of record and ?page= goes further back.
import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/editing/editing.module.css';
import { RevisionList } from '@/components/editing/revision-list';
import { NotAllowed, editor } from '@/app/_editing/guard';
import { orNull } from '@/lib/http/or-null';
import { findRecentChanges } from '@/lib/data/revisions/find-revisions';
import { TYPE_PLURALS } from '@/lib/history/format';
import { CHANGE_TYPES } from '@/lib/history/work-diff';

export const metadata: Metadata = { title: 'Recent changes' };
export const dynamic = 'force-dynamic';

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

export default async function WorkHistoryPage({ searchParams }: { searchParams: Search }) {
  const principal = await editor();
  if (!principal) return <NotAllowed what="Recent changes" returnTo="/history" />;
  const query = await searchParams;
  const changes = await orNull(findRecentChanges(principal, { type: one(query.type), page: one(query.page) }));
  if (!changes) {
    return (
      <div className="page">
        <h1>Recent changes</h1>
        <p>That is not a page of changes. <Link href="/history">See the latest changes</Link>.</p>
      </div>
    );
  }
  const link = (params: { type?: string | null; page?: number }) => {
    const q = new URLSearchParams();
    if (params.type) q.set('type', params.type);
    if (params.page && params.page > 1) q.set('page', String(params.page));
    const s = q.toString();
    return s ? `/history?${s}` : '/history';
  };
  return (
    <div className="page">
      <h1>Recent changes</h1>
      <ul className={styles.tabs} aria-label="Kind of record">
        <li>
          <Link href={link({})} aria-current={changes.type === null ? 'page' : undefined}>Everything</Link>
        </li>
        {CHANGE_TYPES.map((t) => (
          <li key={t}>
            <Link href={link({ type: t })} aria-current={changes.type === t ? 'page' : undefined}>
              {TYPE_PLURALS[t]}
            </Link>
          </li>
        ))}
      </ul>
      <RevisionList label="Recent changes" revisions={changes.revisions} showRecord compact />
      <nav className={styles.pager} aria-label="Pages">
        {changes.page > 1 ? <Link href={link({ type: changes.type, page: changes.page - 1 })}>← Newer</Link> : null}
        {changes.hasMore ? <Link href={link({ type: changes.type, page: changes.page + 1 })}>Older →</Link> : null}
      </nav>
    </div>
  );
}
