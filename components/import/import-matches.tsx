'use client';
// The import preview's matches: which of the file's actors are actors already here. Those matched
// by identity (slug, a slug merged into another actor, a FollowTheMoney id) are said in words; for
// each new actor that may be a stored one (proposed on the evidence /duplicates shows, with its
// reasons) the analyst chooses "same as" one of them or "new actor" (the default: nothing is
// written onto a stored actor unless someone chose it). The choices are the form's; it sends them.
import Link from 'next/link';
import type { ImportMatches } from '@/lib/validation/import-matches';
import type { ImportMatchDto, ImportPreview } from '@/lib/validation/import-file';
import styles from '../editing/editing.module.css';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const BY_WORDS = { slug: 'by its slug', merged: 'where its slug was merged', identifier: 'by its FollowTheMoney id' } as const;

export function ImportMatchesPanel({ matching, choices, onChange }: { matching: ImportPreview['matching']; choices: ImportMatches; onChange: (choices: ImportMatches) => void }) {
  const toChoose = matching.matches.filter((m) => !m.identity && m.proposals.length);
  const elsewhere = matching.matches.filter((m) => m.identity && m.identity.by !== 'slug');
  const alike = matching.matches.filter((m) => m.identity && m.proposals.length);
  const { slug, merged, identifier } = matching.byIdentity;
  const chosen = Object.keys(choices).length;
  return (
    <section aria-labelledby="import-matches-title">
      <h3 id="import-matches-title">Actors already here</h3>
      <p>
        {slug + merged + identifier
          ? `${plural(slug + merged + identifier, 'actor')} of the file ${slug + merged + identifier === 1 ? 'is an actor' : 'are actors'} already here (${[
              slug && `${slug} by slug`,
              merged && `${merged} merged into another actor, written there`,
              identifier && `${identifier} by FollowTheMoney id`,
            ]
              .filter(Boolean)
              .join(', ')}) and ${slug + merged + identifier === 1 ? 'updates it' : 'update them'}. `
          : 'No actor of the file is here already by its slug or identifier. '}
        {matching.toChoose
          ? `${plural(matching.toChoose, 'new actor')} may be ${matching.toChoose === 1 ? 'an actor' : 'actors'} already here: choose for each. ${chosen ? `${plural(chosen, 'actor')} will be written onto an actor already here.` : 'Unchosen, they are created as new actors.'}`
          : 'None of its new actors looks like one already here.'}
      </p>
      {matching.toChoose > toChoose.length ? <p className={styles.hint}>The best {toChoose.length} are listed; the others are created as new actors.</p> : null}
      {toChoose.map((m) => (
        <MatchChoice key={m.slug} match={m} chosen={choices[m.slug]} onChoose={(to) => onChange(withChoice(choices, m.slug, to))} />
      ))}
      {elsewhere.length ? (
        <ul aria-label="Matched by identity">
          {elsewhere.map((m) => (
            <li key={m.slug}>
              {m.name} is written onto <Link href={`/actors/${m.identity!.actor.slug}`}>{m.identity!.actor.name}</Link>, {BY_WORDS[m.identity!.by]}
            </li>
          ))}
        </ul>
      ) : null}
      {alike.length ? (
        <>
          <p>After the import, these may be duplicates of other actors here; review them on Possible duplicates:</p>
          <ul aria-label="Possible duplicates after the import">
            {alike.map((m) => (
              <li key={m.slug}>
                {m.identity!.actor.name} and {m.proposals.map((p) => p.actor.name).join(', ')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function withChoice(choices: ImportMatches, slug: string, to: string | null): ImportMatches {
  const next = { ...choices };
  if (to) next[slug] = to;
  else delete next[slug];
  return next;
}

function MatchChoice({ match, chosen, onChoose }: { match: ImportMatchDto; chosen: string | undefined; onChoose: (to: string | null) => void }) {
  const group = `import-match-${match.slug}`;
  return (
    <fieldset className={styles.fieldset} style={{ marginBottom: '0.6rem' }}>
      <legend>{match.name}</legend>
      {match.proposals.map((p) => (
        <div key={p.actor.slug}>
          <label>
            <input type="radio" name={group} value={p.actor.slug} checked={chosen === p.actor.slug} onChange={() => onChoose(p.actor.slug)} /> Same as{' '}
            {p.actor.name}
          </label>{' '}
          <span className={styles.hint}>
            ({p.actor.kind}, score {p.score.toFixed(2)}, <Link href={`/actors/${p.actor.slug}`}>profile</Link>)
          </span>
          <ul aria-label={`Why ${match.name} may be ${p.actor.name}`} className={styles.hint}>
            {p.reasons.map((r) => (
              <li key={r.code}>
                {r.weight < 0 ? 'Against: ' : ''}
                {r.text}
              </li>
            ))}
          </ul>
        </div>
      ))}
      <label>
        <input type="radio" name={group} value="" checked={!chosen} onChange={() => onChoose(null)} /> New actor
      </label>
    </fieldset>
  );
}
