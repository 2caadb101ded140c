import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import net from 'node:net';
import { hostPort, isLoopback, isWildcard } from './binding.js';

export const TOKEN_COOKIE = 'arshif_token';

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; message: string };

const allow: GuardVerdict = { ok: true };

/** Strips the port and brackets of a Host header value: "[::1]:80" → "::1". */
function hostnameOf(hostHeader: string): { name: string; port: string } | null {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d+))?$/.exec(hostHeader);
  if (!match) return null;
  return { name: match[1]!.replace(/^\[|\]$/g, '').toLowerCase(), port: match[2] ?? '80' };
}

/**
 * Host header check against DNS rebinding: a page on an attacker's name that resolves to this machine
 * sends that name as Host, and is refused. Loopback binds answer to 127.0.0.1/localhost/[::1]; a bind
 * to one address answers to that address; a wildcard bind answers to IP literals and localhost only.
 */
export function checkHostHeader(hostHeader: string | undefined, boundAddress: string, port: number): GuardVerdict {
  const refused: GuardVerdict = { ok: false, status: 403, message: 'This host only answers requests addressed to itself (Host header refused).' };
  if (!hostHeader) return refused;
  const parsed = hostnameOf(hostHeader.trim());
  if (!parsed || parsed.port !== String(port)) return refused;
  const name = parsed.name;
  if (isLoopback(boundAddress)) return isLoopback(name) ? allow : refused;
  if (isWildcard(boundAddress)) return name === 'localhost' || net.isIP(name) !== 0 ? allow : refused;
  return hostPort(name, port) === hostPort(boundAddress.toLowerCase(), port) ? allow : refused;
}

/** Cross-site requests are refused: a browser names the page's origin, which must be this host. */
export function checkOrigin(request: IncomingMessage): GuardVerdict {
  const refused: GuardVerdict = { ok: false, status: 403, message: 'Cross-origin requests are refused.' };
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://${request.headers.host ?? ''}`) return refused;
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return refused;
  return allow;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function cookieValue(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** Every request must carry the host's token, as `Authorization: Bearer T` or in the host's cookie. */
export function checkToken(request: IncomingMessage, token: string): GuardVerdict {
  const header = request.headers.authorization;
  const bearer = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
  const presented = bearer ?? cookieValue(request, TOKEN_COOKIE);
  if (presented !== undefined && sameSecret(presented, token)) return allow;
  return {
    ok: false,
    status: 401,
    message: 'This Arshif host needs its access token: send "Authorization: Bearer <token>", or open the address printed by `arshif serve` (it ends in ?token=…) once in this browser.',
  };
}

export function tokenMatches(given: string | null, token: string): boolean {
  return given !== null && sameSecret(given, token);
}

/**
 * Where `/any?token=T` sends the browser once signed in: the same path on this host, never another
 * origin (a path like `//evil.example` or `/\\evil.example` would be read by a browser as a host).
 */
export function sameOriginLocation(url: URL): string {
  const params = new URLSearchParams(url.searchParams);
  params.delete('token');
  const query = params.toString();
  const pathname = `/${url.pathname.replace(/^[/\\]+/, '')}`;
  const location = `${pathname}${query ? `?${query}` : ''}`;
  const base = 'http://host.invalid';
  return new URL(location, base).origin === base ? location : '/';
}
