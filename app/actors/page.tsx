// The actor index: every actor in a table, searchable across every name variant and script,
// filterable by kind and faction, sortable by column. Plain links and a GET form, so it works
// without JavaScript; it is also the accessible mirror of the network map.
import type { Metadata } from 'next';
import Link from 'next/link';
import { lifeDates, plural } from '@/components/profile/format';
import styles from '@/components/profile/profile.module.css';
import { describeSort, pickParams, sortLink, type ActorIndexQuery } from '@/components/profile/query-links';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { findActors, type ActorList } from '@/lib/data/actors/find-actors';
import { AppError } from '@/lib/data/errors';
import { ACTOR_KINDS, ACTOR_KIND_LABELS, FACTIONS, FACTION_LABELS, type ActorKind, type Faction } from '@/lib/domain/vocabulary';
import { FIND_ACTORS_PARAM_NAMES, type ActorSort } from '@/lib/validation/actor-queries';

export const dynamic = 'force-dynamic';

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = pickParams(await searchParams, ['q']).q?.trim();
  return { title: q ? `Actors matching “${q.slice(0, 60)}”` : 'Actors' };
}

const COLUMNS: { sort: ActorSort; label: string; numeric?: boolean }[] = [
  { sort: 'name', label: 'Name' },
  { sort: 'kind', label: 'Kind' },
  { sort: 'faction', label: 'Faction' },
  { sort: 'ties', label: 'Ties', numeric: true },
];

export default async function ActorIndexPage({ searchParams }: Props) {
  const principal = await currentPrincipal();
  const params = pickParams(await searchParams, FIND_ACTORS_PARAM_NAMES);
  let error: string | null = null;
  let list: ActorList;
  try {
    list = await findActors(principal, params);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'invalid') throw e;
    // A hand-edited address should still show the index, with the reason beside it.
    error = e.message;
    list = await findActors(principal, {});
  }
  const query: ActorIndexQuery = list.query;
  const { actors } = list;
  const filtered = Boolean(query.q || query.kind || query.faction);

  return (
    <div className="page">
      <h1>Actors</h1>
      <p className="muted">
        Every person, organisation, state, group and event in Powermap. Search finds any name in any script — Belarusian, Russian or a Latin
        transliteration. Each profile lists the actor&apos;s ties, so this index and the profiles hold everything the map shows.
      </p>

      <form method="get" action="/actors" className={styles.filters} role="search" aria-label="Find actors">
        <div className={styles.field}>
          <label htmlFor="actors-q">Name, in any script</label>
          <input id="actors-q" type="search" name="q" defaultValue={query.q ?? ''} placeholder="e.g. Лукашэнка, Tsikhanouskaya" />
        </div>
        <div className={styles.field}>
          <label htmlFor="actors-kind">Kind</label>
          <select id="actors-kind" name="kind" defaultValue={query.kind ?? ''}>
            <option value="">Any kind</option>
            {ACTOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {ACTOR_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor="actors-faction">Faction</label>
          <select id="actors-faction" name="faction" defaultValue={query.faction ?? ''}>
            <option value="">Any faction</option>
            {FACTIONS.map((f) => (
              <option key={f} value={f}>
                {FACTION_LABELS[f]}
              </option>
            ))}
          </select>
        </div>
        {query.sort !== 'relevance' && params.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {params.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
        <button type="submit">Show actors</button>
        {filtered ? <Link href="/actors">Show all</Link> : null}
      </form>

      {error ? (
        <p className={styles.error} role="alert">
          {error}. Showing every actor instead.
        </p>
      ) : null}

      <p className={styles.count} role="status">
        {query.q
          ? `${plural(actors.length, 'actor')} ${actors.length === 1 ? 'matches' : 'match'} “${query.q}”`
          : filtered
            ? `${plural(actors.length, 'actor')} ${actors.length === 1 ? 'matches' : 'match'} the filters`
            : plural(actors.length, 'actor')}
        , {describeSort(query.sort, query.dir)}.
      </p>

      {actors.length > 0 ? (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="visually-hidden">Actors, {describeSort(query.sort, query.dir)}. Column headers sort the table.</caption>
            <thead>
              <tr>
                {COLUMNS.map((column) => {
                  const link = sortLink(query, column.sort);
                  return (
                    <th key={column.sort} scope="col" aria-sort={link.ariaSort} className={column.numeric ? styles.num : undefined}>
                      <Link href={link.href}>
                        {column.label}
                        <span className="visually-hidden"> ({link.action})</span>
                        <span className={styles.sortMark} aria-hidden="true">
                          {link.ariaSort === 'ascending' ? '▲' : link.ariaSort === 'descending' ? '▼' : '↕'}
                        </span>
                      </Link>
                    </th>
                  );
                })}
                <th scope="col" className={styles.hideNarrow}>
                  Dates
                </th>
              </tr>
            </thead>
            <tbody>
              {actors.map((actor) => (
                <tr key={actor.slug}>
                  <td>
                    <Link href={`/actors/${actor.slug}`}>{actor.name}</Link>
                    {actor.matched && actor.matched !== actor.name ? <span className={styles.matched}>matched “{actor.matched}”</span> : null}
                    {actor.summary ? <span className={styles.rowSummary}>{actor.summary}</span> : null}
                  </td>
                  <td>{ACTOR_KIND_LABELS[actor.kind as ActorKind] ?? actor.kind}</td>
                  <td>{FACTION_LABELS[actor.faction as Faction] ?? actor.faction}</td>
                  <td className={styles.num}>{actor.tieCount}</td>
                  <td className={styles.hideNarrow}>{lifeDates(actor.kind, actor.start, actor.end) ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>
          No actor has a name like that. Try another spelling or script, or <Link href="/actors">browse every actor</Link>.
        </p>
      )}
    </div>
  );
}
