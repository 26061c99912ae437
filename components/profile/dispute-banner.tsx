// The warning at the top of a disputed tie's page: why the claims disagree, in words
// (lib/graph/disputes.ts), pointing to the claims set side by side below it.
import styles from './profile.module.css';

export function DisputeBanner({ reasons, claimsId }: { reasons: readonly string[]; claimsId: string }) {
  if (reasons.length === 0) return null;
  return (
    <section className={styles.dispute} role="note" aria-labelledby="dispute-heading">
      <h2 id="dispute-heading">Disputed: the sources disagree</h2>
      <ul>
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <p>
        <a href={`#${claimsId}`}>Compare the claims side by side</a>. Both sides are kept; neither is deleted.
      </p>
    </section>
  );
}
