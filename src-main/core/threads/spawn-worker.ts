import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Kept in a variable so bundlers leave the URL alone: the bootstrap only exists in the sources. */
const SOURCE_BOOTSTRAP = './ts-worker-bootstrap.mjs';

/**
 * Starts the worker entry `<name>.js` (or `.mjs`, like the caller) that sits next to the calling
 * module — the app (out/main) and the CLI (out/cli) are built that way — or, when the caller runs
 * from sources (tests, the CLI under tsx), `<name>.ts` through tsx. Node 20 does not apply
 * `--import tsx` loader hooks inside worker threads, so the .ts entry is loaded by a small bootstrap
 * that uses tsx's `tsImport` instead.
 */
export function spawnWorker(callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  const caller = new URL(callerUrl);
  caller.search = ''; // tsx marks the modules it loads with a query
  caller.hash = '';
  if (!caller.pathname.endsWith('.ts')) {
    const extension = caller.pathname.endsWith('.mjs') ? '.mjs' : '.js'; // out/cli builds .mjs, out/main .js
    return new Worker(new URL(`./${name}${extension}`, caller), options);
  }
  const entry = new URL(`./${name}.ts`, caller).href;
  return new Worker(new URL(SOURCE_BOOTSTRAP, import.meta.url), { ...options, argv: [entry] });
}
