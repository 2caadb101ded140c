/**
 * The reading room on a ~100,000-article archive, in Debian Chromium against the real host:
 *
 *   (a) first list paint: navigation start → the first article row painted in the browse list
 *       (fresh browser context per load, so nothing comes from the HTTP cache), median of N loads;
 *   (b) search as you type: last keystroke → the results of that query painted (debounce, request,
 *       render and the frame included), p50/p95 over ≥ 30 queries of 1–3 words taken from the
 *       archive's own headlines, typed one key at a time at human speed;
 *   (c) scroll smoothness: frame times while a script scrolls the browse list through ~20,000 rows.
 *
 *   npm run bench:ui [-- --queries 40 --loads 5 --rows 20000 --rows-per-frame 30 --articles 100000 --seed 7]
 *
 * The archive is the one tests/bench/search.bench.ts builds and caches (same file, same cache key:
 * tests/.generated/search-bench/bench-<articles>-s<seed>.arshif + .json stamp); it is built here the
 * same way when it is missing or stale (several minutes). The renderer is built when out/renderer is
 * missing or older than its sources. Progress goes to stderr; a table and one JSON line to stdout.
 * The host and the browser are stopped on exit, on errors and on Ctrl-C.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunch } from '../../playwright.config.js';
import { openArchive } from '../../src-main/core/archive/archive.js';
import { isStopword, tokenize } from '../../src-main/core/arabic/index.js';
import { Rng } from '../corpus/rng.js';
import { abandonBenchArchiveBuild, benchArchivePath, ensureBenchArchive } from './bench-archive.js';
import { ensureRendererBuilt, startHost, type RunningHost } from '../e2e/ui/harness.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '7' },
    queries: { type: 'string', default: '40' },
    loads: { type: 'string', default: '5' },
    rows: { type: 'string', default: '20000' },
    'rows-per-frame': { type: 'string', default: '30' },
  },
});
const ARTICLES = Number(values.articles);
const SEED = Number(values.seed);
const QUERIES = Math.max(1, Number(values.queries));
const LOADS = Math.max(1, Number(values.loads));
const SCROLL_ROWS = Math.max(100, Number(values.rows));

const TARGET_FIRST_PAINT_MS = 1000;
const TARGET_SEARCH_P95_MS = 250;
/** Browse rows are 72 px high (BrowseView.svelte). */
const ROW_HEIGHT = 72;
/** Rows moved per frame while scrolling: 30 is a hard fling (~1,800 rows a second at 60 Hz). */
const ROWS_PER_FRAME = Math.max(1, Number(values['rows-per-frame']));

const archiveFile = benchArchivePath(ARTICLES, SEED);

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// The archive (shared with search.bench.ts: same path, same stamp)

interface ArchiveFacts {
  articles: number;
  queries: string[];
}

/** 1-, 2- and 3-word queries, each a run of content words of one real headline, in headline order. */
function drawQueries(): ArchiveFacts {
  const archive = openArchive(archiveFile, { readonly: true });
  try {
    const articles = archive.db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    const maxId = archive.db.prepare('SELECT max(id) FROM articles').pluck().get() as number;
    const titleAt = archive.db.prepare('SELECT title FROM articles WHERE id >= ? ORDER BY id LIMIT 1').pluck();
    const rng = new Rng('ui-bench', SEED);
    const seen = new Set<string>();
    const queries: string[] = [];
    for (let tries = 0; queries.length < QUERIES && tries < QUERIES * 200; tries++) {
      const words = (n: number): string | null => {
        const title = (titleAt.get(rng.int(1, maxId)) as string | undefined) ?? '';
        const content = tokenize(title)
          .filter((t) => t.norm.length >= 3 && !isStopword(t.norm) && /^[\u0621-\u064A]+$/.test(t.norm))
          .map((t) => title.slice(t.start, t.end));
        if (content.length < n) return null;
        const at = rng.int(0, content.length - n);
        return content.slice(at, at + n).join(' ');
      };
      const q = words((queries.length % 3) + 1);
      if (q && !seen.has(q)) {
        seen.add(q);
        queries.push(q);
      }
    }
    return { articles, queries };
  } finally {
    archive.close();
  }
}

// ---------------------------------------------------------------------------------------------
// In-page instruments (installed before any page script runs)

interface FirstRowMark {
  /** When the first real row entered the DOM (ms since navigation start). */
  dom: number;
  /** After the frame that shows it. */
  painted: number;
}

