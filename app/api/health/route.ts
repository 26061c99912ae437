// GET /api/health: 200 with the database kind and migration state once the app is ready.
import { NextResponse } from 'next/server';
import { getHealth } from '@/lib/data/health';
import { handle } from '@/lib/http/errors';

export const dynamic = 'force-dynamic';

export const GET = handle(async () => {
  const health = await getHealth();
  // Never stored: it says how the server is now, for monitors and load balancers.
  return NextResponse.json(health, { status: health.status === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
});
