import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/site-header';
import { AccountMenu } from '@/app/_layout/account-menu';
import { guardPageRequest } from '@/lib/auth/page-access';
import { isEmbedPath, PATH_HEADER } from '@/lib/http/security-headers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Powermap', template: '%s · Powermap' },
  description: 'Who holds power over whom: typed, dated, sourced and graded ties on a time-aware map.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // An embed (/embed/…, framed in someone else's page) is a bare shell: no header, and no session read.
  if (isEmbedPath((await headers()).get(PATH_HEADER) ?? '')) {
    return (
      <html lang="en">
        <body className="embed-body">{children}</body>
      </html>
    );
  }
  // Renders every page per request (the CSP nonce needs it) and sends anonymous visitors to
  // /sign-in when POWERMAP_REQUIRE_SIGN_IN is set.
  await guardPageRequest();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">Skip to content</a>
        <SiteHeader account={<AccountMenu />} />
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
