// /ties/{id}/edit: an analyst changes a tie's ends, type, role, dates or strength (or deletes it).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteRecord } from '@/components/editing/delete-record';
import styles from '@/components/editing/editing.module.css';
import { TieForm } from '@/components/editing/tie-form';
import { editor, NotAllowed } from '@/app/_editing/guard';
import { orNull } from '@/lib/http/or-null';
import { findActorChoices } from '@/lib/data/editing/find-editable';
import { getEditableRecord } from '@/lib/data/editing/get-editable-record';
import { deleteTieAction, updateTieAction } from './actions';

export const metadata: Metadata = { title: 'Edit tie' };
export const dynamic = 'force-dynamic';

export default async function EditTiePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const principal = await editor();
  if (!principal) return <NotAllowed what="Edit tie" returnTo={`/ties/${id}/edit`} />;
  const tie = await orNull(getEditableRecord(principal, { type: 'tie', id }));
  if (!tie) notFound();
  const actors = await findActorChoices(principal);
  const name = (slug: string) => actors.find((a) => a.slug === slug)?.name ?? slug;
  return (
    <div className="page">
      <p className="muted">
        <Link href={`/ties/${tie.id}`}>← the tie</Link> · version {tie.version} · <Link href={`/history/tie/${tie.id}`}>History</Link>
      </p>
      <h1>
        Edit the tie: {name(tie.state.source)} → {name(tie.state.target)}
      </h1>
      <TieForm action={updateTieAction.bind(null, tie.id)} actors={actors} initial={tie.state} version={tie.version} />
      <section className={styles.panel} aria-labelledby="delete-tie" style={{ marginTop: '1.5rem' }}>
        <h2 id="delete-tie">Delete</h2>
        <DeleteRecord action={deleteTieAction.bind(null, tie.id)} version={tie.version} what="tie" cascade="its claims and notes" returnTo={`/actors/${tie.state.source}`} />
      </section>
    </div>
  );
}
