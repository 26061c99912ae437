import Link from 'next/link';

export default function TieNotFound() {
  return (
    <div className="page">
      <h1>Tie not found</h1>
      <p>There is no tie at this address. It may have been deleted, or the address may be mistyped.</p>
      <p>
        <Link href="/actors">Browse the actors</Link> (each profile lists its ties) or <Link href="/">open the map</Link>.
      </p>
    </div>
  );
}
