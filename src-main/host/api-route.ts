import type { IncomingMessage, ServerResponse } from 'node:http';
import { isMethodName, methods } from '../common/api.js';
import type { ApiCaller } from '../worker/client.js';
import { sendError, sendJson } from './responses.js';

/** Largest accepted request body (10,000 import paths fit easily). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
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
    sendError(response, 403, 'forbidden', `"${name}" reads or writes local files and is only available on a loopback host.`);
    return;
  }
  let text: string;
  try {
    text = await readBody(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) sendError(response, 413, 'bad-request', `The request body is larger than ${MAX_BODY_BYTES} bytes.`, { Connection: 'close' });
    else sendError(response, 400, 'bad-request', 'The request body could not be read.');
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
