// A story as it is presented: its steps, and for what they highlight the evidence a reader checks
// (each tie's best grade and its ends' names, each actor's name), read in two queries however
// many steps there are (at most 100 steps of 200 highlights each).
import 'server-only';
import { getDb } from '../../db/client';
import type { StoryDto } from '../../domain/records/story';
import type { TieType } from '../../domain/vocabulary';
import type { Principal } from '../principal';
import { getStory } from './read-stories';

export interface PresentedTie {
  id: string;
  type: TieType;
  source: { slug: string; name: string };
  target: { slug: string; name: string };
  grade: string | null;
  claimCount: number;
}

export interface PresentedStory {
  story: StoryDto;
  /** Highlighted ties still in the network, by id; a deleted one is left out (the step says so). */
  ties: Record<string, PresentedTie>;
  /** Highlighted actors' names, by slug. */
  actors: Record<string, string>;
}

export async function getStoryToPresent(principal: Principal, id: string): Promise<PresentedStory> {
  const story = await getStory(principal, id);
  const tieIds = [...new Set(story.steps.flatMap((s) => s.ties))];
  const slugs = [...new Set(story.steps.flatMap((s) => s.actors))];
  const db = await getDb();
  const [ties, actors] = await Promise.all([
    tieIds.length
      ? db.tie.findMany({
          where: { id: { in: tieIds }, deletedAt: null },
          select: { id: true, type: true, bestGrade: true, claimCount: true, source: { select: { slug: true, name: true } }, target: { select: { slug: true, name: true } } },
        })
      : [],
    slugs.length ? db.actor.findMany({ where: { slug: { in: slugs }, deletedAt: null }, select: { slug: true, name: true } }) : [],
  ]);
  return {
    story,
    ties: Object.fromEntries(ties.map((t) => [t.id, { id: t.id, type: t.type as TieType, source: t.source, target: t.target, grade: t.bestGrade, claimCount: t.claimCount }])),
    actors: Object.fromEntries(actors.map((a) => [a.slug, a.name])),
  };
}
