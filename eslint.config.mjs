// ESLint: Next.js's Core Web Vitals rules (React, hooks, accessibility, Next's own) and the
// TypeScript rules, run by `npm run lint` on every `npm test` with no warning allowed.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // Leaving a field out of a copy (`const { authorId: _authorId, ...note } = record`) is how
      // this code drops server-side fields from what it returns; the named field is meant unused.
      '@typescript-eslint/no-unused-vars': ['warn', { ignoreRestSiblings: true }],
    },
  },
  globalIgnores(['**/.next/**', 'bench/out/**', 'next-env.d.ts', 'lib/db/generated/**', 'data/**', 'test-results/**', 'playwright-report/**', 'bench/results/**']),
]);
