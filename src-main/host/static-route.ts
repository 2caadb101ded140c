import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { contentTypeOf, resolveStaticPath } from '../core/web/static-path.js';
import { sendText } from './responses.js';

const NOT_BUILT = `Arshif — the interface is not built yet.

The API works (POST /api/<method>), but there is no user interface to serve:
run \`npm run build\` in the Arshif folder (it writes out/renderer/), then reload this page.
`;

export function rendererIsBuilt(rendererDir: string): boolean {
  return fs.existsSync(path.join(rendererDir, 'index.html'));
}

/** GET/HEAD of the built renderer's files, and nothing outside its folder. */
export function handleStatic(request: IncomingMessage, response: ServerResponse, urlPath: string, rendererDir: string): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendText(response, 405, 'Only GET and HEAD are allowed here.\n', { Allow: 'GET, HEAD' });
    return;
  }
  if (!rendererIsBuilt(rendererDir)) {
    if (urlPath === '/' || urlPath === '/index.html') sendText(response, 200, NOT_BUILT);
    else sendText(response, 404, 'Not found. (The interface is not built: run `npm run build`.)\n');
    return;
  }
  const lookup = resolveStaticPath(rendererDir, urlPath, { spaFallback: true });
  if (!lookup.ok) {
    sendText(response, lookup.status, `${lookup.reason}\n`);
    return;
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(lookup.file);
  } catch {
    sendText(response, 404, 'Not found.\n');
    return;
  }
  response.writeHead(200, {
    'Content-Type': contentTypeOf(lookup.file),
    'Content-Length': stat.size,
    'Cache-Control': 'no-cache',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  fs.createReadStream(lookup.file)
    .on('error', () => response.destroy())
    .pipe(response);
}
