'use client';
// Presenting a story full-screen: one step at a time, the map showing the step's view (its
// address, places and camera) with what it highlights while the rest fades, beside its caption,
// its date and the grades of the ties it highlights, each linked to its evidence (the tie's page).
// Keys: → (or Page Down, Space) next, ← (or Page Up) previous, Escape leaves.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { GradeBadge } from '@/components/grade-badge';
import { NetworkMap } from '@/components/map/network-map';
import { formatPartialDate } from '@/lib/domain/dates';
import type { StoryDto, StoryStepDto } from '@/lib/domain/records/story';
import { TIE_TYPE_INFO, type TieType } from '@/lib/domain/vocabulary';
import { storyStepTitle } from '@/lib/graph/report';
import { CaptionText } from './caption-text';
import './views.css';

interface PresentedTie {
  id: string;
  type: TieType;
  source: { slug: string; name: string };
  target: { slug: string; name: string };
  grade: string | null;
  claimCount: number;
}

interface Props {
  story: StoryDto;
  ties: Record<string, PresentedTie>;
  actors: Record<string, string>;
  today: string;
  large: boolean;
  exposeTestHook: boolean;
  /** Where Escape and "Leave" go. */
  exitHref: string;
  /** The step whose address the page was opened at (a reload stays on it). */
  initialStep: number;
}

const day = (iso: string) => formatPartialDate({ date: iso, precision: 'day' });

/** "10 August 2020", "1 January 2019 compared with 10 August 2020", with the knowledge date when set. */
export function stepDateWords(step: StoryStepDto, today: string): string {
  const p = step.state.params;
  const compare = p.compare?.split('..');
  const base = compare && compare.length === 2 ? `${day(compare[0]!)} compared with ${day(compare[1]!)}` : p.asOf ? day(p.asOf) : `today (${day(today)})`;
  return p.known ? `${base}, as known on ${day(p.known)}` : base;
}

export function StoryPresenter({ story, ties, actors, today, large, exposeTestHook, exitHref, initialStep }: Props) {
  const router = useRouter();
  const steps = story.steps;
  const [index, setIndex] = useState(initialStep);
  const step = steps[index];

  const go = useCallback(
    (next: number) => {
      const target = steps[next];
      if (!target) return;
      setIndex(next);
      // The map reads its view from the address; Next keeps useSearchParams in step with replaceState.
      window.history.replaceState(null, '', `${window.location.pathname}${target.search}`);
    },
    [steps],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      if (event.key === 'ArrowRight' || event.key === 'PageDown' || event.key === ' ') {
        event.preventDefault();
        go(Math.min(index + 1, steps.length - 1));
      } else if (event.key === 'ArrowLeft' || event.key === 'PageUp') {
        event.preventDefault();
        go(Math.max(index - 1, 0));
      } else if (event.key === 'Escape') {
        if (document.fullscreenElement) return; // the browser leaves full screen first
        router.push(exitHref);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, index, steps.length, router, exitHref]);

  const highlight = useMemo(() => (step ? [...step.actors.map((a) => `actor:${a}`), ...step.ties.map((t) => `tie:${t}`)] : []), [step]);
  const picture = useMemo(() => (step ? { positions: step.positions, camera: step.camera, search: step.search.slice(1) } : null), [step]);

  if (!step) {
    return (
      <div className="page">
        <h1>{story.title}</h1>
        <p>This story has no steps yet: add views to it from the map with “Add this view as a step”.</p>
        <Link href={exitHref}>Back</Link>
      </div>
    );
  }

  return (
    <div className="story-presenter">
      <NetworkMap
        today={today}
        large={large}
        exposeTestHook={exposeTestHook}
        presenting
        picture={picture}
        highlight={highlight}
        stepExport={{ title: storyStepTitle(story.title, index + 1, steps.length, step.caption), fileBase: `powermap-story-${story.id}-step-${index + 1}` }}
      />
      <aside className="story-caption" aria-label="Story step">
        <p className="muted">
          {story.title} · step {index + 1} of {steps.length}
        </p>
        <h1 aria-live="polite">Step {index + 1}</h1>
        <p className="story-step-date">{stepDateWords(step, today)}</p>
        {step.caption && <CaptionText text={step.caption} className="story-text" />}
        {step.ties.length > 0 && (
          <section aria-label="Highlighted ties">
            <h2>Ties</h2>
            <ul>
              {step.ties.map((id) => {
                const tie = ties[id];
                return (
                  <li key={id}>
                    {tie ? (
                      <>
                        <Link href={`/ties/${id}`}>
                          {tie.source.name} {TIE_TYPE_INFO[tie.type]?.label ?? tie.type} {tie.target.name}
                        </Link>{' '}
                        <GradeBadge grade={tie.grade} />{' '}
                        <span className="muted">
                          {tie.claimCount} {tie.claimCount === 1 ? 'claim' : 'claims'}
                        </span>
                      </>
                    ) : (
                      <span className="muted">A tie no longer in the network ({id})</span>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        )}
        {step.actors.length > 0 && (
          <section aria-label="Highlighted actors">
            <h2>Actors</h2>
            <ul>
              {step.actors.map((slug) => (
                <li key={slug}>
                  <Link href={`/actors/${slug}`}>{actors[slug] ?? slug}</Link>
                </li>
              ))}
            </ul>
          </section>
        )}
        {step.dropped.length > 0 && <p role="alert">Left out of this step (saved by an older Powermap): {step.dropped.map((d) => d.param).join(', ')}.</p>}
        <div className="story-nav">
          <button type="button" onClick={() => go(index - 1)} disabled={index === 0}>
            ← Previous
          </button>
          <button type="button" onClick={() => go(index + 1)} disabled={index === steps.length - 1}>
            Next →
          </button>
          <button type="button" onClick={() => void document.documentElement.requestFullscreen?.()}>
            Full screen
          </button>
          <Link href={exitHref}>Leave (Esc)</Link>
        </div>
        <p className="muted">Keys: → next, ← previous, Esc leaves.</p>
      </aside>
    </div>
  );
}
