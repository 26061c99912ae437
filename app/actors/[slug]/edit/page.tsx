// /actors/{slug}/edit: an analyst changes an actor (or deletes it) at the version it was opened at.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActorForm } from '@/components/editing/actor-form';
import { DeleteRecord } from '@/components/editing/delete-record';
import styles from '@/components/editing/editing.module.css';
import { editor, NotAllowed } from '@/app/_editing/guard';
import { orNull } from '@/lib/http/or-null';
import { getEditableRecord } from '@/lib/data/editing/get-editable-record';
import { deleteActorAction, updateActorAction } from './actions';

export const metadata: Metadata = { title: 'Edit actor' };
export const dynamic = 'force-dynamic';

export default async function EditActorPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const principal = await editor();
  if (!principal) return <NotAllowed what="Edit actor" returnTo={`/actors/${slug}/edit`} />;
  const actor = await orNull(getEditableRecord(principal, { type: 'actor', id: slug }));
  if (!actor) notFound();
  return (
    <div className="page">
      <p className="muted">
        <Link href={`/actors/${actor.state.slug}`}>← {actor.state.name}</Link> · version {actor.version} ·{' '}
        <Link href={`/history/actor/${actor.state.slug}`}>History</Link>
      </p>
      <h1>Edit {actor.state.name}</h1>
      <ActorForm action={updateActorAction.bind(null, actor.state.slug)} initial={actor.state} version={actor.version} />
      <section className={styles.panel} aria-labelledby="delete-actor" style={{ marginTop: '1.5rem' }}>
        <h2 id="delete-actor">Delete</h2>
        <DeleteRecord action={deleteActorAction.bind(null, actor.state.slug)} version={actor.version} what="actor" cascade="its ties, claims and notes" />
      </section>
    </div>
  );
}
