// /views/{id or address name}: the map exactly as the view was saved (its address, then its places
// and camera put back). The address of the page carries the view's state, so the map reads it as
// it reads any address; changing anything leaves the saved picture and the map carries on.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { NetworkMap } from '@/components/map/network-map';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { isLargeNetwork } from '@/lib/data/network/load-map';
import { getSavedView } from '@/lib/data/views/read-saved-views';
import { todayIso } from '@/lib/domain/dates';
import { VIEW_VISIBILITY_LABELS } from '@/lib/domain/records/saved-view';
import { orNull } from '@/lib/http/or-null';
import { overviewAboveForTests } from '@/lib/http/test-overrides';
import { describeDropped } from '@/lib/validation/view-state';
import type { SearchParamsInput } from '@/lib/validation/shared-queries';
import { mapPublishing } from '../map-publishing';
import { EmbedSection } from '../embed-section';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParamsInput>;
}

async function load(params: Props['params']) {
  const { id } = await params;
  return orNull(getSavedView(await currentPrincipal(), decodeURIComponent(id)));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await load(params);
  return { title: view ? `View: ${view.title}` : 'View not found' };
}

export default async function SavedViewPage({ params, searchParams }: Props) {
  const view = await load(params);
  if (!view) notFound();
  const { id } = await params;
  // Opened without an address: go to the view's own, which the map then reads.
  if (Object.keys(await searchParams).length === 0 && view.search) redirect(`/views/${id}${view.search}`);
  const principal = await currentPrincipal();
  const large = await isLargeNetwork(principal, { overviewAbove: await overviewAboveForTests() });
  return (
    <>
      <div className="saved-view-banner" aria-label="Saved view">
        <p>
          <strong>{view.title}</strong>
          <span className="muted">
            {' '}
            · saved view · {VIEW_VISIBILITY_LABELS[view.visibility]}
            {view.ownerName ? ` · by ${view.ownerName}` : ''}
          </span>
          {view.canEdit && (
            <>
              {' '}
              · <Link href={`/views/${view.id}/edit`}>Edit this view</Link>
            </>
          )}{' '}
          · <Link href="/views">All saved views</Link>
        </p>
        {view.description && <p className="muted">{view.description}</p>}
        {view.canEdit && <EmbedSection principal={principal} kind="view" id={view.id} isPublic={view.visibility === 'public'} />}
        {view.stateError && <p role="alert">{view.stateError}: the whole network is shown instead.</p>}
        {view.dropped.length > 0 && (
          <p role="alert">This view was saved by an older Powermap; what today&apos;s map no longer reads was left out: {describeDropped(view.dropped)}.</p>
        )}
      </div>
      <NetworkMap
        today={todayIso()}
        large={large}
        exposeTestHook={process.env.POWERMAP_TEST_HOOKS === '1'}
        picture={{ positions: view.positions, camera: view.camera, search: view.search.slice(1) }}
        publishing={await mapPublishing(principal)}
      />
    </>
  );
}
