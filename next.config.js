// Next.js configuration. Native and WebAssembly database packages stay outside the bundle.
/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', '@prisma/schema-engine-wasm', 'pg'],
  // Parallel test servers (several engineers or CI jobs on one machine) each build into their own folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // Server actions keep Next's 1 MB body limit: imports (up to 50 MB) go to POST /api/import,
  // which bounds its own body and is outside the proxy's matcher.
  typedRoutes: false,
  // `npm test` type-checks the whole project with tsc first; the build itself does not repeat it,
  // so a production build is never blocked by an unrelated test file.
  typescript: { ignoreBuildErrors: true },
  // Security headers on every response; the Content-Security-Policy (with its per-request
  // nonce) is set by proxy.ts, see lib/http/security-headers.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
        ],
      },
      {
        // Every route refuses frames, except the embeds (/embed/…), which proxy.ts lets the admin's
        // allowed origins frame by their CSP frame-ancestors (browsers that know CSP obey it over this).
        source: '/((?!embed/).*)',
        headers: [{ key: 'X-Frame-Options', value: 'DENY' }],
      },
      {
        // HSTS once the server is reached over HTTPS (TLS ends at the proxy in front, which says so in
        // X-Forwarded-Proto): browsers then refuse plain HTTP to this host for a year. A browser only
        // honours the header when it arrived over HTTPS, so a forged X-Forwarded-Proto on a plain-HTTP
        // request does nothing.
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=31536000' }],
      },
    ];
  },
};

export default nextConfig;
