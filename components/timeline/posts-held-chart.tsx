// The profile's "Posts held" drawn by the timeline's own chart: one row per post the actor held
// (a post held twice is one row with two bars), each bar linking to its tie.
import { todayIso } from '@/lib/domain/dates';
import type { ProfileTie } from '@/lib/domain/responses';
import { postRows, timelineAxis, type TimelineTie } from '@/lib/graph/timeline';
import { TimelineChart } from './timeline-chart';

/** The profile's main column is about half the page: a strip that fits beside the posts' names. */
const PROFILE_STRIP_WIDTH = 380;

export function PostsHeldChart({ actor, posts, today = todayIso() }: { actor: { slug: string; name: string }; posts: readonly ProfileTie[]; today?: string }) {
  const ties: TimelineTie[] = posts.map((p) => ({
    tieId: p.tieId, type: p.type, role: p.role, source: { slug: actor.slug, label: actor.name }, target: { slug: p.other.slug, label: p.other.name },
    start: p.start, end: p.end, grade: p.grade, disputed: p.disputed, versions: [],
  }));
  const group = postRows(ties, today);
  return <TimelineChart id="posts-held" groups={[group]} axis={timelineAxis([group], today)} caption={`Posts held by ${actor.name}, as a timeline`} nameHeading="Post" stripWidth={PROFILE_STRIP_WIDTH} />;
}
