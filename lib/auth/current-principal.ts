// The principal behind the current request, for server components, actions and route handlers.
// Until accounts exist every visitor reads anonymously; sign-in replaces this in one place.
import 'server-only';
import { ANONYMOUS, type Principal } from '../data/principal';

export async function currentPrincipal(): Promise<Principal> {
  return ANONYMOUS;
}
