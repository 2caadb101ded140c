/** `arshif ticker --site S --from D --to D`: a site's ticker over a range of days. */
import { ArshifError } from '../../common/result.js';
import type { Archive } from '../../core/archive/archive.js';
import { getTickerHistory } from '../../core/archive/ticker-history.js';
import { checked, type CliValues } from '../args.js';
import { printJson, printLine } from '../output.js';

export function tickerHistoryCommand(archive: Archive, values: CliValues): void {
  if (!values.site) throw new ArshifError('bad-request', 'ticker history needs --site S (with --from D and/or --to D)');
  if (values.date) throw new ArshifError('bad-request', 'use either --date D (one day) or --from/--to (a range), not both');
  const query = checked('tickerHistory', { site: values.site, from: values.from, to: values.to });
  const history = getTickerHistory(archive, query);
  if (values.json) return printJson(history);
  const range = `${history.from ?? 'first day'} → ${history.to ?? 'last day'}`;
  printLine(`${history.site} · ${range}: ${history.days.length} scrape days with a ticker, ${history.headlines.length} headlines`);
  for (const d of history.days) printLine(`  ${d.date}  ${String(d.headlines).padStart(3)} headlines`);
  const early = history.headlines.filter((h) => h.leftEarly);
  printLine();
  if (early.length === 0) {
    printLine('No headline left the ticker early (at most half as long as those that entered with it).');
    return;
  }
  printLine(`Left the ticker early (at most half as long as those that entered the same day):`);
  for (const h of early) {
    const first = h.days[0]!;
    printLine(`  ${first.date}  #${first.position}  ${h.stay} day${h.stay === 1 ? '' : 's'} (others: ${h.cohortStay})  ${h.headline}${h.articleId ? `  → #${h.articleId}` : ''}`);
  }
}
