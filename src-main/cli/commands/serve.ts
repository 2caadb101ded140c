import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Archive } from '../../core/archive/archive.js';
import { defaultConfigDir } from '../../core/service/index.js';
import { checkBinding, DEFAULT_HOST, DEFAULT_PORT, startHost } from '../../host/index.js';
import { ArchiveWorkerClient } from '../../worker/client.js';
import { integer, type CliValues } from '../args.js';
import { nativeBindingOption } from '../native-binding.js';
import { printLine } from '../output.js';

/**
 * The built renderer: ARSHIF_RENDERER_DIR (set by the desktop app's launcher), else out/renderer beside
 * this build — out/cli/*.mjs when built, src-main/cli/commands/*.ts from sources.
 */
function rendererDir(): string {
  const fromEnv = process.env.ARSHIF_RENDERER_DIR;
  if (fromEnv) return path.resolve(fromEnv);
  const here = fileURLToPath(import.meta.url);
  return path.resolve(path.dirname(here), here.endsWith('.ts') ? '../../../out/renderer' : '../renderer');
}

function waitForStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * `serve --archive F [--port P] [--host ADDR --token T]`: the UI and the API over HTTP. The archive is
 * served by the archive worker; this thread only moves bytes. Prints the URL as the first line.
 */
export async function serveCommand(archive: Archive, values: CliValues): Promise<void> {
  const archivePath = archive.path;
  archive.close(); // main.ts opened it to check it; from here on only the worker touches it
  const port = integer(values, 'port') ?? DEFAULT_PORT;
  const token = values.token;
  checkBinding(values.host ?? DEFAULT_HOST, token); // refuse a bad --host/--token before starting anything
  const worker = await ArchiveWorkerClient.start({
    configDir: defaultConfigDir(),
    initialArchive: { kind: 'path', path: archivePath, create: false },
    ...nativeBindingOption(),
    parseWorkers: integer(values, 'workers'),
  });
  let host;
  try {
    host = await startHost({ caller: worker, rendererDir: rendererDir(), host: values.host, port, token });
  } catch (error) {
    await worker.close();
    throw error;
  }
  printLine(host.url);
  if (token !== undefined) printLine(`Open ${host.url}?token=${token} once in a browser to sign it in.`);
  process.stderr.write(`Serving ${archivePath}. Press Ctrl+C to stop.\n`);
  await waitForStopSignal();
  process.stderr.write('Stopping…\n');
  await host.close();
  await worker.close();
}
