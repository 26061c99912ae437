// POST /api/layout-jobs/{id}/undo: put back the positions the latest finished layout run replaced,
// in one transaction recorded as a revision; 200 with the run, now undone; 409 for any other run.
// Analysts.
import { NextResponse } from 'next/server';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { undoLayoutJob } from '@/lib/data/layout/undo-layout-job';
import { handle } from '@/lib/http/errors';
import { readJsonObject, type RouteContext } from '@/lib/http/record-handlers';
import { revalidateAfterChange } from '@/lib/http/revalidate';
import { assertSameOrigin } from '@/lib/http/same-origin';

export const dynamic = 'force-dynamic';

export const POST = handle(async (request: Request, context: RouteContext<{ id: string }>) => {
  assertSameOrigin(request);
  const principal = await currentPrincipal();
  const job = await undoLayoutJob(principal, (await context.params).id, await readJsonObject(request));
  revalidateAfterChange();
  return NextResponse.json(job, { headers: { 'Cache-Control': 'no-store' } });
});
