// Next.js configuration. Native and WebAssembly database packages stay outside the bundle.
/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', '@prisma/schema-engine-wasm', 'pg'],
  // Parallel test servers (several engineers or CI jobs on one machine) each build into their own folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // Imports (/import) send a file of up to 20 MB through a server action, past the proxy.
  experimental: { serverActions: { bodySizeLimit: '21mb' }, proxyClientMaxBodySize: '21mb' },
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
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
        ],
      },
    ];
  },
};

export default nextConfig;