interface QueryProbe {
  text: string;
  /** event.timeStamp of the last `input` event of the search field. */
  lastInput: number;
  /** When the answer to this very query (offset 0) came back. */
  responseAt: number;
  /** The first DOM change in the results after that answer. */
  domAt: number;
  /** After the frame that shows it. */
  paintedAt: number;
  /** What was painted: the first hit's title and the number of hits in the list. */
  firstTitle: string;
  hitsShown: number;
  answer: Response | null;
}

interface BenchWindow {
  __firstRow: FirstRowMark | null;
  __q: QueryProbe | null;
}

/** Runs in the page before its own scripts (addInitScript): no imports, no closures over Node values. */
function instruments(): void {
  const w = window as unknown as BenchWindow & Window;
  w.__firstRow = null;
  w.__q = null;
  /** Calls `then` with performance.now() just after the next frame has been produced. */
  const afterNextFrame = (then: (at: number) => void): void => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => then(performance.now());
      channel.port2.postMessage(0);
    });
  };

  const observer = new MutationObserver((records) => {
    if (w.__firstRow === null) {
      const title = document.querySelector<HTMLElement>('[role="listbox"] .article-row:not(.placeholder) .title');
      if (title && title.getBoundingClientRect().height > 0) {
        const dom = performance.now();
        w.__firstRow = { dom, painted: 0 };
        afterNextFrame((at) => {
          if (w.__firstRow) w.__firstRow.painted = at;
        });
      }
    }
    const q = w.__q;
    if (q && q.responseAt > 0 && q.domAt === 0) {
      const inResults = records.some((r) => {
        const node = r.target instanceof Element ? r.target : r.target.parentElement;
        return !!node?.closest('.search-view');
      });
      if (inResults) {
        q.domAt = performance.now();
        afterNextFrame((at) => {
          q.paintedAt = at;
          q.firstTitle = document.querySelector('.hits > li .hit-title')?.textContent?.trim() ?? '';
          q.hitsShown = document.querySelectorAll('.hits > li').length;
        });
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });

  document.addEventListener(
    'input',
    (event) => {
      const q = w.__q;
      if (q && (event.target as HTMLElement | null)?.id === 'search-input') q.lastInput = event.timeStamp;
    },
    true,
  );

  const originalFetch = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const response = await originalFetch(input, init);
    const q = w.__q;
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (q && q.responseAt === 0 && url.endsWith('/api/search') && typeof init?.body === 'string') {
      const args = JSON.parse(init.body) as { query?: string; offset?: number };
      if (args.query === q.text && (args.offset ?? 0) === 0) {
        q.responseAt = performance.now();
        q.answer = response.clone();
      }
    }
    return response;
  };
}

// ---------------------------------------------------------------------------------------------
// Measurements

interface Stats {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[at] ?? NaN;
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN };
}

const listSelector = '[role="listbox"].viewport';
const firstRowSelector = `${listSelector} .article-row:not(.placeholder) .title`;

interface LoadResult {
  /** Navigation start → first row painted (the figure). */
  firstRowPaint: number;
  /** Navigation start → first row in the DOM. */
  firstRowDom: number;
  /** Navigation start → waitForSelector saw it visible (Playwright's view, a cross-check). */
  selectorVisible: number;
  firstContentfulPaint: number | null;
  domContentLoaded: number;
}

/**
 * tsx (esbuild, keepNames) wraps named functions in `__name(…)`: functions sent to the page need that
 * helper there too.
 */
const nameShim = { content: 'globalThis.__name = globalThis.__name || ((fn) => fn);' };

async function instrument(page: Page): Promise<void> {
  await page.addInitScript(nameShim);
  await page.addInitScript(instruments);
}

async function firstPaintRuns(browser: Browser, url: string): Promise<LoadResult[]> {
  const runs: LoadResult[] = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1360, height: 850 }, locale: 'ar', reducedMotion: 'reduce' });
    await host!.signIn(context);
    try {
      const page = await context.newPage();
      await instrument(page);
      await page.goto(url, { waitUntil: 'commit' });
      await page.waitForSelector(firstRowSelector, { state: 'visible', timeout: 60_000 });
      const selectorVisible = await page.evaluate(() => performance.now());
      await page.waitForFunction(() => ((window as unknown as BenchWindow).__firstRow?.painted ?? 0) > 0, null, { timeout: 30_000 });
      const marks = await page.evaluate(() => {
        const first = (window as unknown as BenchWindow).__firstRow;
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return { first, fcp: fcp ? fcp.startTime : null, dcl: nav ? nav.domContentLoadedEventEnd : NaN };
      });
      if (!marks.first) throw new Error('the first row was never seen');
      const run: LoadResult = {
        firstRowPaint: marks.first.painted,
        firstRowDom: marks.first.dom,
        selectorVisible,
        firstContentfulPaint: marks.fcp,
        domContentLoaded: marks.dcl,
      };
      runs.push(run);
      log(`  load ${i + 1}/${LOADS}: first row painted at ${run.firstRowPaint.toFixed(0)} ms (in the DOM at ${run.firstRowDom.toFixed(0)} ms, FCP ${run.firstContentfulPaint?.toFixed(0) ?? '–'} ms)`);
    } finally {
      await context.close();
    }
  }
  return runs;
}

