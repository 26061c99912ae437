// The edit controls that profile, tie and source pages show to analysts only: a clearly marked
// panel of links (edit, add, history) and a delete button, the notes with add/edit/delete, and
// the claim status changer. Each renders nothing for viewers and anonymous visitors.
import Link from 'next/link';
import { ClaimsEditor } from '@/components/editing/claims-editor';
import { DeleteRecord } from '@/components/editing/delete-record';
import styles from '@/components/editing/editing.module.css';
import { NotesEditor } from '@/components/editing/notes-editor';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { findEditableClaims, findEditableNotes } from '@/lib/data/editing/find-editable';
import { getEditableRecord } from '@/lib/data/editing/get-editable-record';
import { hasRole } from '@/lib/data/principal';
import { deleteActorAction } from '@/app/actors/[slug]/edit/actions';
import { changeClaimStatusAction, deleteClaimAction } from '@/app/claims/actions';
import { createNoteAction, deleteNoteAction, updateNoteAction } from '@/app/notes/actions';
import { deleteSourceAction } from '@/app/sources/[id]/edit/actions';
import { deleteTieAction } from '@/app/ties/[id]/edit/actions';

async function analyst() {
  const principal = await currentPrincipal();
  return hasRole(principal, 'analyst') ? principal : null;
}

function Panel({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <section className={styles.editControls} aria-label={label}>
      <h2>Analyst tools</h2>
      {children}
    </section>
  );
}

export async function ActorEditControls({ slug }: { slug: string }) {
  const principal = await analyst();
  if (!principal) return null;
  const actor = await getEditableRecord(principal, { type: 'actor', id: slug });
  const q = encodeURIComponent(slug);
  return (
    <Panel label="Edit this actor">
      <ul className={styles.editLinks}>
        <li><Link href={`/actors/${q}/edit`}>Edit actor</Link></li>
        <li><Link href={`/ties/new?source=${q}`}>Add tie</Link></li>
        <li><Link href="/sources/new">Add source</Link></li>
        <li><Link href="/actors/new">Add actor</Link></li>
        <li><Link href={`/history/actor/${q}`}>History</Link></li>
        <li><Link href="/history">Recent changes</Link></li>
        <li><DeleteRecord action={deleteActorAction.bind(null, slug)} version={actor.version} what="actor" cascade="its ties, claims and notes" /></li>
      </ul>
    </Panel>
  );
}

export async function TieEditControls({ id }: { id: string }) {
  const principal = await analyst();
  if (!principal) return null;
  const tie = await getEditableRecord(principal, { type: 'tie', id });
  const q = encodeURIComponent(id);
  return (
    <Panel label="Edit this tie">
      <ul className={styles.editLinks}>
        <li><Link href={`/ties/${q}/edit`}>Edit tie</Link></li>
        <li><Link href={`/ties/${q}/claims/new`}>Add claim</Link></li>
        <li><Link href={`/sources/new?next=${encodeURIComponent(`/ties/${id}/claims/new`)}`}>Add source</Link></li>
        <li><Link href={`/ties/new?source=${encodeURIComponent(tie.state.source)}`}>Add tie</Link></li>
        <li><Link href={`/history/tie/${q}`}>History</Link></li>
        <li><DeleteRecord action={deleteTieAction.bind(null, id)} version={tie.version} what="tie" cascade="its claims and notes" returnTo={`/actors/${tie.state.source}`} /></li>
      </ul>
    </Panel>
  );
}

export async function SourceEditControls({ id }: { id: string }) {
  const principal = await analyst();
  if (!principal) return null;
  const source = await getEditableRecord(principal, { type: 'source', id });
  const q = encodeURIComponent(id);
  return (
    <Panel label="Edit this source">
      <ul className={styles.editLinks}>
        <li><Link href={`/sources/${q}/edit`}>Edit source</Link></li>
        <li><Link href="/sources/new">Add source</Link></li>
        <li><Link href={`/history/source/${q}`}>History</Link></li>
        <li><DeleteRecord action={deleteSourceAction.bind(null, id)} version={source.version} what="source" cascade="the claims citing it" /></li>
      </ul>
    </Panel>
  );
}

/** Notes with add, edit and delete, for analysts; renders `fallback` (the read-only list) for everyone else. */
export async function NotesControls({ owner, fallback = null }: { owner: { tie: string } | { actor: string }; fallback?: React.ReactNode }) {
  const principal = await analyst();
  if (!principal) return <>{fallback}</>;
  const notes = await findEditableNotes(principal, owner);
  const editable = notes.filter((n) => n.canEdit);
  return (
    <NotesEditor
      owner={owner}
      notes={notes}
      actions={{
        create: createNoteAction,
        update: Object.fromEntries(editable.map((n) => [n.id, updateNoteAction.bind(null, n.id)])),
        remove: Object.fromEntries(editable.map((n) => [n.id, deleteNoteAction.bind(null, n.id)])),
      }}
    />
  );
}

/** Each claim's status changer and delete button, for analysts. */
export async function TieClaimsControls({ tieId }: { tieId: string }) {
  const principal = await analyst();
  if (!principal) return null;
  const claims = await findEditableClaims(principal, { tie: tieId });
  return (
    <details className={styles.editControls}>
      <summary>Review claims: change a status or delete</summary>
      <ClaimsEditor
        claims={claims}
        changeStatus={Object.fromEntries(claims.map((c) => [c.id, changeClaimStatusAction.bind(null, c.id)]))}
        remove={Object.fromEntries(claims.map((c) => [c.id, deleteClaimAction.bind(null, c.id)]))}
      />
    </details>
  );
}
