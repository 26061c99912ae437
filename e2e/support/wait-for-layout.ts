// Playwright global setup (it runs once the web server answers): npm start lays the fresh seed
// out on a worker thread while it already serves, and the map tests compare against the stored
// layout, so the tests begin once /api/health reports every actor placed.
import type { FullConfig } from '@playwright/test';

export default async function waitForLayout(config: FullConfig): Promise<void> {
  const base = config.projects[0]?.use.baseURL;
  if (!base) throw new Error('wait-for-layout: no baseURL in the Playwright config');
  const deadline = Date.now() + 120_000;
  let last = 'no answer';
  while (Date.now() < deadline) {
    const health = await fetch(new URL('/api/health', base)).then(
      (r) => r.json() as Promise<{ map?: { actorsWithoutPosition: number } }>,
      (e: Error) => ({ error: e.message }),
    );
    if ('map' in health && health.map?.actorsWithoutPosition === 0) return;
    last = JSON.stringify(health);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`wait-for-layout: the seed was still not laid out after 120 s (last health: ${last})`);
}
