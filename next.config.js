// Next.js configuration. Native and WebAssembly database packages stay outside the bundle.
/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', '@prisma/schema-engine-wasm', 'pg'],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
