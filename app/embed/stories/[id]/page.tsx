// /embed/stories/{id}: a published story, read-only, stepped through with its buttons or the arrow
// keys, for an iframe on another site (see /embed/views/{id}).
import { EmbedPage, embedMetadata } from '../../embed-page';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props) {
  return embedMetadata('story', (await params).id);
}

export default async function EmbeddedStoryPage({ params }: Props) {
  return <EmbedPage kind="story" id={(await params).id} />;
}
