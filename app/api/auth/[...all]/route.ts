// /api/auth/*: better-auth's own endpoints (sign-in, sign-out, session), with our hooks and
// database-backed rate limits. Sign-up is disabled; admins create accounts.
import { toNextJsHandler } from 'better-auth/next-js';
import { getAuth } from '@/lib/auth/auth';

export const dynamic = 'force-dynamic';

export const { GET, POST, PATCH, PUT, DELETE } = toNextJsHandler(async (request: Request) => (await getAuth()).handler(request));
