// /timeline: who held which post when, across actors, as a Gantt chart. Rows per post grouped by
// institution ("Heads of KGB of Belarus": Zaitsev, Vakulchik, Tertel) or per actor, filtered by the
// map's own address (parseGraphQuery: kinds, factions, types, minGrade, focus, known), with the
// map's date (`asOf`) as the cursor and a link to the map on that date. Paged on the server
// (loadTimeline), so a network of any size draws one page of bars; a plain GET form, no script.
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { TimelineChart } from '@/components/timeline/timeline-chart';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { loadTimeline } from '@/lib/data/network/load-timeline';
import { formatPartialDate } from '@/lib/domain/dates';
import { ACTOR_KIND_LABELS, ACTOR_KINDS, POST_TIE_TYPES, TIE_TYPES, TIE_TYPE_INFO } from '@/lib/domain/vocabulary';
import { timelineAxis } from '@/lib/graph/timeline';
import type { GraphQuery } from '@/lib/graph/types';
import { serializeGraphQuery } from '@/lib/validation/graph-queries';
import { parseTimelineQuery, type TimelineParams } from '@/lib/validation/timeline-queries';
import styles from '@/components/timeline/timeline.module.css';

export const metadata: Metadata = { title: 'Timeline' };
export const dynamic = 'force-dynamic';

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The timeline's own address: the map's query as the map writes it, then rows and page. */
function timelineHref(query: GraphQuery, timeline: Partial<TimelineParams>): string {
  const params = serializeGraphQuery(query);
  if (timeline.rows && timeline.rows !== 'post') params.set('rows', timeline.rows);
  if (timeline.page && timeline.page > 1) params.set('page', String(timeline.page));
  const s = params.toString();
  return s ? `/timeline?${s}` : '/timeline';
}

export default async function TimelinePage({ searchParams }: Props) {
  const raw = await searchParams;
  const parsed = parseTimelineQuery(raw);
  if (!parsed.ok) {
    return (
      <div className="page">
        <h1>Timeline</h1>
        <p role="alert">This address does not describe a timeline: {parsed.errors.join('; ')}.</p>
        <p>
          <Link href="/timeline">Open the timeline of every post</Link>
        </p>
      </div>
    );
  }
  const { query, timeline } = parsed;
  // The options form submits each checkbox as its own key and every default: send the reader on to
  // the address the map would write for the same view, so it can be shared and read back the same.
  const canonical = timelineHref(query, timeline);
  const asGiven = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) asGiven.append(key, v);
  if (canonical !== (asGiven.size ? `/timeline?${asGiven}` : '/timeline')) redirect(canonical);
  const loaded = await loadTimeline(await currentPrincipal(), query, timeline);
  const axis = timelineAxis(loaded.groups, loaded.today, loaded.cursor ?? undefined);
  const chosenTypes = query.types ?? POST_TIE_TYPES;
  const mapHref = `/${serializeGraphQuery(query).size ? `?${serializeGraphQuery(query)}` : ''}`;
  const byPost = timeline.rows === 'post';
  const unit = byPost ? (loaded.total === 1 ? 'post' : 'posts') : loaded.total === 1 ? 'actor' : 'actors';

  return (
    <div className="page">
      <h1>Timeline</h1>
      <p className="muted">
        Who held which post when: each bar runs from a tie&apos;s start to its end, as precisely as its dates are known, and opens the tie&apos;s evidence.
      </p>
      <form method="get" action="/timeline" aria-label="Timeline options" className={styles.options}>
        <label className={styles.field}>
          <span>Rows</span>
          <select name="rows" defaultValue={timeline.rows}>
            <option value="post">One row per holder, grouped by institution and post</option>
            <option value="actor">One row per actor</option>
          </select>
        </label>
        <label className={styles.field}>
          <span>Date cursor (the map&apos;s date)</span>
          <input type="date" name="asOf" defaultValue={query.asOf ?? ''} />
        </label>
        <fieldset className={styles.choices}>
          <legend>Tie types</legend>
          {TIE_TYPES.map((t) => (
            <label key={t}>
              <input type="checkbox" name="types" value={t} defaultChecked={chosenTypes.includes(t)} /> {TIE_TYPE_INFO[t].label}
            </label>
          ))}
        </fieldset>
        <fieldset className={styles.choices}>
          <legend>Actor kinds (any when none)</legend>
          {ACTOR_KINDS.map((k) => (
            <label key={k}>
              <input type="checkbox" name="kinds" value={k} defaultChecked={query.kinds?.includes(k) ?? false} /> {ACTOR_KIND_LABELS[k] ?? k}
            </label>
          ))}
        </fieldset>
        {/* The rest of the map's address rides along unchanged. */}
        {query.factions ? <input type="hidden" name="factions" value={query.factions.join(',')} /> : null}
        {query.minGrade ? <input type="hidden" name="minGrade" value={query.minGrade} /> : null}
        {query.focus ? <input type="hidden" name="focus" value={query.focus} /> : null}
        {query.focus && query.hops !== 1 ? <input type="hidden" name="hops" value={String(query.hops)} /> : null}
        {query.known ? <input type="hidden" name="known" value={query.known} /> : null}
        <button type="submit">Show timeline</button>
      </form>

      <p>
        <Link href={mapHref}>{query.asOf ? `Open the map on ${formatPartialDate({ date: query.asOf, precision: 'day' })}` : 'Open the map with these filters'}</Link>
        {query.focus ? <span className="muted"> · around {query.focus}</span> : null}
        {query.known ? <span className="muted"> · as known on {formatPartialDate({ date: query.known, precision: 'day' })}</span> : null}
      </p>

      {loaded.groups.length === 0 ? (
        <p role="status">{timeline.page > 1 ? 'No more of the timeline: this page is past its end.' : 'No dated ties of these types match these filters.'}</p>
      ) : (
        <>
          <p role="status" className="muted">
            {loaded.total} {unit}; page {loaded.page} of {loaded.pageCount}.
          </p>
          <TimelineChart
            id="timeline"
            groups={loaded.groups}
            axis={axis}
            cursor={loaded.cursor}
            caption={byPost ? 'Timeline by institution and post' : 'Timeline by actor'}
            nameHeading={byPost ? 'Holder' : 'Actor'}
            moreText={(n) => `${n} more ${n === 1 ? 'holder' : 'holders'} not drawn (narrow the filters)`}
          />
        </>
      )}
      {loaded.pageCount > 1 ? (
        <nav aria-label="Timeline pages" className={styles.pager}>
          {loaded.page > 1 ? <Link href={timelineHref(query, { rows: timeline.rows, page: loaded.page - 1 })}>Previous page</Link> : null}
          {loaded.page < loaded.pageCount ? <Link href={timelineHref(query, { rows: timeline.rows, page: loaded.page + 1 })}>Next page</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
