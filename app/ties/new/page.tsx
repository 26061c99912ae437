// /ties/new: an analyst adds a tie between two actors (?source= and ?target= prefill the ends).
import type { Metadata } from 'next';
import { TieForm } from '@/components/editing/tie-form';
import { editor, NotAllowed } from '@/app/_editing/guard';
import { findActorChoices } from '@/lib/data/editing/find-editable';
import { createTieAction } from './actions';

export const metadata: Metadata = { title: 'New tie' };
export const dynamic = 'force-dynamic';

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

export default async function NewTiePage({ searchParams }: { searchParams: Search }) {
  const principal = await editor();
  if (!principal) return <NotAllowed what="New tie" returnTo="/ties/new" />;
  const query = await searchParams;
  const actors = await findActorChoices(principal);
  return (
    <div className="page">
      <h1>New tie</h1>
      <TieForm action={createTieAction} actors={actors} initial={{ source: one(query.source), target: one(query.target) }} />
    </div>
  );
}
