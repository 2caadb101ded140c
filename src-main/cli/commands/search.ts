import type { Highlight, SearchResult } from '../../common/types.js';
import type { Archive } from '../../core/archive/archive.js';
import { searchArchive } from '../../core/search/index.js';
import { checked, integer, type CliValues } from '../args.js';
import { formatSummary, oneLine, printFormattedLine, printJson, printLine } from '../output.js';

/** Marks highlight ranges: bold on a terminal, ⟦…⟧ otherwise. The text is made safe first (same length). */
function mark(raw: string, ranges: Highlight[], tty: boolean): string {
  const text = oneLine(raw);
  const [open, close] = tty ? ['\u001b[1m', '\u001b[22m'] : ['⟦', '⟧'];
  let out = '';
  let at = 0;
  for (const r of ranges) {
    out += text.slice(at, r.start) + open + text.slice(r.start, r.end) + close;
    at = r.end;
  }
  return out + text.slice(at);
}

function printResult(result: SearchResult, tty: boolean): void {
  if (result.problem) {
    printLine(result.problem);
    return;
  }
  const last = result.offset + result.hits.length;
  const stories = result.total === result.matches ? '' : ` in ${result.total} stories`;
  printLine(`${result.matches} articles match${stories} (showing ${result.hits.length ? `${result.offset + 1}–${last}` : 'none'})`);
  if (result.relaxed) printLine('No article has all the words; showing those with most of them.');
  if (result.suggestion) printLine(`Did you mean: ${result.suggestion.query}`);
  if (result.truncated) printLine('The search took longer than its time budget: the order after the first results is approximate.');
  for (const hit of result.hits) {
    printLine();
    printFormattedLine(formatSummary(hit, mark(hit.title, hit.titleHighlights, tty)));
    if (hit.earlierVersion !== undefined) printLine(`      (matches earlier wording: version ${hit.earlierVersion}; arshif diff ${hit.id})`);
    if (hit.snippet) printFormattedLine(`      ${mark(hit.snippet, hit.highlights, tty)}`);
    if (hit.copies.length > 0) printFormattedLine(`      also on: ${[...new Set(hit.copies.map((c) => c.site))].join(', ')} (#${hit.copies.map((c) => c.id).join(', #')})`);
  }
  const facet = (name: string, buckets: Array<{ value: string; count: number }>) => {
    if (buckets.length) printLine(`${name}: ${buckets.map((b) => `${b.value} (${b.count})`).join(', ')}`);
  };
  printLine();
  facet('Sites', result.facets.site);
  facet('Sections', result.facets.section);
  facet(result.calendar === 'hijri' ? 'Hijri years' : 'Years', result.facets.year);
  facet('Authors', result.facets.author.slice(0, 10));
}

export function searchCommand(archive: Archive, positionals: string[], values: CliValues): void {
  const query = checked('search', {
    query: positionals.join(' '),
    site: values.site,
    section: values.section,
    author: values.author,
    from: values.from,
    to: values.to,
    minReads: integer(values, 'min-reads'),
    sort: values.sort,
    limit: integer(values, 'limit'),
    offset: integer(values, 'offset'),
    allVersions: values['all-versions'],
    calendar: values.calendar,
  });
  const result = searchArchive(archive, query);
  if (values.json) return printJson(result);
  printResult(result, process.stdout.isTTY === true);
}
