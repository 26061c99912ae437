// Settings an end-to-end test may change for its own browser, and only on a server started with
// POWERMAP_TEST_HOOKS=1 (never in production): the seed then stands in for a large network.
import 'server-only';
import { cookies } from 'next/headers';

/** Actors plus ties above which the map opens as an overview, for this browser's requests. */
export const OVERVIEW_ABOVE_COOKIE = 'powermap-test-overview-above';

export async function overviewAboveForTests(): Promise<number | undefined> {
  if (process.env.POWERMAP_TEST_HOOKS !== '1') return undefined;
  const value = Number((await cookies()).get(OVERVIEW_ABOVE_COOKIE)?.value);
  return Number.isInteger(value) && value >= 0 ? value : undefined;
}
