import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="page">
      <h1>Not found</h1>
      <p>There is no such actor, tie or source in Powermap. It may have been deleted, or the address may be mistyped.</p>
      <p><Link href="/actors">Browse all actors</Link> or <Link href="/">open the map</Link>.</p>
    </div>
  );
}
