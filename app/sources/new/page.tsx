// /sources/new: an analyst adds a source with its reliability grade. Opened from a new claim
// (?next=/ties/…/claims/new), it goes back there with the new source chosen.
import type { Metadata } from 'next';
import { SourceForm } from '@/components/editing/source-form';
import { editor, NotAllowed } from '@/app/_editing/guard';
import { localPath } from '@/lib/validation/form-input';
import { createSourceAction } from './actions';

export const metadata: Metadata = { title: 'New source' };
export const dynamic = 'force-dynamic';

export default async function NewSourcePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (!(await editor())) return <NotAllowed what="New source" returnTo="/sources/new" />;
  const next = localPath((await searchParams).next);
  return (
    <div className="page">
      <h1>New source</h1>
      {next ? <p className="muted">After saving you go back to the claim you were adding, with this source chosen.</p> : null}
      <SourceForm action={createSourceAction} next={next} />
    </div>
  );
}
