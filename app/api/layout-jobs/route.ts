// GET /api/layout-jobs: the latest "lay out again and save" runs, newest first ({ jobs }).
// POST /api/layout-jobs: start one ({ scope: "all" } or { scope: "view", query: the map's address });
// 202 with the run, queued, which then runs on this server off the request path (poll
// GET /api/layout-jobs/{id} for its progress); 409 while another runs. Analysts.
import { NextResponse } from 'next/server';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { findLayoutJobs, startLayoutJob } from '@/lib/data/layout/layout-jobs';
import { runLayoutJobInBackground } from '@/lib/data/layout/run-layout-job';
import { handle } from '@/lib/http/errors';
import { readJsonObject } from '@/lib/http/record-handlers';
import { revalidateAfterChange } from '@/lib/http/revalidate';
import { assertSameOrigin } from '@/lib/http/same-origin';

export const dynamic = 'force-dynamic';

export const GET = handle(async () => {
  const jobs = await findLayoutJobs(await currentPrincipal());
  return NextResponse.json({ jobs }, { headers: { 'Cache-Control': 'no-store' } });
});

export const POST = handle(async (request: Request) => {
  assertSameOrigin(request);
  const principal = await currentPrincipal();
  const job = await startLayoutJob(principal, await readJsonObject(request));
  runLayoutJobInBackground(job.id);
  // The run's own save bumps the network revision, which the map's payload is keyed on; pages refresh now, as after any change.
  revalidateAfterChange();
  return NextResponse.json(job, { status: 202, headers: { 'Cache-Control': 'no-store', Location: `/api/layout-jobs/${job.id}` } });
});
