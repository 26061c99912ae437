// /embed/views/{id}: a published view, read-only, for an iframe on another site (the admin's allowed
// origins only: proxy.ts writes its frame-ancestors). No session is read: the root layout gives
// /embed pages a bare shell, and the document comes from GET /api/embed/views/{id}.
import { EmbedPage, embedMetadata } from '../../embed-page';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props) {
  return embedMetadata('view', (await params).id);
}

export default async function EmbeddedViewPage({ params }: Props) {
  return <EmbedPage kind="view" id={(await params).id} />;
}
