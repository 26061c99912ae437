// GET /api/actors?q=…: name search with tie counts (anchor for Powermap's /api/actors?q=).
import { searchActors } from '../../../lib/queries';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return Response.json(await searchActors(new URL(request.url).searchParams.get('q') ?? ''));
}
