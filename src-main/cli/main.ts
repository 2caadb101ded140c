#!/usr/bin/env node
/** `arshif` — the command line over the archive engine. */
import path from 'node:path';
import { ArshifError } from '../common/result.js';
import type { Archive } from '../core/archive/archive.js';
import { apiErrorOf } from '../core/service/errors.js';
import { parseCli, requireArchive, type CliValues } from './args.js';
import { nativeBindingOption } from './native-binding.js';
import { openForCommand, type ArchiveUse } from './open-for.js';
import { printLine, terminalSafe } from './output.js';

const USAGE = `arshif — an archive of scraped Arabic news sites

Usage: arshif <command> [options]

  import <path>... --archive F [--map FIELD=NAME ...]
                                   import folders, files and .zip bundles of scraped pages, crawls
                                   (.warc, .warc.gz, .wacz) and scraper exports (.jsonl, .json, .csv);
                                   --map names an export's field for an article field (title, body,
                                   date, url, author, section, site, scraped), e.g. --map body=story_text
  list   --archive F [--site S --section S --author A --from D --to D --sort newest|oldest|most-read|most-edited
         --edited --limit N --offset N]   (--edited: only articles edited after their first scrape)
  show   <id> --archive F          one article with its paragraphs and snapshots
  search <query> --archive F [--site S --section S --author A --from D --to D --min-reads N
         --sort relevance|newest|oldest|most-read --limit N --offset N]
                                   words (all must match, any clitic form), "exact phrase", -exclude,
                                   OR (or أو), prefix*; put -- before a query that starts with -
         [--all-versions]          also match the earlier wording of edited articles
         [--calendar hijri]        timeline and year facet in Hijri (Umm al-Qura) months and years
  ticker --archive F [--site S] [--date YYYY-MM-DD]
  ticker --archive F --site S [--from D] [--to D]   the ticker over days: calendar, headlines, who left early
  versions <id> --archive F        the versions of an article (each distinct text), with their snapshots
  diff   <id> [A B] --archive F [--exact]   what changed from version A to B (default: first → shown);
                                   words compared without harakat/tatweel unless --exact; --json: operations
  stats  --archive F               totals by site, section and year
  export --archive F [--out FILE [--force]]   every article as one JSON line (--force replaces FILE)
  serve  --archive F [--port P] [--host ADDR] [--token-file FILE] [--allow-file-access]
                                   the UI and API; prints the address to open (it carries the access
                                   token: ARSHIF_TOKEN, --token-file, or a new random one)

  --json     print one JSON document (export always prints JSON lines)
  --upgrade  upgrade an archive made by an older Arshif (a backup copy is written beside it first)
  --debug    print the stack trace of an unexpected error
Reading commands never change the archive (a read-only archive is fine). Progress goes to stderr.
Exit status 0 when the command ran (even if some files were rejected), 2 for a usage error, 1 otherwise.`;

type Command = (archive: Archive, positionals: string[], values: CliValues) => void | Promise<void>;

// Each command's module is loaded only when that command runs, so a quick `search` or `show` never
// loads (or compiles) the page parsers, the importer or the HTTP host.
const read = () => import('./commands/read.js');

const COMMANDS: Record<string, { use: ArchiveUse; run: Command }> = {
  import: { use: 'write', run: async (a, p, v) => (await import('./commands/import.js')).importCommand(a, p, v) },
  list: { use: 'read', run: async (a, _p, v) => (await read()).listCommand(a, v) },
  show: { use: 'read', run: async (a, p, v) => (await read()).showCommand(a, p, v) },
  search: { use: 'read', run: async (a, p, v) => (await import('./commands/search.js')).searchCommand(a, p, v) },
  ticker: { use: 'read', run: async (a, _p, v) => (await read()).tickerCommand(a, v) },
  stats: { use: 'read', run: async (a, _p, v) => (await read()).statsCommand(a, v) },
  versions: { use: 'read', run: async (a, p, v) => (await import('./commands/versions.js')).versionsCommand(a, p, v) },
  diff: { use: 'read', run: async (a, p, v) => (await import('./commands/versions.js')).diffCommand(a, p, v) },
  export: { use: 'read', run: async (a, _p, v) => (await read()).exportCommand(a, v) },
  serve: { use: 'serve', run: async (a, _p, v) => (await import('./commands/serve.js')).serveCommand(a, v) },
};

async function main(argv: string[]): Promise<number> {
  const { command, positionals, values } = parseCli(argv);
  if (!command || values.help) {
    printLine(USAGE);
    return command || values.help ? 0 : 2;
  }
  const entry = COMMANDS[command];
  if (!entry) throw new ArshifError('bad-request', `unknown command "${command}" (try --help)`);
  const archive = await openForCommand(requireArchive(values), entry.use, values.upgrade === true, nativeBindingOption());
  try {
    await entry.run(archive, positionals, values);
  } finally {
    archive.close();
  }
  return 0;
}

/** One line for the user; the stack only with --debug. */
function report(error: unknown, debug: boolean, archivePath: string | undefined): number {
  const described = apiErrorOf(error, archivePath);
  process.stderr.write(`arshif: ${terminalSafe(described.message)}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${terminalSafe(error.stack)}\n`);
  else if (described.code === 'internal') process.stderr.write('(run again with --debug for the details)\n');
  return described.code === 'bad-request' ? 2 : 1;
}

function archiveArgument(args: string[]): string | undefined {
  const at = args.indexOf('--archive');
  const inline = args.find((a) => a.startsWith('--archive='));
  const given = at >= 0 ? args[at + 1] : inline?.slice('--archive='.length);
  return given ? path.resolve(given) : undefined;
}

const argv = process.argv.slice(2);
main(argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = report(error, argv.includes('--debug'), archiveArgument(argv));
  },
);