interface QueryRun {
  query: string;
  words: number;
  /** Last keystroke → results painted (the figure). */
  latency: number;
  /** Last keystroke → the answer arrived (debounce + request + search). */
  answer: number;
  /** Answer → painted (parse, render, frame). */
  render: number;
  total: number;
  /** The painted first hit is the answer's first hit. */
  verified: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function typeLikeAPerson(page: Page, text: string, rng: Rng): Promise<void> {
  for (const ch of text) {
    await page.keyboard.type(ch);
    // 90–200 ms between keys, a little more after a space: a steady typist, pauses longer than the debounce included.
    await sleep(ch === ' ' ? rng.int(150, 300) : rng.int(90, 200));
  }
}

async function searchRuns(page: Page, queries: string[]): Promise<{ runs: QueryRun[]; failures: string[] }> {
  const rng = new Rng('ui-bench-typing', SEED);
  const runs: QueryRun[] = [];
  const failures: string[] = [];
  const input = page.locator('#search-input');
  for (const [i, query] of queries.entries()) {
    // Back to an empty field and the browse list, settled.
    await input.focus();
    if ((await input.inputValue()) !== '') await page.keyboard.press('Escape');
    await page.waitForSelector(firstRowSelector, { state: 'visible', timeout: 30_000 });
    await sleep(300);
    await page.evaluate((text) => {
      (window as unknown as BenchWindow).__q = { text, lastInput: 0, responseAt: 0, domAt: 0, paintedAt: 0, firstTitle: '', hitsShown: 0, answer: null };
    }, query);
    await typeLikeAPerson(page, query, rng);
    try {
      await page.waitForFunction(() => ((window as unknown as BenchWindow).__q?.paintedAt ?? 0) > 0, null, { timeout: 15_000 });
    } catch (error) {
      if (stopping) throw error;
      failures.push(`${query}: no painted answer within 15 s`);
      log(`  query ${i + 1}/${queries.length} «${query}»: no painted answer within 15 s`);
      continue;
    }
    const probe = await page.evaluate(async () => {
      const q = (window as unknown as BenchWindow).__q;
      if (!q) return null;
      const body = (await q.answer?.json().catch(() => null)) as { ok: boolean; value?: { total: number; hits: Array<{ title: string }> } } | null;
      return {
        lastInput: q.lastInput,
        responseAt: q.responseAt,
        paintedAt: q.paintedAt,
        firstTitle: q.firstTitle,
        hitsShown: q.hitsShown,
        ok: body?.ok ?? false,
        total: body?.value?.total ?? 0,
        answerTitle: body?.value?.hits[0]?.title.trim() ?? '',
      };
    });
    if (!probe || !probe.ok) {
      failures.push(`${query}: the host answered an error`);
      continue;
    }
    const run: QueryRun = {
      query,
      words: query.split(' ').length,
      latency: probe.paintedAt - probe.lastInput,
      answer: probe.responseAt - probe.lastInput,
      render: probe.paintedAt - probe.responseAt,
      total: probe.total,
      verified: probe.total === 0 ? probe.hitsShown === 0 : probe.firstTitle === probe.answerTitle,
    };
    runs.push(run);
    log(
      `  query ${String(i + 1).padStart(2)}/${queries.length} «${query}»: ${run.latency.toFixed(0)} ms (answer ${run.answer.toFixed(0)} + render ${run.render.toFixed(0)}), ${run.total} hits${run.verified ? '' : ' — painted hits do not match the answer!'}`,
    );
  }
  await input.focus();
  if ((await input.inputValue()) !== '') await page.keyboard.press('Escape');
  return { runs, failures };
}

interface ScrollResult {
  rows: number;
  frames: number;
  frameMs: Stats;
  over32: number;
  over50: number;
  /** Share of frames in which a row in view was still a placeholder (its page not loaded yet). */
  placeholderFrames: number;
  seconds: number;
}

async function scrollRun(page: Page): Promise<ScrollResult> {
  await page.waitForSelector(firstRowSelector, { state: 'visible', timeout: 30_000 });
  await sleep(500);
  const raw = await page.evaluate(
    async ({ selector, rows, rowHeight, perFrame }) => {
      const el = document.querySelector<HTMLElement>(selector);
      if (!el) throw new Error('no list');
      const frame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));
      el.scrollTop = 0;
      await frame();
      let last = await frame();
      const started = last;
      const times: number[] = [];
      let placeholders = 0;
      const end = rows * rowHeight;
      while (el.scrollTop < end) {
        const before = el.scrollTop;
        el.scrollTop = Math.min(end, before + perFrame * rowHeight);
        const now = await frame();
        times.push(now - last);
        last = now;
        const view = el.getBoundingClientRect();
        for (const row of el.querySelectorAll('.article-row.placeholder')) {
          const r = row.getBoundingClientRect();
          if (r.bottom > view.top && r.top < view.bottom) {
            placeholders++;
            break;
          }
        }
        if (el.scrollTop === before) break; // the end of the list
      }
      return { times, placeholders, rowsScrolled: Math.round(el.scrollTop / rowHeight), ms: last - started };
    },
    { selector: listSelector, rows: SCROLL_ROWS, rowHeight: ROW_HEIGHT, perFrame: ROWS_PER_FRAME },
  );
  const n = raw.times.length;
  return {
    rows: raw.rowsScrolled,
    frames: n,
    frameMs: stats(raw.times),
    over32: raw.times.filter((t) => t > 32).length / n,
    over50: raw.times.filter((t) => t > 50).length / n,
    placeholderFrames: raw.placeholders / n,
    seconds: raw.ms / 1000,
  };
}

