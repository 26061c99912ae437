// /history/{type}/{id}: who changed a record, what and when, field by field, with the changes
// to the claims and notes on it. Analysts restore an earlier version; admins a deleted record.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import styles from '@/components/editing/editing.module.css';
import { RestoreDeletedButton, RestoreVersionButton } from '@/components/editing/restore-buttons';
import { RevisionList } from '@/components/editing/revision-list';
import { orNull } from '@/lib/http/or-null';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { hasRole } from '@/lib/data/principal';
import { findRecordHistory, type RecordHistory } from '@/lib/data/revisions/find-revisions';
import { HISTORY_TYPES, type HistoryType } from '@/lib/history/diff';
import { TYPE_LABELS } from '@/lib/history/format';
import { restoreDeletedAction, restoreVersionAction } from './actions';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ type: string; id: string }>;
}

const isType = (t: string): t is HistoryType => (HISTORY_TYPES as readonly string[]).includes(t);

async function load(params: Props['params']): Promise<RecordHistory | null> {
  const { type, id } = await params;
  if (!isType(type)) return null;
  return orNull(findRecordHistory(await currentPrincipal(), { type, id: decodeURIComponent(id) }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const history = await load(params);
  return { title: history ? `History: ${history.label}` : 'History not found' };
}

/** Where the record itself is shown; claims and notes live on their tie's or actor's page. */
function recordHref(h: RecordHistory): string | null {
  if (h.deleted) return null;
  const state = h.revisions.find((r) => r.state)?.state ?? null;
  switch (h.type) {
    case 'actor':
      return `/actors/${h.key}`;
    case 'tie':
      return `/ties/${h.key}`;
    case 'source':
      return `/sources/${h.key}`;
    default:
      if (state && typeof state.tie === 'string') return `/ties/${state.tie}`;
      if (state && typeof state.actor === 'string') return `/actors/${state.actor}`;
      return null;
  }
}

const CASCADE: Record<HistoryType, string> = {
  actor: 'Restore this actor with its ties, claims and notes',
  tie: 'Restore this tie with its claims and notes',
  source: 'Restore this source with its claims',
  claim: 'Restore this claim',
  note: 'Restore this note',
};

export default async function HistoryPage({ params }: Props) {
  const history = await load(params);
  if (!history) notFound();
  const principal = await currentPrincipal();
  const analyst = hasRole(principal, 'analyst');
  const admin = hasRole(principal, 'admin');
  const href = recordHref(history);
  const what = TYPE_LABELS[history.type].toLowerCase();
  const latestVersion = history.revisions[0]?.version;

  return (
    <div className="page">
      <p className="muted">
        {TYPE_LABELS[history.type]} · now version {history.currentVersion}
        {href ? (
          <>
            {' '}
            · <Link href={href}>Back to the {history.type === 'claim' || history.type === 'note' ? 'page it is on' : what}</Link>
          </>
        ) : null}
        {analyst ? (
          <>
            {' '}
            · <Link href="/history">Recent changes</Link>
          </>
        ) : null}
      </p>
      <h1>History: {history.label}</h1>

      {history.deleted ? (
        <section className={styles.conflict} aria-labelledby="deleted">
          <h2 id="deleted">This {what} is deleted</h2>
          <p>It no longer shows on the map or the pages. Its history stays.</p>
          {admin ? (
            <RestoreDeletedButton action={restoreDeletedAction} type={history.type} id={history.key} label={CASCADE[history.type]} />
          ) : (
            <p className="muted">An admin can restore it.</p>
          )}
        </section>
      ) : null}

      <section className={styles.panel} aria-labelledby="own-changes">
        <h2 id="own-changes">Changes to this {what}</h2>
        {analyst && !history.deleted ? <p className={styles.hint}>Restoring an earlier version saves it as a new version; nothing in the history is removed.</p> : null}
        <RevisionList
          label={`Changes to this ${what}`}
          revisions={history.revisions}
          extra={(r) =>
            analyst && !history.deleted && r.version !== latestVersion && r.action !== 'delete' ? (
              <RestoreVersionButton action={restoreVersionAction} type={history.type} id={history.key} version={r.version} currentVersion={history.currentVersion} />
            ) : null
          }
        />
      </section>

      {history.type === 'actor' || history.type === 'tie' || history.type === 'source' ? (
        <section className={styles.panel} aria-labelledby="related-changes">
          <h2 id="related-changes">{history.type === 'source' ? 'Changes to the claims citing it' : 'Changes to its claims and notes'}</h2>
          <RevisionList label="Changes to its claims and notes" revisions={history.related} showRecord compact />
        </section>
      ) : null}
    </div>
  );
}
