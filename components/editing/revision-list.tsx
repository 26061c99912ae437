// Revisions as a list: version, what happened, when, who, why, and a field-by-field table of
// what changed. Renders on the server; the restore buttons are passed in per revision.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { changedFieldLabels, type FieldChange } from '@/lib/history/diff';
import { ACTION_LABELS, formatTimestamp, TYPE_LABELS } from '@/lib/history/format';
import type { ChangeType } from '@/lib/history/work-diff';
import styles from './editing.module.css';

export interface RevisionView {
  id: string;
  type: ChangeType;
  key: string;
  /** A saved view or story deleted since. */
  gone?: boolean;
  version: number;
  action: string;
  createdAt: string;
  author: string | null;
  origin: string;
  reason: string;
  label: string;
  changes: FieldChange[];
}

/**
 * Where a listed revision leads: a network record to its history page (which links the record); a
 * saved view or story to itself, whose page holds its history, while it exists; a re-layout to the map.
 */
function recordHref(r: RevisionView): string | null {
  const key = encodeURIComponent(r.key);
  if (r.type === 'view') return r.gone ? null : `/views/${key}`;
  if (r.type === 'story') return r.gone ? null : `/stories/${key}/edit`;
  // A re-layout: the map at the view it laid out (its key is that address's query).
  if (r.type === 'layout') return r.key ? `/?${r.key}` : '/';
  return `/history/${r.type}/${key}`;
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
  // A new record has no "before": its fields read as a plain list of values.
  if (changes.every((c) => c.kind === 'value' && c.before === null)) {
    return (
      <table className={styles.diff}>
        <caption className="visually-hidden">Fields of the new record</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.field}>
              <th scope="row">{c.label}</th>
              <td className={styles.stored}>{c.kind === 'value' ? c.after : c.added.join('\n')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
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

function RecordName({ revision: r }: { revision: RevisionView }) {
  const href = recordHref(r);
  return (
    <span>
      {TYPE_LABELS[r.type]} {href ? <Link href={href}>{r.label}</Link> : <>{r.label} <span className="muted">(deleted since)</span></>}
    </span>
  );
}

/** `compact`: the changed fields named in a line, for lists where each record has its own history page. */
export function RevisionEntry({ revision: r, showRecord, compact, extra }: { revision: RevisionView; showRecord?: boolean; compact?: boolean; extra?: ReactNode }) {
  return (
    <li className={styles.revision}>
      <p className={styles.revisionHead}>
        <span className={`${styles.action} ${styles[`action_${r.action}`] ?? ''}`}>{ACTION_LABELS[r.action] ?? r.action}</span>
        {showRecord ? <RecordName revision={r} /> : null}
        <span className={styles.version}>version {r.version}</span>
        <span>
          by {who(r)}, <time dateTime={r.createdAt}>{formatTimestamp(r.createdAt)}</time>
        </span>
      </p>
      {r.reason ? <p className={styles.hint}>Reason: {r.reason}</p> : null}
      {r.action === 'delete' ? null : compact ? (
        r.changes.length ? <p className={styles.hint}>{r.action === 'create' ? 'Fields' : 'Changed'}: {changedFieldLabels(r.changes)}</p> : null
      ) : (
        <ChangeTable changes={r.changes} />
      )}
      {extra}
    </li>
  );
}

export function RevisionList({ revisions, showRecord, compact, extra, label }: { revisions: RevisionView[]; showRecord?: boolean; compact?: boolean; extra?: (r: RevisionView) => ReactNode; label: string }) {
  if (!revisions.length) return <p className="muted">No changes recorded.</p>;
  return (
    <ol className={styles.history} aria-label={label}>
      {revisions.map((r) => (
        <RevisionEntry key={r.id} revision={r} showRecord={showRecord} compact={compact} extra={extra?.(r)} />
      ))}
    </ol>
  );
}
