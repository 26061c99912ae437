// Next.js configuration. Native and WebAssembly database packages stay outside the bundle.
/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', '@prisma/schema-engine-wasm', 'pg'],
  // Parallel test servers (several engineers or CI jobs on one machine) each build into their own folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
