import Link from 'next/link';
import type { ReactNode } from 'react';

/**
 * The header on every page: the map, the actor index, sources, and search across all name
 * variants; `account` is the signed-in area, which the root layout renders from the session.
 */
export function SiteHeader({ account }: { account: ReactNode }) {
  return (
    <header className="site-header">
      <Link href="/" className="brand">Powermap</Link>
      <nav aria-label="Main">
        <ul>
          <li><Link href="/">Map</Link></li>
          <li><Link href="/timeline">Timeline</Link></li>
          <li><Link href="/actors">Actors</Link></li>
          <li><Link href="/sources">Sources</Link></li>
          <li><Link href="/views">Views</Link></li>
        </ul>
      </nav>
      <form action="/actors" method="get" role="search" className="header-search">
        <label htmlFor="header-search-q" className="visually-hidden">Search actors</label>
        <input id="header-search-q" name="q" type="search" placeholder="Search actors in any script" />
        <button type="submit">Search</button>
      </form>
      {account}
    </header>
  );
}
