// The owner's embed section of a view's or story's page: when it was last published, and the
// publish, republish and unpublish buttons bound to it.
import 'server-only';
import { PublishControls } from '@/components/embeds/publish-controls';
import { findEmbedStatus } from '@/lib/data/embeds/read-embed';
import type { Principal } from '@/lib/data/principal';
import { embedPath, type EmbedKind } from '@/lib/graph/embed-snapshot';
import { publishEmbedAction, unpublishEmbedAction } from './embed-actions';

export async function EmbedSection({ principal, kind, id, isPublic }: { principal: Principal; kind: EmbedKind; id: string; isPublic: boolean }) {
  const status = await findEmbedStatus(principal, kind, id);
  return (
    <PublishControls
      what={kind}
      isPublic={isPublic}
      published={status && { publishedAt: status.publishedAt, version: status.version, publishedByName: status.publishedByName }}
      embedPath={embedPath(kind, id)}
      publish={publishEmbedAction.bind(null, kind, id)}
      unpublish={unpublishEmbedAction.bind(null, kind, id)}
    />
  );
}
