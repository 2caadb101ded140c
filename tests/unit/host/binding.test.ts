import { describe, expect, it } from 'vitest';
import { checkBinding, isLoopback, newToken } from '../../../src-main/host/binding.js';
import { checkHostHeader } from '../../../src-main/host/request-guard.js';
import { startHost } from '../../../src-main/host/index.js';
import { fail } from '../../../src-main/common/result.js';

const TOKEN = 'a-long-enough-token-123';
const idleCaller = { call: async () => fail('internal', 'unused'), onEvent: () => () => {} };

describe('where the host may listen', () => {
  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', 'localhost'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '::', '192.168.1.5', '10.0.0.1', '128.0.0.1', 'example.org'].some(isLoopback)).toBe(false);
  });

  it('listens on loopback with a token', () => {
    expect(() => checkBinding('127.0.0.1', TOKEN)).not.toThrow();
    expect(() => checkBinding('127.0.0.1', TOKEN, true)).not.toThrow();
  });

  it('accepts another address with a good token, and refuses weak tokens everywhere', () => {
    expect(() => checkBinding('0.0.0.0', TOKEN)).not.toThrow();
    expect(() => checkBinding('0.0.0.0', 'short')).toThrow(/at least 16/);
    expect(() => checkBinding('127.0.0.1', 'short')).toThrow(/at least 16/);
    expect(() => checkBinding('0.0.0.0', 'has spaces in it, sadly')).toThrow(/access token/);
    expect(() => checkBinding('my-laptop.lan', TOKEN)).toThrow(/IP address/);
  });

  it('never serves file methods to other machines', () => {
    for (const address of ['0.0.0.0', '::', '192.168.1.5']) {
      expect(() => checkBinding(address, TOKEN, true)).toThrow(/--allow-file-access is only for a host on 127\.0\.0\.1/);
    }
  });

  it('makes random tokens that pass its own rules', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => newToken()));
    expect(tokens.size).toBe(50);
    for (const token of tokens) expect(() => checkBinding('127.0.0.1', token)).not.toThrow();
  });

  it('startHost itself refuses a weak token, before listening', async () => {
    await expect(startHost({ caller: idleCaller, rendererDir: '/nonexistent', host: '127.0.0.1', port: 0, token: 'weak' })).rejects.toThrow(/access token/);
  });
});

describe('the Host header check (DNS rebinding)', () => {
  it('loopback binds answer to loopback names on their port only', () => {
    expect(checkHostHeader('127.0.0.1:8080', '127.0.0.1', 8080).ok).toBe(true);
    expect(checkHostHeader('localhost:8080', '127.0.0.1', 8080).ok).toBe(true);
    expect(checkHostHeader('[::1]:8080', '::1', 8080).ok).toBe(true);
    expect(checkHostHeader('attacker.example:8080', '127.0.0.1', 8080).ok).toBe(false);
    expect(checkHostHeader('127.0.0.1:8081', '127.0.0.1', 8080).ok).toBe(false);
    expect(checkHostHeader('127.0.0.1', '127.0.0.1', 8080).ok).toBe(false);
    expect(checkHostHeader(undefined, '127.0.0.1', 8080).ok).toBe(false);
    expect(checkHostHeader('127.0.0.1:8080@evil', '127.0.0.1', 8080).ok).toBe(false);
  });

  it('a bind to one address answers to that address; a wildcard bind to IP literals', () => {
    expect(checkHostHeader('192.168.1.5:80', '192.168.1.5', 80).ok).toBe(true);
    expect(checkHostHeader('192.168.1.6:80', '192.168.1.5', 80).ok).toBe(false);
    expect(checkHostHeader('10.1.2.3:80', '0.0.0.0', 80).ok).toBe(true);
    expect(checkHostHeader('rebind.attacker.example:80', '0.0.0.0', 80).ok).toBe(false);
  });
});
