// /actors/new: an analyst adds an actor, with its name variants in any script.
import type { Metadata } from 'next';
import { ActorForm } from '@/components/editing/actor-form';
import { editor, NotAllowed } from '@/app/_editing/guard';
import { createActorAction } from './actions';

export const metadata: Metadata = { title: 'New actor' };
export const dynamic = 'force-dynamic';

export default async function NewActorPage() {
  if (!(await editor())) return <NotAllowed what="New actor" returnTo="/actors/new" />;
  return (
    <div className="page">
      <h1>New actor</h1>
      <ActorForm action={createActorAction} />
    </div>
  );
}
