// GET /api/layout-jobs/{id}: one "lay out again and save" run: its status, phase and progress (0 to 1),
// how many actors it moved, why it failed. Polled by the map while it runs. Analysts.
import { NextResponse } from 'next/server';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { getLayoutJob } from '@/lib/data/layout/layout-jobs';
import { handle } from '@/lib/http/errors';
import type { RouteContext } from '@/lib/http/record-handlers';

export const dynamic = 'force-dynamic';

export const GET = handle(async (_request: Request, context: RouteContext<{ id: string }>) => {
  const job = await getLayoutJob(await currentPrincipal(), (await context.params).id);
  return NextResponse.json(job, { headers: { 'Cache-Control': 'no-store' } });
});
