// /duplicates/merges/{id}: one merge: what was merged into what, by whom and when, the ties it
// dropped and combined, and the button that undoes it. Analysts.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { editor, NotAllowed } from '@/app/_editing/guard';
import { ActionForm } from '@/components/duplicates/action-form';
import { plural } from '@/components/profile/format';
import { getMerge } from '@/lib/data/actors/merge-actors';
import { TIE_TYPE_INFO, type TieType } from '@/lib/domain/vocabulary';
import { orNull } from '@/lib/http/or-null';
import { unmergeActorsAction } from '../../merge-actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Merge' };

interface Props {
  params: Promise<{ id: string }>;
}

const typeLabel = (type: string) => TIE_TYPE_INFO[type as TieType]?.label ?? type;

export default async function MergeRecordPage({ params }: Props) {
  const { id } = await params;
  const principal = await editor();
  if (!principal) return <NotAllowed what="Merge" returnTo={`/duplicates/merges/${id}`} />;
  const merge = await orNull(getMerge(principal, id));
  if (!merge) notFound();
  const { summary } = merge;
  return (
    <div className="page">
      <h1>
        Merged into {summary.into.name}
      </h1>
      <p>
        {summary.merged.map((m, i) => (
          <span key={m.slug}>
            {i ? ', ' : ''}
            {m.name} (<Link href={`/actors/${m.slug}`}>/actors/{m.slug}</Link>)
          </span>
        ))}{' '}
        merged into <Link href={`/actors/${summary.into.slug}`}>{summary.into.name}</Link> by {merge.by ?? 'the system'} on {merge.createdAt.slice(0, 16).replace('T', ' ')} UTC.
        {merge.undoneAt ? ` Undone on ${merge.undoneAt.slice(0, 16).replace('T', ' ')} UTC.` : ''}
      </p>
      <ul>
        <li>{plural(summary.movedTies, 'tie')} moved</li>
        <li>{plural(summary.movedClaims, 'claim')} and {plural(summary.movedNotes, 'note')} on the actor moved</li>
        <li>
          {plural(summary.selfTies.length, 'tie')} between them dropped{summary.selfTies.length ? `: ${summary.selfTies.map((t) => typeLabel(t.type)).join(', ')}` : ''}
        </li>
        <li>
          {plural(summary.combined.length, 'duplicate tie')} combined{summary.combined.length ? `: ${summary.combined.map((c) => typeLabel(c.type)).join(', ')}` : ''}
        </li>
      </ul>
      {merge.undoneAt ? (
        <p role="status">This merge was undone: every record it changed is as it was before.</p>
      ) : (
        <ActionForm label="Unmerge" submit="Unmerge" action={unmergeActorsAction.bind(null, merge.id, merge.version)}>
          <p>Unmerging puts back every record the merge changed, exactly as it was, unless one of them was changed since.</p>
          <label>
            Reason <input name="reason" maxLength={500} placeholder="Why they are not one actor" />
          </label>{' '}
        </ActionForm>
      )}
    </div>
  );
}
