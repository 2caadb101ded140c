import type { IncomingMessage, ServerResponse } from 'node:http';
import { isMethodName, methods } from '../common/api.js';
import type { ApiCaller } from '../worker/client.js';
import { sendError, sendJson } from './responses.js';

/** Largest accepted request body (10,000 import paths fit easily). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** Deepest nesting of a request body: the API's arguments are at most three levels deep. */
export const MAX_JSON_DEPTH = 32;

class BodyTooLarge extends Error {}
class BodyAborted extends Error {}

/**
 * Reads a request body up to `limit` bytes. Settles exactly once, however the request ends (complete,
 * too large, failed, or the client gone mid-body), and lets go of what it read.
 */
function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
      outcome();
      chunks = [];
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        settle(() => reject(new BodyTooLarge()));
        request.resume(); // drain and discard the rest
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => settle(() => resolve(Buffer.concat(chunks).toString('utf8')));
    const onError = (error: Error) => settle(() => reject(error));
    const onClose = () => settle(() => reject(new BodyAborted()));
    if (Number(request.headers['content-length'] ?? 0) > limit) {
      settled = true;
      request.resume();
      reject(new BodyTooLarge());
      return;
    }
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('close', onClose);
  });
}

/**
 * Whether JSON text nests deeper than `max` arrays/objects, found by counting brackets outside strings
 * (no recursion, no parse): a body nested thousands deep is refused before anything handles it.
 */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

export interface ApiRouteOptions {
  caller: ApiCaller;
  /** Whether methods that read or write arbitrary local paths (import, export, open…) are allowed. */
  allowFileMethods: boolean;
}

/** `POST /api/<method>` with one JSON object as the body → the method's envelope. */
export async function handleApiCall(request: IncomingMessage, response: ServerResponse, name: string, options: ApiRouteOptions): Promise<void> {
  if (!isMethodName(name)) {
    sendError(response, 404, 'unknown-method', `Unknown API method "${name}".`);
    return;
  }
  if (request.method !== 'POST') {
    sendError(response, 405, 'bad-request', `API methods are called with POST, not ${request.method ?? '?'}.`, { Allow: 'POST' });
    return;
  }
  const contentType = request.headers['content-type'];
  if (contentType !== undefined && !/^application\/json\s*(;|$)/i.test(contentType)) {
    sendError(response, 415, 'bad-request', 'The request body must be JSON (Content-Type: application/json).');
    return;
  }
  if (methods[name].touchesFiles && !options.allowFileMethods) {
    sendError(
      response,
      403,
      'forbidden',
      `"${name}" reads or writes files on this computer, which browsers may not ask for: use the desktop app or the arshif command line, or start the host with \`arshif serve --allow-file-access\`.`,
    );
    return;
  }
  let text: string;
  try {
    text = await readBody(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) sendError(response, 413, 'bad-request', `The request body is larger than ${MAX_BODY_BYTES} bytes.`, { Connection: 'close' });
    else if (!(error instanceof BodyAborted)) sendError(response, 400, 'bad-request', 'The request body could not be read.');
    else response.destroy();
    return;
  }
  if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH)) {
    sendError(response, 400, 'bad-request', `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`);
    return;
  }
  let args: unknown = {};
  if (text.trim() !== '') {
    try {
      args = JSON.parse(text);
    } catch {
      sendError(response, 400, 'bad-request', 'The request body is not valid JSON.');
      return;
    }
  }
  sendJson(response, 200, await options.caller.call(name, args));
}
