// Who sent a request, and to which host, when Powermap may sit behind reverse proxies. Any
// client can send X-Forwarded-For, X-Forwarded-Host and X-Forwarded-Proto, so they are believed
// only when the connection itself comes from a proxy the admin listed in
// POWERMAP_TRUSTED_PROXIES (addresses or CIDR ranges, comma-separated; none by default).
// Otherwise the client is the socket's own address and the host is the Host header.
//
// scripts/serve.ts applies this to every request before Next.js sees it, so the sign-in limits
// (lib/auth/auth.ts reads X-Forwarded-For), the same-origin check of the write routes and
// Next's own Origin check of server actions (both compare with X-Forwarded-Host) all see the
// resolved values. No Next.js or server-only import: the server script loads it directly.
import { BlockList, isIP } from 'node:net';

export const TRUSTED_PROXIES_VARIABLE = 'POWERMAP_TRUSTED_PROXIES';

/** "::ffff:192.0.2.1" (an IPv4 client on a dual-stack socket) is 192.0.2.1. */
export function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

export interface TrustedProxies {
  /** The entries as configured, for the start-up log. */
  entries: string[];
  has(address: string): boolean;
}

/** Parses POWERMAP_TRUSTED_PROXIES; an entry that is not an address or CIDR range is an error, never ignored. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const entries = (value ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    if (!family || extra !== undefined || !/^\d+$/.test(String(bits)) || bits > (family === 6 ? 128 : 32)) {
      throw new Error(`${TRUSTED_PROXIES_VARIABLE}: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.5 or 10.0.0.0/24)`);
    }
    list.addSubnet(address, bits, family === 6 ? 'ipv6' : 'ipv4');
  }
  return {
    entries,
    has(address: string) {
      const plain = plainAddress(address);
      const family = isIP(plain);
      return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
    },
  };
}

export interface Forwarding {
  /** The client's address: the socket's, or the first untrusted hop a trusted proxy reports. */
  clientAddress: string;
  /** Set only when a trusted proxy sent it. */
  forwardedHost: string | null;
  forwardedProto: string | null;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim() || null;

/**
 * Walks X-Forwarded-For from the right: each hop a trusted proxy appended is skipped, and the
 * first address not among them is the client. Entries further left were written by the client
 * and are never read.
 */
export function resolveForwarding(
  socketAddress: string,
  headers: Record<string, string | string[] | undefined>,
  trusted: TrustedProxies,
): Forwarding {
  const socket = plainAddress(socketAddress);
  if (!trusted.has(socket)) return { clientAddress: socket, forwardedHost: null, forwardedProto: null };
  const raw = headers['x-forwarded-for'];
  const hops = (Array.isArray(raw) ? raw.join(',') : (raw ?? '')).split(',').map((h) => plainAddress(h.trim())).filter(Boolean);
  let client = socket;
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!isIP(hops[i])) break; // a malformed hop: the last proxy we trust is all we know
    client = hops[i];
    if (!trusted.has(hops[i])) break;
  }
  return { clientAddress: client, forwardedHost: first(headers['x-forwarded-host']), forwardedProto: first(headers['x-forwarded-proto']) };
}

const FORWARDING_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded', 'x-real-ip'];

/**
 * Rewrites a Node request's headers in place: X-Forwarded-For becomes the one resolved client
 * address; X-Forwarded-Host and -Proto stay only when a trusted proxy sent them (Next.js then
 * fills them in from Host and the socket); every other forwarding header is dropped.
 */
export function applyForwarding(request: { socket: { remoteAddress?: string }; headers: Record<string, string | string[] | undefined> }, trusted: TrustedProxies): Forwarding {
  const forwarding = resolveForwarding(request.socket.remoteAddress ?? '', request.headers, trusted);
  for (const name of FORWARDING_HEADERS) delete request.headers[name];
  if (forwarding.clientAddress) request.headers['x-forwarded-for'] = forwarding.clientAddress;
  if (forwarding.forwardedHost) request.headers['x-forwarded-host'] = forwarding.forwardedHost;
  if (forwarding.forwardedProto) request.headers['x-forwarded-proto'] = forwarding.forwardedProto;
  return forwarding;
}
