import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiCaller } from '../worker/client.js';
import { handleApiCall } from './api-route.js';
import { checkBinding, DEFAULT_HOST, hostPort, isLoopback } from './binding.js';
import { EventStreams } from './event-stream.js';
import { checkHostHeader, checkOrigin, checkToken, sameOriginLocation, TOKEN_COOKIE, tokenMatches, type GuardVerdict } from './request-guard.js';
import { applySecurityHeaders, sendError, sendText } from './responses.js';
import { handleStatic } from './static-route.js';

export interface HostOptions {
  caller: ApiCaller;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** Address to listen on; default 127.0.0.1. Anything but loopback requires `token`. */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /** Every request must carry it (Bearer header, or the cookie set once via `/?token=`). */
  token: string;
  /** Serve the methods that read or write local files by path (import, export, open…); loopback only. */
  allowFileAccess?: boolean;
}

export interface RunningHost {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  /** The URL that signs a browser in: `http://127.0.0.1:PORT/?token=T`. */
  signInUrl: string;
  port: number;
  close(): Promise<void>;
}

function refuse(response: ServerResponse, verdict: GuardVerdict, isApi: boolean): boolean {
  if (verdict.ok) return false;
  if (isApi) sendError(response, verdict.status, 'forbidden', verdict.message);
  else sendText(response, verdict.status, `${verdict.message}\n`);
  return true;
}

/** `GET /any?token=T`: sets the token cookie and redirects to the same path (on this host) without the token. */
function bootstrapToken(response: ServerResponse, url: URL, token: string): boolean {
  if (!url.searchParams.has('token') || !tokenMatches(url.searchParams.get('token'), token)) return false;
  response.writeHead(303, {
    'Set-Cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
    Location: sameOriginLocation(url),
    'Cache-Control': 'no-store',
  });
  response.end();
  return true;
}

/** The loopback host: the built renderer and the API over HTTP, for browsers and browser tests. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const address = options.host ?? DEFAULT_HOST;
  checkBinding(address, options.token, options.allowFileAccess);
  const events = new EventStreams(options.caller);
  const allowFileMethods = options.allowFileAccess === true && isLoopback(address);
  let port = options.port;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    applySecurityHeaders(response);
    const rawUrl = request.url ?? '/';
    const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '/';
    const isApi = rawPath === '/api' || rawPath.startsWith('/api/');
    if (refuse(response, checkHostHeader(request.headers.host, address, port), isApi)) return;
    if (refuse(response, checkOrigin(request), isApi)) return;
    const plainPath = rawPath.startsWith('/') && !rawPath.startsWith('//'); // else refused below as a static path
    const url = new URL(plainPath ? rawUrl : '/', `http://${hostPort(address, port)}`);
    if (request.method === 'GET' && bootstrapToken(response, url, options.token)) return;
    if (refuse(response, checkToken(request, options.token), isApi)) return;
    if (rawPath === '/api/events') {
      if (request.method !== 'GET') sendError(response, 405, 'bad-request', 'Events are read with GET.', { Allow: 'GET' });
      else events.attach(response);
      return;
    }
    if (isApi) {
      await handleApiCall(request, response, rawPath.slice('/api/'.length), { caller: options.caller, allowFileMethods });
      return;
    }
    handleStatic(request, response, rawPath, options.rendererDir);
  };

  const server = http.createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendError(response, 500, 'internal', 'The host failed to answer this request.');
      else response.destroy();
    });
  });
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, address, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  const url = `http://${hostPort(address, port)}/`;
  return {
    url,
    signInUrl: `${url}?token=${options.token}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        events.closeAll();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
