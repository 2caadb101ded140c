import { randomBytes } from 'node:crypto';
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

/** A fresh random access token (32 characters of A–Z, a–z, 0–9, "-" and "_"). */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function checkTokenShape(token: string): void {
  if (token.length < MIN_TOKEN_LENGTH || !TOKEN_PATTERN.test(token)) {
    throw new ArshifError(
      'bad-request',
      `The access token must be at least ${MIN_TOKEN_LENGTH} characters of A–Z, a–z, 0–9, ".", "_", "~" or "-" (e.g. from \`openssl rand -hex 16\`).`,
    );
  }
}

/**
 * Checks where the host may listen. Every host needs an access token (also on loopback: any local
 * process or user could reach it otherwise). Methods that read or write local files by path are only
 * for a loopback host started with --allow-file-access.
 */
export function checkBinding(address: string, token: string, allowFileAccess = false): void {
  checkTokenShape(token);
  if (isLoopback(address)) return;
  if (address !== 'localhost' && net.isIP(address) === 0) {
    throw new ArshifError('bad-request', `--host must be an IP address (or localhost), not "${address}".`);
  }
  if (allowFileAccess) {
    throw new ArshifError('bad-request', `--allow-file-access is only for a host on 127.0.0.1: other machines must never read or write files on this one.`);
  }
}

/** `host:port` as it appears in a URL and in a Host header (IPv6 in brackets). */
export function hostPort(address: string, port: number): string {
  return `${net.isIPv6(address) ? `[${address}]` : address}:${port}`;
}
