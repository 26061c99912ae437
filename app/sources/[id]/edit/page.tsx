// /sources/{id}/edit: an analyst changes a source or its grade (or deletes it with its claims).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteRecord } from '@/components/editing/delete-record';
import styles from '@/components/editing/editing.module.css';
import { SourceForm } from '@/components/editing/source-form';
import { editor, NotAllowed } from '@/app/_editing/guard';
import { orNull } from '@/lib/http/or-null';
import { getEditableRecord } from '@/lib/data/editing/get-editable-record';
import { deleteSourceAction, updateSourceAction } from './actions';

export const metadata: Metadata = { title: 'Edit source' };
export const dynamic = 'force-dynamic';

export default async function EditSourcePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const principal = await editor();
  if (!principal) return <NotAllowed what="Edit source" returnTo={`/sources/${id}/edit`} />;
  const source = await orNull(getEditableRecord(principal, { type: 'source', id }));
  if (!source) notFound();
  return (
    <div className="page">
      <p className="muted">
        <Link href={`/sources/${source.id}`}>← {source.state.title}</Link> · version {source.version} ·{' '}
        <Link href={`/history/source/${source.id}`}>History</Link>
      </p>
      <h1>Edit source</h1>
      <SourceForm action={updateSourceAction.bind(null, source.id)} initial={source.state} version={source.version} />
      <section className={styles.panel} aria-labelledby="delete-source" style={{ marginTop: '1.5rem' }}>
        <h2 id="delete-source">Delete</h2>
        <DeleteRecord action={deleteSourceAction.bind(null, source.id)} version={source.version} what="source" cascade="the claims citing it" />
      </section>
    </div>
  );
}
