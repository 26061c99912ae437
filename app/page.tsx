// The network map at /: the whole network goes to the browser once, and every view (date,
// filters, focus, selection, path, layout) is cut from it there, following the address.
import type { Metadata } from 'next';
import { NetworkMap } from '@/components/map/network-map';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { loadGraph } from '@/lib/data/graph';
import { withProvisionalPositions } from '@/lib/graph/place-beside-neighbours';
import { todayIso } from '@/lib/domain/dates';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Network map' };

export default async function HomePage() {
  // Actors the start-up layout job has not placed yet are drawn beside their neighbours.
  const graph = withProvisionalPositions(await loadGraph(await currentPrincipal()));
  return <NetworkMap graph={graph} today={todayIso()} exposeTestHook={process.env.POWERMAP_TEST_HOOKS === '1'} />;
}
