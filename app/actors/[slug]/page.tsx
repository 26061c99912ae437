// An actor's profile: names in every script, dates, posts held, ties by type (current and past)
// with grades and disputes, a one-hop map, the sources cited, and notes.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { cache, Suspense } from 'react';
import { GradeBadge, ReliabilityBadge } from '@/components/grade-badge';
import { ChainOfCommandSection } from '@/components/profile/chain-of-command';
import { claimStatusLabel, lifeDates, plural } from '@/components/profile/format';
import { NameVariants } from '@/components/profile/name-variants';
import { NotesList } from '@/components/profile/notes-list';
import { PositionsTimeline } from '@/components/profile/positions-timeline';
import { PostsHeldChart } from '@/components/timeline/posts-held-chart';
import styles from '@/components/profile/profile.module.css';
import { TieGroups } from '@/components/profile/tie-groups';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { getActorProfile } from '@/lib/data/actors/get-actor-profile';
import { mergedInto } from '@/lib/data/actors/merge-actors';
import { loadChainOfCommand } from '@/lib/data/actors/load-chain-of-command';
import { loadPostSuccessions } from '@/lib/data/actors/load-post-successions';
import { canSeeInternal } from '@/lib/data/principal';
import { ACTOR_KIND_LABELS, FACTION_LABELS } from '@/lib/domain/vocabulary';
import { actorNodeId } from '@/lib/graph/build-view';
import { postsHeld } from '@/lib/graph/positions';
import { groupTiesForActor } from '@/lib/graph/tie-grouping';
import { orNull } from '@/lib/http/or-null';
import { chainQuerySchema } from '@/lib/validation/chain-queries';
import { ActorRanks } from './actor-ranks';
import { EgoMap } from './ego-map';
// Edit controls for analysts (render nothing for anyone else).
import { ActorEditControls, NotesControls } from '@/app/_editing/edit-controls';
import { formatPartialDate, formatPeriod } from '@/lib/domain/dates';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Units have a chain of command; people and events do not. */
const hasChain = (kind: string) => kind !== 'person' && kind !== 'event';

/** One read per request, shared by the title and the page. */
const loadProfile = cache(async (slug: string) => orNull(getActorProfile(await currentPrincipal(), { slug })));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const profile = await loadProfile((await params).slug);
  if (!profile) return { title: 'Actor not found' };
  return { title: profile.name, description: profile.summary || undefined };
}

