'use client';
// The owner's publishing section on a public view's or story's page: publish it as a frozen embed,
// publish it again (the embed then shows the view as it is now), or take it down; when it was last
// published, and the address and iframe code to paste into an article.
import { useActionState, useState } from 'react';
import styles from '@/components/editing/editing.module.css';
import { FormStatus } from '@/components/editing/form-status';
import { IDLE, type FormState } from '@/lib/validation/form-state';

type FormAction = (prev: FormState, formData: FormData) => Promise<FormState>;

export interface PublishedState {
  publishedAt: string;
  version: number;
  publishedByName: string | null;
}

interface Props {
  what: 'view' | 'story';
  /** Whether the view or story is public: only then may it be published. */
  isPublic: boolean;
  published: PublishedState | null;
  /** The embed's path on this site, /embed/views/<id>. */
  embedPath: string;
  publish: FormAction;
  unpublish: FormAction;
}

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });

export function PublishControls({ what, isPublic, published, embedPath, publish, unpublish }: Props) {
  const [published$, sendPublish, publishing] = useActionState(publish, IDLE);
  const [unpublished$, sendUnpublish, unpublishing] = useActionState(unpublish, IDLE);
  // The answer shown is the last button's.
  const [last, setLast] = useState<'publish' | 'unpublish'>('publish');
  const state = last === 'unpublish' ? unpublished$ : published$;
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  return (
    <section className="publish-controls" aria-labelledby="publish-heading">
      <h2 id="publish-heading">Embed</h2>
      <FormStatus state={state} />
      {!isPublic ? (
        <p className="muted">Only a public {what} can be published as an embed: make it public first.</p>
      ) : (
        <>
          <p>
            {published ? (
              <>
                Last published {when(published.publishedAt)}
                {published.publishedByName ? ` by ${published.publishedByName}` : ''} (publication {published.version}). The embed shows the {what} as it was then; publish it again to show it as it is now.
              </>
            ) : (
              <>Not published. Publishing freezes the {what} as it is now: later changes reach the embed only when you publish it again.</>
            )}
          </p>
          <div className={styles.buttons}>
            <form
              action={(fd) => {
                setLast('publish');
                sendPublish(fd);
              }}
            >
              <button type="submit" className={styles.primary} disabled={publishing}>
                {published ? 'Republish' : 'Publish'}
              </button>
            </form>
            {published && (
              <form
                action={(fd) => {
                  setLast('unpublish');
                  sendUnpublish(fd);
                }}
              >
                <button type="submit" disabled={unpublishing}>
                  Unpublish
                </button>
              </form>
            )}
          </div>
          {published && (
            <>
              <p>
                Embed address: <a href={embedPath}>{embedPath}</a>
              </p>
              <label className={styles.field}>
                <span>Code to paste into a page (on a site an admin allowed)</span>
                <textarea readOnly rows={2} value={`<iframe src="${origin}${embedPath}" width="100%" height="560" style="border:0" title="Powermap"></iframe>`} />
              </label>
            </>
          )}
        </>
      )}
    </section>
  );
}