// ---------------------------------------------------------------------------------------------

let host: RunningHost | undefined;
let browser: Browser | undefined;

async function cleanup(): Promise<void> {
  abandonBenchArchiveBuild();
  const b = browser;
  browser = undefined;
  await b?.close().catch(() => undefined);
  const h = host;
  host = undefined;
  if (h) {
    await h.stop().catch(() => undefined);
    // stop() leaves its temporary folder behind when the host had already exited.
    fs.rmSync(h.dir, { recursive: true, force: true });
  }
}

// Playwright's own signal handlers are off (see the launch): they would exit before the host is stopped.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log(`\n${signal}: stopping the host and the browser …`);
    void cleanup().finally(() => process.exit(130));
  });
}

const ms = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : '–');
const pct = (v: number): string => `${(v * 100).toFixed(1)} %`;

async function main(): Promise<void> {
  await ensureBenchArchive(ARTICLES, SEED, log);
  const facts = drawQueries();
  log(`archive: ${facts.articles} articles; ${facts.queries.length} queries drawn from its headlines`);

  log('renderer: checking out/renderer …');
  ensureRendererBuilt();

  log('host: starting arshif serve …');
  host = await startHost({ archive: archiveFile });
  log(`host: ${host.url}`);
  const loadBefore = os.loadavg();
  browser = await chromium.launch({
    executablePath: chromiumLaunch.executablePath,
    args: chromiumLaunch.args,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });

  log(`(a) first list paint, ${LOADS} cold loads (fresh browser context each) …`);
  const loads = await firstPaintRuns(browser, host.url);

  const context = await browser.newContext({ viewport: { width: 1360, height: 850 }, locale: 'ar', reducedMotion: 'reduce' });
  await host.signIn(context);
  const page = await context.newPage();
  await instrument(page);
  await page.goto(host.url);
  await page.waitForSelector(firstRowSelector, { state: 'visible', timeout: 60_000 });

  log(`(b) search as you type, ${facts.queries.length} queries …`);
  const { runs, failures } = await searchRuns(page, facts.queries);

  await page.evaluate(() => {
    (window as unknown as BenchWindow).__q = null;
  });
  log(`(c) scrolling through ${SCROLL_ROWS} rows …`);
  const scroll = await scrollRun(page);
  await context.close();
  const loadAfter = os.loadavg();

  const paint = stats(loads.map((l) => l.firstRowPaint));
  const paintDom = stats(loads.map((l) => l.firstRowDom));
  const fcp = stats(loads.map((l) => l.firstContentfulPaint ?? NaN).filter(Number.isFinite));
  const latency = stats(runs.map((r) => r.latency));
  const answer = stats(runs.map((r) => r.answer));
  const render = stats(runs.map((r) => r.render));
  const byWords = [1, 2, 3].map((w) => ({ w, s: stats(runs.filter((r) => r.words === w).map((r) => r.latency)) }));
  const unverified = runs.filter((r) => !r.verified).length;
  const paintOk = paint.median <= TARGET_FIRST_PAINT_MS;
  const searchOk = latency.p95 <= TARGET_SEARCH_P95_MS && failures.length === 0;

  const rows: Array<[string, string, string]> = [
    ['first list paint (median of loads)', `${ms(paint.median)}  [${loads.map((l) => l.firstRowPaint.toFixed(0)).join(', ')}]`, `≤ ${TARGET_FIRST_PAINT_MS} ms ${paintOk ? 'OK' : 'MISSED'}`],
    ['  first row in the DOM (median)', ms(paintDom.median), ''],
    ['  first contentful paint (median)', ms(fcp.median), ''],
    [`search: last key → painted, p50 / p95 (n=${latency.n})`, `${ms(latency.median)} / ${ms(latency.p95)}  (max ${ms(latency.max)})`, `p95 ≤ ${TARGET_SEARCH_P95_MS} ms ${searchOk ? 'OK' : 'MISSED'}`],
    ...byWords.map(({ w, s }): [string, string, string] => [`  ${w} word${w > 1 ? 's' : ''} p50 / p95 (n=${s.n})`, `${ms(s.median)} / ${ms(s.p95)}`, '']),
    ['  last key → answer p50 / p95 (debounce incl.)', `${ms(answer.median)} / ${ms(answer.p95)}`, ''],
    ['  answer → painted p50 / p95', `${ms(render.median)} / ${ms(render.p95)}`, ''],
    ['  failures / painted ≠ answer', `${failures.length} / ${unverified}`, ''],
    [`scroll: ${scroll.rows} rows (${ROWS_PER_FRAME}/frame), ${scroll.frames} frames in ${scroll.seconds.toFixed(1)} s`, `median ${ms(scroll.frameMs.median)}, p95 ${ms(scroll.frameMs.p95)}, max ${ms(scroll.frameMs.max)}`, ''],
    ['  frames > 32 ms / > 50 ms', `${pct(scroll.over32)} / ${pct(scroll.over50)}`, ''],
    ['  frames showing placeholder rows', pct(scroll.placeholderFrames), ''],
    ['load average (1/5/15 min) before → after', `${loadBefore.map((v) => v.toFixed(2)).join(' ')} → ${loadAfter.map((v) => v.toFixed(2)).join(' ')}`, `${os.cpus().length} cores`],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  process.stdout.write(`\nUI bench — ${facts.articles} articles, Chromium ${browser.version()}\n`);
  for (const [a, b, c] of rows) process.stdout.write(`${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}\n`);
  for (const f of failures) process.stdout.write(`failure: ${f}\n`);

  const round = (v: number): number => Math.round(v * 10) / 10;
  const json = {
    bench: 'ui',
    articles: facts.articles,
    firstPaintMs: { median: round(paint.median), runs: loads.map((l) => round(l.firstRowPaint)), domMedian: round(paintDom.median), fcpMedian: round(fcp.median), target: TARGET_FIRST_PAINT_MS, ok: paintOk },
    searchMs: {
      n: latency.n,
      p50: round(latency.median),
      p95: round(latency.p95),
      max: round(latency.max),
      answerP50: round(answer.median),
      answerP95: round(answer.p95),
      renderP50: round(render.median),
      renderP95: round(render.p95),
      failures: failures.length,
      unverified,
      target: TARGET_SEARCH_P95_MS,
      ok: searchOk,
    },
    scroll: {
      rows: scroll.rows,
      rowsPerFrame: ROWS_PER_FRAME,
      frames: scroll.frames,
      medianMs: round(scroll.frameMs.median),
      p95Ms: round(scroll.frameMs.p95),
      maxMs: round(scroll.frameMs.max),
      over32: round(scroll.over32 * 1000) / 1000,
      placeholderFrames: round(scroll.placeholderFrames * 1000) / 1000,
    },
    loadavg: { before: loadBefore.map(round), after: loadAfter.map(round) },
    cpus: os.cpus().length,
  };
  process.stdout.write(`${JSON.stringify(json)}\n`);
}

main()
  .catch((error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  })
  .finally(() => cleanup());
