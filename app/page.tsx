// The network map at /. The page itself carries no network: the map fetches what it draws from
// GET /api/graph/map (a compact, cacheable payload), whose request starts here, beside the
// scripts, so it is under way before the map's code has loaded.
import type { Metadata } from 'next';
import { preload } from 'react-dom';
import { NetworkMap } from '@/components/map/network-map';
import { mapPublishing } from './views/map-publishing';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { isLargeNetwork } from '@/lib/data/network/load-map';
import { hasRole } from '@/lib/data/principal';
import { overviewAboveForTests } from '@/lib/http/test-overrides';
import { mapPayloadPath } from '@/lib/graph/map-payload';
import { todayIso } from '@/lib/domain/dates';
import { parseGraphQuery, DEFAULT_LAYOUT } from '@/lib/validation/graph-queries';
import type { SearchParamsInput } from '@/lib/validation/shared-queries';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Network map' };

export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParamsInput> }) {
  const principal = await currentPrincipal();
  const large = await isLargeNetwork(principal, { overviewAbove: await overviewAboveForTests() });
  const parsed = parseGraphQuery(await searchParams);
  const address = parsed.ok ? parsed : { query: { showEnded: true, hops: 1 }, view: { layout: DEFAULT_LAYOUT } };
  // The same address the map will fetch (a fetch-mode preload must match it, credentials included).
  preload(mapPayloadPath(large, address.query, address.view), { as: 'fetch', crossOrigin: 'anonymous' });
  return <NetworkMap today={todayIso()} large={large} exposeTestHook={process.env.POWERMAP_TEST_HOOKS === '1'} publishing={await mapPublishing(principal)} layoutRuns={hasRole(principal, 'analyst')} />;
}
