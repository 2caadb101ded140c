import net from 'node:net';
import { ArshifError } from '../common/result.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 5757;
export const MIN_TOKEN_LENGTH = 16;
const TOKEN_PATTERN = /^[A-Za-z0-9._~-]+$/;

export function isLoopback(address: string): boolean {
  if (address === 'localhost' || address === '::1') return true;
  return net.isIPv4(address) && address.startsWith('127.');
}

export function isWildcard(address: string): boolean {
  return address === '0.0.0.0' || address === '::';
}

/**
 * Checks where the host may listen. Loopback needs nothing; any other address needs an access token,
 * because then other machines can reach it.
 */
export function checkBinding(address: string, token: string | undefined): void {
  if (token !== undefined) {
    if (token.length < MIN_TOKEN_LENGTH || !TOKEN_PATTERN.test(token)) {
      throw new ArshifError(
        'bad-request',
        `--token must be at least ${MIN_TOKEN_LENGTH} characters of A–Z, a–z, 0–9, ".", "_", "~" or "-" (e.g. from \`openssl rand -hex 16\`).`,
      );
    }
  }
  if (isLoopback(address)) return;
  if (address !== 'localhost' && net.isIP(address) === 0) {
    throw new ArshifError('bad-request', `--host must be an IP address (or localhost), not "${address}".`);
  }
  if (token === undefined) {
    throw new ArshifError(
      'bad-request',
      `Refusing to listen on ${address} without an access token: other machines could read the archive. ` +
        'Add --token T (at least 16 random characters), or leave out --host to listen on 127.0.0.1 only.',
    );
  }
}

/** `host:port` as it appears in a URL and in a Host header (IPv6 in brackets). */
export function hostPort(address: string, port: number): string {
  return `${net.isIPv6(address) ? `[${address}]` : address}:${port}`;
}
