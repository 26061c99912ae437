// Revisions as a list: version, what happened, when, who, why, and a field-by-field table of
// what changed. Renders on the server; the restore buttons are passed in per revision.
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { FieldChange, HistoryType } from '@/lib/history/diff';
import { ACTION_LABELS, formatTimestamp, TYPE_LABELS } from '@/lib/history/format';
import styles from './editing.module.css';

export interface RevisionView {
  id: string;
  type: HistoryType;
  key: string;
  version: number;
  action: string;
  createdAt: string;
  author: string | null;
  origin: string;
  reason: string;
  label: string;
  changes: FieldChange[];
}

function who(r: RevisionView): string {
  if (r.author) return r.author;
  if (r.origin === 'seed') return 'the seed import';
  if (r.origin === 'import') return 'an import';
  if (r.origin === 'cli') return 'an operator script';
  return 'an analyst';
}

export function ChangeTable({ changes }: { changes: FieldChange[] }) {
  if (!changes.length) return null;
  return (
    <table className={styles.diff}>
      <caption className="visually-hidden">Changed fields</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <th scope="row">{c.label}</th>
            {c.kind === 'value' ? (
              <>
                <td className={styles.before}>{c.before ?? ''}</td>
                <td className={styles.after}>{c.after ?? ''}</td>
              </>
            ) : (
              <>
                <td className={styles.before}>{c.removed.join('\n')}</td>
                <td className={styles.after}>{c.added.join('\n')}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RevisionEntry({ revision: r, showRecord, extra }: { revision: RevisionView; showRecord?: boolean; extra?: ReactNode }) {
  return (
    <li className={styles.revision}>
      <p className={styles.revisionHead}>
        <span className={`${styles.action} ${styles[`action_${r.action}`] ?? ''}`}>{ACTION_LABELS[r.action] ?? r.action}</span>
        {showRecord ? (
          <span>
            {TYPE_LABELS[r.type]} <Link href={`/history/${r.type}/${encodeURIComponent(r.key)}`}>{r.label}</Link>
          </span>
        ) : null}
        <span className={styles.version}>version {r.version}</span>
        <span>
          by {who(r)}, <time dateTime={r.createdAt}>{formatTimestamp(r.createdAt)}</time>
        </span>
      </p>
      {r.reason ? <p className={styles.hint}>Reason: {r.reason}</p> : null}
      {r.action === 'delete' ? null : <ChangeTable changes={r.changes} />}
      {extra}
    </li>
  );
}

export function RevisionList({ revisions, showRecord, extra, label }: { revisions: RevisionView[]; showRecord?: boolean; extra?: (r: RevisionView) => ReactNode; label: string }) {
  if (!revisions.length) return <p className="muted">No changes recorded.</p>;
  return (
    <ol className={styles.history} aria-label={label}>
      {revisions.map((r) => (
        <RevisionEntry key={r.id} revision={r} showRecord={showRecord} extra={extra?.(r)} />
      ))}
    </ol>
  );
}
