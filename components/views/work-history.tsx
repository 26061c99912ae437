// The history of a saved view or a story: each revision, who made it (analysts see names), and
// what changed field by field.
import type { FieldChange } from '@/lib/history/diff';
import styles from '@/components/editing/editing.module.css';

interface Revision {
  id: string;
  version: number;
  action: string;
  createdAt: string;
  author: string | null;
  changes: FieldChange[];
}

const ACTION_WORDS: Record<string, string> = { create: 'Created', update: 'Changed', delete: 'Deleted', restore: 'Restored', publish: 'Published as an embed', unpublish: 'Embed taken down' };

export function WorkHistory({ revisions }: { revisions: Revision[] }) {
  return (
    <section aria-labelledby="work-history-heading">
      <h2 id="work-history-heading">History</h2>
      <ol className={styles.history}>
        {revisions.map((r) => (
          <li key={r.id} className={styles.revision}>
            <p className={styles.revisionHead}>
              {ACTION_WORDS[r.action] ?? r.action} · version {r.version} · <time dateTime={r.createdAt}>{r.createdAt.slice(0, 16).replace('T', ' ')} UTC</time>
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
