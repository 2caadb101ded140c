import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ArshifError } from '../../common/result.js';
import type { Archive } from '../../core/archive/archive.js';
import { defaultConfigDir } from '../../core/service/index.js';
import { checkBinding, DEFAULT_HOST, DEFAULT_PORT, newToken, startHost } from '../../host/index.js';
import { ArchiveWorkerClient } from '../../worker/client.js';
import { integer, type CliValues } from '../args.js';
import { nativeBindingOption } from '../native-binding.js';
import { printLine } from '../output.js';

/** How long a stop may take before the process ends anyway (a hung query must not keep it alive). */
const STOP_GRACE_MS = 5_000;

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

/**
 * The access token: --token-file (its first line), else --token (visible to other users in the process
 * list, so discouraged), else ARSHIF_TOKEN, else a new random one.
 */
export function accessToken(values: CliValues, env: NodeJS.ProcessEnv = process.env): { token: string; source: string } {
  const file = values['token-file'];
  if (file !== undefined) {
    let text: string;
    try {
      text = fs.readFileSync(path.resolve(file), 'utf8');
    } catch (error) {
      throw new ArshifError('bad-request', `Cannot read the token file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
    }
    const token = text.split(/\r?\n/, 1)[0]?.trim() ?? '';
    if (!token) throw new ArshifError('bad-request', `The token file ${file} is empty.`);
    return { token, source: 'file' };
  }
  if (values.token !== undefined) return { token: values.token, source: 'argument' };
  if (env.ARSHIF_TOKEN) return { token: env.ARSHIF_TOKEN.trim(), source: 'env' };
  return { token: newToken(), source: 'random' };
}

function waitForStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      // a second Ctrl+C ends the process at once, whatever is still running
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * `serve --archive F [--port P] [--host ADDR] [--token-file F] [--allow-file-access]`: the UI and the API
 * over HTTP. The archive is served by the archive worker; this thread only moves bytes. Prints the
 * address to open (with its access token) as the first line.
 */
export async function serveCommand(archive: Archive, values: CliValues): Promise<void> {
  const archivePath = archive.path;
  archive.close(); // main.ts opened it to check it; from here on only the worker touches it
  const port = integer(values, 'port') ?? DEFAULT_PORT;
  const { token, source } = accessToken(values);
  const allowFileAccess = values['allow-file-access'] === true;
  checkBinding(values.host ?? DEFAULT_HOST, token, allowFileAccess); // refuse a bad --host/token before starting anything
  const worker = await ArchiveWorkerClient.start({
    configDir: defaultConfigDir(),
    initialArchive: { kind: 'path', path: archivePath, create: false },
    ...nativeBindingOption(),
    parseWorkers: integer(values, 'workers'),
  });
  let host;
  try {
    host = await startHost({ caller: worker, rendererDir: rendererDir(), host: values.host, port, token, allowFileAccess });
  } catch (error) {
    await worker.close();
    throw error;
  }
  const stopped = waitForStopSignal(); // listening before the URL is out: a caller may stop us at once
  printLine(host.signInUrl);
  if (source === 'argument') process.stderr.write('Note: a token given with --token is visible to other users of this computer; prefer ARSHIF_TOKEN or --token-file.\n');
  process.stderr.write(`Serving ${archivePath}. Open the address above in a browser on this computer. Press Ctrl+C to stop.\n`);
  await stopped;
  process.stderr.write('Stopping…\n');
  const forced = setTimeout(() => process.exit(0), STOP_GRACE_MS);
  forced.unref();
  await host.close();
  await worker.close();
  clearTimeout(forced);
}
