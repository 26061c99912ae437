// GET /api/ties/{id}: one tie with its claims and notes (anchor for the tie page /ties/{id}).
import { tieDetail } from '../../../../lib/queries';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const tie = await tieDetail((await params).id);
  return tie ? Response.json(tie) : Response.json({ error: 'not found' }, { status: 404 });
}