export default async function ActorProfilePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { on } = await searchParams;
  const principal = await currentPrincipal();
  const profile = await loadProfile(slug);
  if (!profile) {
    // A slug of an actor merged into another leads to it.
    const to = await mergedInto(slug);
    if (to) permanentRedirect(`/actors/${to}`);
    notFound();
  }

  const nodeId = actorNodeId(profile.slug);
  const groups = groupTiesForActor(nodeId, profile.ties, profile.asOf);
  const posts = postsHeld(nodeId, profile.ties);
  const dates = lifeDates(profile.kind, profile.start, profile.end);
  const internal = canSeeInternal(principal);
  // The chain's day: the date field's, when it is a real day; else today, with a word why.
  const day = chainQuerySchema.shape.on.safeParse(typeof on === 'string' ? on : undefined);
  const chain = hasChain(profile.kind) ? await loadChainOfCommand(principal, { slug: profile.slug, on: day.success ? day.data : undefined }) : null;
  const successions = posts.length > 0 ? await loadPostSuccessions(principal, profile.slug) : {};
  const chainError = day.success ? null : 'That is not a real day (YYYY-MM-DD); showing today.';

  return (
    <div className="page">
      <header className={styles.header}>
        <p className={styles.kicker}>
          <span>{ACTOR_KIND_LABELS[profile.kind] ?? profile.kind}</span>
          <span aria-hidden="true">·</span>
          <span>{FACTION_LABELS[profile.faction] ?? profile.faction}</span>
          {dates ? (
            <>
              <span aria-hidden="true">·</span>
              <span>{dates}</span>
            </>
          ) : null}
        </p>
        <h1 className={styles.title}>{profile.name}</h1>
        {profile.summary ? <p className={styles.lead}>{profile.summary}</p> : null}
        <ul className={styles.actions}>
          <li>
            <Link href={`/?focus=${encodeURIComponent(profile.slug)}`}>Open on the map</Link>
          </li>
          <li>
            <Link href={`/history/actor/${encodeURIComponent(profile.slug)}`}>Change history</Link>
          </li>
          <li>
            <a href={`/api/actors/${encodeURIComponent(profile.slug)}`} type="application/json">
              As JSON
            </a>
          </li>
        </ul>
      </header>

      <ActorEditControls slug={profile.slug} />

      <div className={styles.layout}>
        <div>
          {profile.description ? (
            <section className={styles.section} aria-labelledby="about">
              <h2 id="about">About</h2>
              <p className={styles.prose}>{profile.description}</p>
            </section>
          ) : null}

          {chain ? <ChainOfCommandSection chain={chain} error={chainError} /> : null}

          {posts.length > 0 ? (
            <section className={styles.section} aria-labelledby="positions">
              <h2 id="positions">Posts held</h2>
              <PostsHeldChart actor={profile} posts={posts} />
              <PositionsTimeline posts={posts} successions={successions} />
            </section>
          ) : null}

          <section className={styles.section} aria-labelledby="ties">
            <h2 id="ties">Ties</h2>
            <p className="muted">
              {plural(profile.ties.length, 'tie')}, current and past as of {formatPartialDate({ date: profile.asOf, precision: 'day' })}. Grades are the best supporting claim&apos;s:
              source reliability A–F, then credibility 1–6.
            </p>
            <TieGroups groups={groups} />
          </section>

          {profile.claims.length > 0 ? (
            <section className={styles.section} aria-labelledby="facts">
              <h2 id="facts">Claims about {profile.name}</h2>
              <ul className={styles.plainList}>
                {profile.claims.map((claim) => (
                  <li key={claim.id}>
                    {claim.fact ? <strong>{capitalise(claim.fact)}</strong> : null}
                    {claim.statedStart || claim.statedEnd ? <span> ({formatPeriod(claim.statedStart, claim.statedEnd, { current: false })})</span> : null}
                    {claim.fact ? ': ' : null}
                    {claim.quote}{' '}
                    <span className="muted">
                      — <Link href={`/sources/${claim.source.id}#claim-${claim.id}`}>{claim.source.title}</Link>
                    </span>{' '}
                    <GradeBadge grade={claim.grade} />{' '}
                    {claim.status !== 'accepted' ? <span className="badge badge-disputed">{claimStatusLabel(claim.status)}</span> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <section className={styles.section} aria-labelledby="notes">
            <h2 id="notes">Notes</h2>
            <NotesControls owner={{ actor: profile.slug }} fallback={<NotesList notes={profile.notes} />} />
            {!internal ? <p className="muted">Signed-in analysts also see internal notes here.</p> : null}
          </section>
        </div>

        <aside>
          <section className={styles.section} aria-labelledby="network">
            <h2 id="network">Network</h2>
            <EgoMap slug={profile.slug} name={profile.name} asOf={profile.asOf} />
            <p>
              <Link href={`/?focus=${encodeURIComponent(profile.slug)}`}>Open {profile.name} on the big map</Link>
            </p>
            <h3>Where {profile.name} ranks</h3>
            <Suspense fallback={<p className="muted">Ranking the network…</p>}>
              <ActorRanks slug={profile.slug} asOf={profile.asOf} />
            </Suspense>
          </section>

          <section className={styles.section} aria-labelledby="names">
            <h2 id="names">Names</h2>
            <NameVariants names={profile.names} />
          </section>

          <section className={styles.section} aria-labelledby="sources">
            <h2 id="sources">Sources</h2>
            {profile.sources.length === 0 ? (
              <p className="muted">No sources cited.</p>
            ) : (
              <ul className={styles.plainList}>
                {profile.sources.map(({ source, claimCount }) => (
                  <li key={source.id}>
                    <ReliabilityBadge reliability={source.reliability} /> <Link href={`/sources/${source.id}`}>{source.title}</Link>{' '}
                    <span className="muted">
                      {source.publisher ? `${source.publisher}, ` : ''}
                      {plural(claimCount, 'claim')}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
    </div>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
