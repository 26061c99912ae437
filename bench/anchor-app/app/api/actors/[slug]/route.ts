// GET /api/actors/{slug}: one actor's profile data (anchor for /api/actors/{slug} and /actors/{slug}).
import { actorProfile } from '../../../../lib/queries';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const profile = await actorProfile((await params).slug);
  return profile ? Response.json(profile) : Response.json({ error: 'not found' }, { status: 404 });
}
