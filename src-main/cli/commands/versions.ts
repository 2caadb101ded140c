/** `arshif versions ID` and `arshif diff ID [A B]`: the versions of an article and what changed between two. */
import { ArshifError } from '../../common/result.js';
import type { DiffOp, VersionDiff } from '../../common/types.js';
import type { Archive } from '../../core/archive/archive.js';
import { diffVersions, listVersions } from '../../core/archive/versions.js';
import { checked, type CliValues } from '../args.js';
import { printFormattedLine, printJson, printLine, terminalSafe } from '../output.js';

function positiveInteger(raw: string | undefined, what: string): number {
  if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) < 1) throw new ArshifError('bad-request', `${what} must be a positive whole number${raw === undefined ? '' : `, not "${raw}"`}`);
  return Number(raw);
}

export function versionsCommand(archive: Archive, positionals: string[], values: CliValues): void {
  if (positionals.length !== 1) throw new ArshifError('bad-request', 'versions needs one article id, e.g. versions 42');
  const { id } = checked('versions', { id: positiveInteger(positionals[0], 'the article id') });
  const result = listVersions(archive, id);
  if (values.json) return printJson(result);
  printLine(`#${id}: ${result.versions.length} version${result.versions.length === 1 ? '' : 's'}`);
  for (const v of result.versions) {
    const days = v.firstScrapedOn === v.lastScrapedOn ? (v.firstScrapedOn ?? 'unknown day') : `${v.firstScrapedOn ?? '?'} → ${v.lastScrapedOn ?? '?'}`;
    const flags = [v.shown ? 'shown' : '', v.cut ? 'cut off' : ''].filter(Boolean).join(', ');
    printLine(`  ${String(v.number).padStart(2)}. ${days}${flags ? ` (${flags})` : ''}  ${v.title}`);
    if (v.snapshots.length === 0) printLine('      no file holds this version any more (its file was changed)');
    for (const s of v.snapshots) printLine(`      ${s.scrapedOn ?? 'unknown day'} · ${s.readCount === null ? '–' : `${s.readCount} reads`} · ${s.path}`);
  }
}

/**
 * Operations as text: on a terminal deletions struck through and insertions underlined; else [-…-] and
 * {+…+}. The archive's text is made terminal-safe first; only our own codes are sent raw.
 */
function renderOps(ops: DiffOp[], tty: boolean): string {
  return ops
    .map((op) => {
      const o = { ...op, text: terminalSafe(op.text) };
      if (o.op === 'equal') return o.text;
      if (tty) return o.op === 'delete' ? `\u001b[9;31m${o.text}\u001b[0m` : `\u001b[4;32m${o.text}\u001b[0m`;
      const text = o.text.trimEnd();
      const space = o.text.slice(text.length);
      return o.op === 'delete' ? `[-${text}-]${space}` : `{+${text}+}${space}`;
    })
    .join('');
}

function printDiff(diff: VersionDiff, tty: boolean): void {
  printLine(`#${diff.articleId}: version ${diff.from} → version ${diff.to} (${diff.mode === 'words' ? 'words; harakat, tatweel and hamza forms ignored' : 'exact characters'})`);
  if (diff.inserted === 0 && diff.deleted === 0 && !diff.author && !diff.section) {
    printLine(diff.marksOnly ? 'The words are the same; only harakat, tatweel, hamza forms, digit shapes or punctuation differ (try --exact).' : 'No difference.');
    return;
  }
  printLine(`${diff.deleted} word${diff.deleted === 1 ? '' : 's'} deleted, ${diff.inserted} inserted`);
  printLine();
  printFormattedLine(renderOps(diff.title, tty));
  if (diff.author) printLine(`Author: ${diff.author.from ?? '(none)'} → ${diff.author.to ?? '(none)'}`);
  if (diff.section) printLine(`Section: ${diff.section.from ?? '(none)'} → ${diff.section.to ?? '(none)'}`);
  for (const row of diff.paragraphs) {
    printLine();
    const label = row.kind === 'deleted' ? '(paragraph removed) ' : row.kind === 'inserted' ? '(paragraph added) ' : '';
    printFormattedLine(label + renderOps(row.ops, tty));
  }
}

export function diffCommand(archive: Archive, positionals: string[], values: CliValues): void {
  if (positionals.length < 1 || positionals.length > 3) throw new ArshifError('bad-request', 'diff needs an article id and optionally two version numbers, e.g. diff 42 1 3');
  const numbers = positionals.slice(1).map((p, i) => positiveInteger(p, i === 0 ? 'the first version' : 'the second version'));
  const args = checked('diff', {
    id: positiveInteger(positionals[0], 'the article id'),
    ...(numbers.length === 2 ? { from: numbers[0], to: numbers[1] } : numbers.length === 1 ? { to: numbers[0] } : {}),
    mode: values.exact ? 'exact' : 'words',
  });
  const { id, ...options } = args;
  const diff = diffVersions(archive, id, options);
  if (values.json) return printJson(diff);
  printDiff(diff, process.stdout.isTTY === true);
}
