// GET /api/me: who the request is signed in as (session cookie or API token); 401 when nobody.
import { NextResponse } from 'next/server';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { AppError } from '@/lib/data/errors';
import { handle } from '@/lib/http/errors';

export const dynamic = 'force-dynamic';

export const GET = handle(async () => {
  const principal = await currentPrincipal();
  if (principal.type !== 'user') throw new AppError('unauthenticated', 'Not signed in');
  return NextResponse.json({ id: principal.userId, name: principal.name, role: principal.role }, { headers: { 'Cache-Control': 'no-store' } });
});
