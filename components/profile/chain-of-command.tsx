// A unit's chain of command on a day: the unit and who headed it, then each superior and its heads,
// with a date field that reloads the page for another day (a plain GET form: works without script).
import Link from 'next/link';
import { formatPartialDate } from '@/lib/domain/dates';
import type { ChainOfCommand } from '@/lib/graph/chain-of-command';
import styles from './profile.module.css';

export function ChainOfCommandSection({ chain, error }: { chain: ChainOfCommand; error: string | null }) {
  const day = formatPartialDate({ date: chain.on, precision: 'day' });
  return (
    <section className={styles.section} aria-labelledby="chain">
      <h2 id="chain">Chain of command</h2>
      <form method="get" className={styles.chainForm}>
        <label>
          Date <input type="date" name="on" defaultValue={chain.on} required />
        </label>
        <button type="submit">Show chain</button>
      </form>
      {error ? <p role="alert">{error}</p> : null}
      <ol className={styles.chain} aria-label={`Chain of command on ${day}`}>
        {chain.steps.map((step) => (
          <li key={step.actor.slug}>
            <Link href={`/actors/${step.actor.slug}`}>{step.actor.label}</Link>
            {step.viaTieId ? <span className={styles.chainMark}> {step.certainty === 'certain' ? '(certain)' : '(possible)'}</span> : null}
            {step.actor.kind === 'person' ? null : step.heads.length === 0 ? (
              <span className={styles.chainNone}> — no head recorded on {day}</span>
            ) : (
              <ul>
                {step.heads.map((head) => (
                  <li key={head.tieId}>
                    {head.role ? `${head.role}: ` : 'Head: '}
                    <Link href={`/actors/${head.actor.slug}`}>{head.actor.label}</Link>{' '}
                    <span className={styles.chainMark}>({head.certainty})</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <p className={styles.tieMeta}>Possible: a date known only to the month or year leaves the day uncertain.</p>
    </section>
  );
}
