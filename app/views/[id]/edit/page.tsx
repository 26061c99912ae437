// /views/{id}/edit: a saved view's name, description, visibility and address name (owner or
// admin), deleting it, and its history.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteRecord } from '@/components/editing/delete-record';
import { WORK_DELETED } from '@/components/views/work-history';
import { EditViewForm } from '@/components/views/work-forms';
import { WorkHistory } from '@/components/views/work-history';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { hasRole } from '@/lib/data/principal';
import { getSavedView } from '@/lib/data/views/read-saved-views';
import { findWorkHistory } from '@/lib/data/views/work-history';
import { orNull } from '@/lib/http/or-null';
import { deleteViewAction, updateViewAction } from '../../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Edit view' };

export default async function EditViewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const principal = await currentPrincipal();
  const view = await orNull(getSavedView(principal, decodeURIComponent(id)));
  if (!view) notFound();
  const history = await findWorkHistory(principal, 'view', view.id);
  return (
    <div className="page">
      <p className="muted">
        <Link href={`/views/${view.slug ?? view.id}`}>Open this view</Link> · <Link href="/views">All saved views</Link>
      </p>
      <h1>{view.title}</h1>
      {view.canEdit ? (
        <>
          <EditViewForm action={updateViewAction.bind(null, view.id)} view={view} mayPublish={hasRole(principal, 'analyst')} />
          <DeleteRecord action={deleteViewAction.bind(null, view.id)} version={view.version} what="view" afterwards={WORK_DELETED} />
        </>
      ) : (
        <p className="muted">Only its owner or an admin may change this view.</p>
      )}
      <WorkHistory revisions={history} type="view" analyst={hasRole(principal, 'analyst')} />
    </div>
  );
}
