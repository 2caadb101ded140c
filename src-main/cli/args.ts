import { parseArgs } from 'node:util';
import { ArshifError } from '../common/result.js';
import { validateArgs, type MethodName } from '../common/api.js';

export const OPTIONS = {
  archive: { type: 'string' },
  json: { type: 'boolean' },
  site: { type: 'string' },
  section: { type: 'string' },
  author: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  sort: { type: 'string' },
  limit: { type: 'string' },
  offset: { type: 'string' },
  'min-reads': { type: 'string' },
  'all-versions': { type: 'boolean' },
  calendar: { type: 'string' },
  exact: { type: 'boolean' },
  edited: { type: 'boolean' },
  date: { type: 'string' },
  out: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  token: { type: 'string' },
  'token-file': { type: 'string' },
  'allow-file-access': { type: 'boolean' },
  upgrade: { type: 'boolean' },
  force: { type: 'boolean' },
  debug: { type: 'boolean' },
  workers: { type: 'string' },
  map: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

export type CliValues = ReturnType<typeof parse>['values'];

function parse(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
}

export function parseCli(argv: string[]): { command: string | undefined; positionals: string[]; values: CliValues } {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new ArshifError('bad-request', (error as Error).message);
  }
  const [command, ...positionals] = parsed.positionals;
  return { command, positionals, values: parsed.values };
}

export function requireArchive(values: CliValues): string {
  if (!values.archive) throw new ArshifError('bad-request', 'missing --archive FILE (the archive to use)');
  return values.archive;
}

export function integer(values: CliValues, name: 'limit' | 'offset' | 'min-reads' | 'port' | 'workers'): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new ArshifError('bad-request', `--${name} must be a whole number, not "${raw}"`);
  return Number(raw);
}

/** Drops undefined fields, then checks the object against the API schema of the method (one contract for CLI and API). */
export function checked<M extends MethodName>(method: M, args: Record<string, unknown>) {
  const defined = Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined));
  const result = validateArgs(method, defined);
  if (!result.ok) throw new ArshifError('bad-request', result.message.replace(/field "(\w+)"/, (_, f: string) => `--${f.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`));
  return result.args;
}
