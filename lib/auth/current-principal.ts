// The principal behind the current request, for server components, actions and route handlers.
// Resolved from the request's headers by lib/auth/resolve-principal.ts (session cookie or
// personal API token, role and disabled re-read from the database), once per request.
import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import type { Principal } from '../data/principal';
import { resolvePrincipal } from './resolve-principal';

export const currentPrincipal = cache(async (): Promise<Principal> => resolvePrincipal(await headers()));
