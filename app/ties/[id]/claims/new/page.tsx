// /ties/{id}/claims/new: an analyst adds a claim about the tie, citing a source (an existing one,
// or a new one added on the way: ?source= preselects it).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ClaimForm } from '@/components/editing/claim-form';
import { editor, NotAllowed } from '@/app/_editing/guard';
import { orNull } from '@/lib/http/or-null';
import { createClaimAction } from '@/app/claims/actions';
import { findActorChoices, findSourceChoices } from '@/lib/data/editing/find-editable';
import { getEditableRecord } from '@/lib/data/editing/get-editable-record';
import { TIE_TYPE_INFO, type TieType } from '@/lib/domain/vocabulary';

export const metadata: Metadata = { title: 'New claim' };
export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function NewClaimPage({ params, searchParams }: Props) {
  const { id } = await params;
  const principal = await editor();
  if (!principal) return <NotAllowed what="New claim" returnTo={`/ties/${id}/claims/new`} />;
  const tie = await orNull(getEditableRecord(principal, { type: 'tie', id }));
  if (!tie) notFound();
  const [sources, actors] = await Promise.all([findSourceChoices(principal), findActorChoices(principal)]);
  const name = (slug: string) => actors.find((a) => a.slug === slug)?.name ?? slug;
  const chosen = (await searchParams).source;
  const sourceId = typeof chosen === 'string' && sources.some((s) => s.id === chosen) ? chosen : null;
  return (
    <div className="page">
      <p className="muted">
        <Link href={`/ties/${tie.id}`}>← the tie</Link>
      </p>
      <h1>
        New claim: {name(tie.state.source)} {TIE_TYPE_INFO[tie.state.type as TieType]?.label ?? tie.state.type} {name(tie.state.target)}
      </h1>
      <ClaimForm action={createClaimAction} tieId={tie.id} sources={sources} sourceId={sourceId} newSourceHref={`/sources/new?next=${encodeURIComponent(`/ties/${tie.id}/claims/new`)}`} />
    </div>
  );
}
