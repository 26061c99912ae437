// The history of a saved view or a story: each revision, who made it (analysts see names), and
// what changed field by field.
import Link from 'next/link';
import type { FieldChange } from '@/lib/history/diff';
import { formatTimestamp } from '@/lib/history/format';
import styles from '@/components/editing/editing.module.css';

/** What deleting a view or story does: there is no restoring one, and its past stays listed. */
export const WORK_DELETED = 'It is gone for good (its address stops working and a published embed is taken down); what happened to it stays in the work history.';

interface Revision {
  id: string;
  version: number;
  action: string;
  createdAt: string;
  author: string | null;
  changes: FieldChange[];
}

const ACTION_WORDS: Record<string, string> = { create: 'Created', update: 'Changed', delete: 'Deleted', restore: 'Restored', publish: 'Published as an embed', unpublish: 'Embed taken down' };

/** `analyst`: the reader may open the work history, so the section links it. */
export function WorkHistory({ revisions, type, analyst }: { revisions: Revision[]; type: 'view' | 'story'; analyst: boolean }) {
  return (
    <section aria-labelledby="work-history-heading">
      <h2 id="work-history-heading">History</h2>
      {analyst && (
        <p className="muted">
          Analysts see every {type === 'view' ? 'saved view' : 'story'}’s changes beside the network’s in the{' '}
          <Link href={`/history?type=${type}`}>work history</Link>.
        </p>
      )}
      <ol className={styles.history}>
        {revisions.map((r) => (
          <li key={r.id} className={styles.revision}>
            <p className={styles.revisionHead}>
              {ACTION_WORDS[r.action] ?? r.action} · version {r.version} · <time dateTime={r.createdAt}>{formatTimestamp(r.createdAt)}</time>
              {r.author ? ` · ${r.author}` : ''}
            </p>
            {r.changes.length > 0 && (
              <ul>
                {r.changes.map((c) => (
                  <li key={c.field}>
                    {c.kind === 'value' ? (
                      <>
                        {c.label}: {c.before !== null ? <>{c.before} → </> : null}
                        {c.after}
                      </>
                    ) : (
                      <>
                        {c.label}: {c.added.length ? `added ${c.added.join('; ')}` : ''}
                        {c.added.length && c.removed.length ? ', ' : ''}
                        {c.removed.length ? `removed ${c.removed.join('; ')}` : ''}
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
