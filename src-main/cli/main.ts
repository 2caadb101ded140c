#!/usr/bin/env node
/** `arshif` — the command line over the archive engine. */
import { ArshifError } from '../common/result.js';
import { openArchive, type Archive } from '../core/archive/archive.js';
import { parseCli, requireArchive, type CliValues } from './args.js';
import { nativeBindingOption } from './native-binding.js';
import { printLine } from './output.js';

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
  ticker --archive F [--site S] [--date YYYY-MM-DD]
  ticker --archive F --site S [--from D] [--to D]   the ticker over days: calendar, headlines, who left early
  versions <id> --archive F        the versions of an article (each distinct text), with their snapshots
  diff   <id> [A B] --archive F [--exact]   what changed from version A to B (default: first → shown);
                                   words compared without harakat/tatweel unless --exact; --json: operations
  stats  --archive F               totals by site, section and year
  export --archive F [--out FILE]  every article as one JSON line
  serve  --archive F [--port P] [--host ADDR --token T]   the UI and API on http://127.0.0.1:P/ (URL printed first)

  --json   print one JSON document (export always prints JSON lines)
Progress goes to stderr. Exit status 0 when the command ran (even if some files were rejected).`;

type Command = (archive: Archive, positionals: string[], values: CliValues) => void | Promise<void>;

// Each command's module is loaded only when that command runs, so a quick `search` or `show` never
// loads (or compiles) the page parsers, the importer or the HTTP host.
const read = () => import('./commands/read.js');

const COMMANDS: Record<string, { create: boolean; run: Command }> = {
  import: { create: true, run: async (a, p, v) => (await import('./commands/import.js')).importCommand(a, p, v) },
  list: { create: false, run: async (a, _p, v) => (await read()).listCommand(a, v) },
  show: { create: false, run: async (a, p, v) => (await read()).showCommand(a, p, v) },
  search: { create: false, run: async (a, p, v) => (await import('./commands/search.js')).searchCommand(a, p, v) },
  ticker: { create: false, run: async (a, _p, v) => (await read()).tickerCommand(a, v) },
  stats: { create: false, run: async (a, _p, v) => (await read()).statsCommand(a, v) },
  versions: { create: false, run: async (a, p, v) => (await import('./commands/versions.js')).versionsCommand(a, p, v) },
  diff: { create: false, run: async (a, p, v) => (await import('./commands/versions.js')).diffCommand(a, p, v) },
  export: { create: false, run: async (a, _p, v) => (await read()).exportCommand(a, v) },
  serve: { create: true, run: async (a, _p, v) => (await import('./commands/serve.js')).serveCommand(a, v) },
};

async function main(argv: string[]): Promise<number> {
  const { command, positionals, values } = parseCli(argv);
  if (!command || values.help) {
    printLine(USAGE);
    return command || values.help ? 0 : 2;
  }
  const entry = COMMANDS[command];
  if (!entry) throw new ArshifError('bad-request', `unknown command "${command}" (try --help)`);
  const archive = openArchive(requireArchive(values), { create: entry.create, ...nativeBindingOption() });
  try {
    await entry.run(archive, positionals, values);
  } finally {
    archive.close();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const known = error instanceof ArshifError;
    process.stderr.write(`arshif: ${known ? error.message : (error as Error).stack ?? String(error)}\n`);
    process.exitCode = known && error.code === 'bad-request' ? 2 : 1;
  },
);
