import path from 'node:path';
import { ArshifError } from '../../common/result.js';
import type { Archive } from '../../core/archive/archive.js';
import { getArticle, listArticles } from '../../core/archive/articles.js';
import type { DamagedArticle } from '../../core/archive/articles.js';
import { exportArticles, exportToFile } from '../../core/archive/export.js';
import { getStats } from '../../core/archive/stats.js';
import { getTicker } from '../../core/archive/ticker.js';
import { checked, integer, type CliValues } from '../args.js';
import { tickerHistoryCommand } from './ticker-history.js';
import { formatSummary, printJson, printLine, terminalSafe, terminalSafeJson } from '../output.js';

export function listCommand(archive: Archive, values: CliValues): void {
  const query = checked('list', {
    site: values.site,
    section: values.section,
    author: values.author,
    from: values.from,
    to: values.to,
    sort: values.sort,
    edited: values.edited,
    limit: integer(values, 'limit'),
    offset: integer(values, 'offset'),
  });
  const result = listArticles(archive, query);
  if (values.json) return printJson(result);
  printLine(`${result.total} articles (showing ${result.offset + 1}–${result.offset + result.articles.length})`);
  for (const a of result.articles) printLine(formatSummary(a));
}

export function showCommand(archive: Archive, positionals: string[], values: CliValues): void {
  const raw = positionals[0];
  if (!raw || !/^\d+$/.test(raw)) throw new ArshifError('bad-request', 'show needs an article id, e.g. show 42');
  const article = getArticle(archive, Number(raw));
  if (values.json) return printJson(article);
  printLine(formatSummary(article));
  printLine();
  for (const p of article.paragraphs) printLine(`${p}\n`);
  printLine('Snapshots:');
  for (const s of article.snapshots) printLine(`  ${s.scrapedOn ?? 'unknown day'} · ${s.readCount ?? '–'} reads · ${s.encoding} ${s.format} · ${s.path}`);
}

export function tickerCommand(archive: Archive, values: CliValues): void {
  if (values.from || values.to) return tickerHistoryCommand(archive, values);
  const query = checked('ticker', { site: values.site, date: values.date });
  const ticker = getTicker(archive, query);
  if (values.json) return printJson(ticker);
  if (!ticker) return printLine('No ticker stored for that site and day.');
  printLine(`${ticker.site} · ${ticker.date}`);
  for (const h of ticker.headlines) printLine(`  ${String(h.position).padStart(2)}. ${h.headline}${h.articleId ? `  → #${h.articleId}` : ''}`);
}

export function statsCommand(archive: Archive, values: CliValues): void {
  const stats = getStats(archive);
  if (values.json) return printJson(stats);
  printLine(`${stats.articles} articles · ${stats.snapshots} snapshots · ${stats.tickerDays} ticker days · ${stats.imports} imports`);
  if (stats.foldedCopies > 0) printLine(`${stats.foldedCopies} of the articles are copies of a story on another site (list and search show one row per story)`);
  printLine('Sites:');
  for (const s of stats.sites) printLine(`  ${s.value}: ${s.count}`);
  printLine('Sections:');
  for (const s of stats.sections) printLine(`  ${s.site} › ${s.value || '(none)'}: ${s.count}`);
  printLine('Years:');
  for (const y of stats.years) printLine(`  ${y.value || '(undated)'}: ${y.count}`);
}

function reportSkipped(skipped: number, ids: number[]): void {
  if (skipped === 0) return;
  const listed = ids.slice(0, 10).map((id) => `#${id}`).join(', ');
  const more = skipped > 10 ? ', …' : '';
  process.stderr.write(`${skipped} damaged article${skipped === 1 ? ' was' : 's were'} skipped (${listed}${more}): their stored text cannot be read.\n`);
}

export async function exportCommand(archive: Archive, values: CliValues): Promise<void> {
  if (values.out) {
    const out = path.resolve(values.out); // relative to the folder the command was run in
    const result = await exportToFile(archive, out, { force: values.force === true });
    if (values.json) printJson(result);
    else process.stderr.write(`${terminalSafe(`Exported ${result.articles} articles to ${result.path}`)}\n`);
    reportSkipped(result.skipped, result.skippedIds);
    return;
  }
  let skipped = 0;
  const ids: number[] = [];
  const onDamaged = ({ id }: DamagedArticle) => {
    skipped++;
    if (ids.length < 10) ids.push(id);
  };
  for (const article of exportArticles(archive, onDamaged)) {
    if (!process.stdout.write(`${terminalSafeJson(article)}\n`)) await new Promise((r) => process.stdout.once('drain', r));
  }
  reportSkipped(skipped, ids);
}
