/** Runs `arshif serve` as a child process (the way a user does) and reads the URL it prints first. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

export const repoRootForServe = path.resolve(import.meta.dirname, '..', '..');

export interface ServeProcess {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  /** The first line `serve` prints: the URL with `?token=…`. */
  signInUrl: string;
  token: string;
  /** Headers that carry the token. */
  auth: Record<string, string>;
  child: ChildProcess;
  stop(): Promise<number | null>;
}

/** How to start arshif: a program and the arguments that come before the command's own. */
export interface CliCommand {
  file: string;
  args: string[];
  cwd: string;
}

/** From sources, as `npm run arshif` does. */
export const SOURCE_CLI: CliCommand = {
  file: process.execPath,
  args: ['--import', 'tsx', path.join(repoRootForServe, 'src-main/cli/main.ts')],
  cwd: repoRootForServe,
};

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, cli: CliCommand = SOURCE_CLI): ChildProcess {
  return spawn(cli.file, [...cli.args, ...args], {
    cwd: cli.cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Starts `serve` and resolves with the first stdout line once it is printed; rejects if the process exits first. */
export function startServe(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 60_000, cli: CliCommand = SOURCE_CLI): Promise<ServeProcess> {
  const child = runCli(['serve', ...args], env, cli);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve printed no URL within ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      clearTimeout(timer);
      const signIn = new URL(line);
      const token = signIn.searchParams.get('token') ?? '';
      resolve({
        url: `${signIn.origin}/`,
        signInUrl: line,
        token,
        auth: { Authorization: `Bearer ${token}` },
        child,
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before printing its URL: ${stderr}`));
    });
  });
}

/** Runs the CLI to completion: exit code, stdout, stderr. */
export function runCliToEnd(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  cli: CliCommand = SOURCE_CLI,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = runCli(args, env, cli);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}
