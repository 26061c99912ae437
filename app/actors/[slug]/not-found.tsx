import Link from 'next/link';

export default function ActorNotFound() {
  return (
    <div className="page">
      <h1>Actor not found</h1>
      <p>There is no actor at this address. It may have been deleted or renamed, or the address may be mistyped.</p>
      <p>
        <Link href="/actors">Search all actors</Link> or <Link href="/">open the map</Link>.
      </p>
    </div>
  );
}
