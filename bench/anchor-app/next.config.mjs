// The anchor: a minimal Next.js app whose route handlers run the same reads as Powermap with
// better-sqlite3 or pg directly (no Prisma, no React pages), so the benchmark can say what the
// framework and the database cost on their own. Built and served by bench/anchor-server.ts with
// the project's own `next` binary; the main app's build, tsconfig and tests never see it.
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Turbopack resolves packages from the repository's node_modules, two folders up.
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  serverExternalPackages: ['better-sqlite3', 'pg'],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
