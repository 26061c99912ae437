// /stories/{id}/present: the story full-screen, one step at a time (keyboard: arrows, Escape). The
// page's address is the current step's map address, so a reload stays on that step.
import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { StoryPresenter } from '@/components/views/story-presenter';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { isLargeNetwork } from '@/lib/data/network/load-map';
import { getStoryToPresent } from '@/lib/data/stories/present-story';
import { todayIso } from '@/lib/domain/dates';
import { orNull } from '@/lib/http/or-null';
import { overviewAboveForTests } from '@/lib/http/test-overrides';
import { parseGraphQuery, serializeGraphQuery } from '@/lib/validation/graph-queries';
import type { SearchParamsInput } from '@/lib/validation/shared-queries';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParamsInput>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const presented = await orNull(getStoryToPresent(await currentPrincipal(), decodeURIComponent(id)));
  return { title: presented ? `Story: ${presented.story.title}` : 'Story not found' };
}

export default async function PresentStoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const principal = await currentPrincipal();
  const presented = await orNull(getStoryToPresent(principal, decodeURIComponent(id)));
  if (!presented) notFound();
  const { story } = presented;
  const query = await searchParams;
  const first = story.steps[0];
  if (Object.keys(query).length === 0 && first?.search) redirect(`/stories/${story.id}/present${first.search}`);
  const parsed = parseGraphQuery(query);
  const search = parsed.ok ? serializeGraphQuery(parsed.query, parsed.view).toString() : '';
  const initialStep = Math.max(0, story.steps.findIndex((s) => s.search.slice(1) === search));
  const large = await isLargeNetwork(principal, { overviewAbove: await overviewAboveForTests() });
  return (
    <StoryPresenter
      story={story}
      ties={presented.ties}
      actors={presented.actors}
      today={todayIso()}
      large={large}
      exposeTestHook={process.env.POWERMAP_TEST_HOOKS === '1'}
      exitHref={story.canEdit ? `/stories/${story.id}/edit` : '/views'}
      initialStep={initialStep}
    />
  );
}
