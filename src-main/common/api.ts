/**
 * The one list of API methods. Both doors (Electron IPC in `app/`, the loopback host in `host/`)
 * serve exactly this registry, and the renderer calls exactly it, so a method cannot exist in one
 * door and be missing from the other. Arguments are validated at runtime against these schemas.
 */
import * as v from 'valibot';
import type {
  ArticleHighlights,
  ArticleVersion,
  ArticleVersions,
  ArticleWithCopies,
  ArchiveInfo,
  ArchiveStats,
  Calendar,
  ExportField,
  ExportResult,
  UpgradeResult,
  ImportProgress,
  ImportReport,
  ListResult,
  SearchResult,
  ArticleSummary,
  Settings,
  TickerDays,
  TickerHeadlineTrack,
  TickerHistory,
  TickerSnapshot,
  VersionDiff,
} from './types.js';

const CALENDARS = ['gregorian', 'hijri'] as const satisfies readonly Calendar[];

/** The article fields a field mapping may name (ExportField). */
export const EXPORT_FIELDS = ['title', 'body', 'date', 'url', 'author', 'section', 'site', 'scraped'] as const satisfies readonly ExportField[];

const day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day written YYYY-MM-DD'));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max, `must be at most ${max} characters`));
const count = (max: number) => v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(0), v.maxValue(max));
const id = v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be a positive id'));
/**
 * A file-system path, absolute (POSIX `/…`, Windows `C:\…` or `\\server\…`): a relative path would be
 * read against the folder the engine happens to run in, not the caller's.
 */
const path = v.pipe(
  v.string(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(4096),
  v.check((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'must be an absolute path'),
);
const versionNumber = v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be a version number (1 is the first)'));

const listFilters = {
  site: v.optional(text(500)),
  section: v.optional(text(500)),
  author: v.optional(text(500)),
  from: v.optional(day),
  to: v.optional(day),
  limit: v.optional(count(1000)),
  offset: v.optional(count(10_000_000)),
};

export const schemas = {
  none: v.strictObject({}),
  list: v.strictObject({
    ...listFilters,
    sort: v.optional(v.picklist(['newest', 'oldest', 'most-read', 'most-edited'])),
    edited: v.optional(v.boolean()),
    collapse: v.optional(v.boolean()),
  }),
  search: v.strictObject({
    ...listFilters,
    query: text(10_000),
    minReads: v.optional(count(Number.MAX_SAFE_INTEGER)),
    sort: v.optional(v.picklist(['relevance', 'newest', 'oldest', 'most-read'])),
    allVersions: v.optional(v.boolean()),
    collapse: v.optional(v.boolean()),
    calendar: v.optional(v.picklist(CALENDARS)),
  }),
  byId: v.strictObject({ id }),
  highlights: v.strictObject({ id, query: text(10_000) }),
  related: v.strictObject({ id, limit: v.optional(count(100)) }),
  ticker: v.strictObject({ site: v.optional(text(500)), date: v.optional(day) }),
  tickerDays: v.strictObject({ site: v.optional(text(500)) }),
  version: v.strictObject({ id, version: versionNumber }),
  diff: v.strictObject({ id, from: v.optional(versionNumber), to: v.optional(versionNumber), mode: v.optional(v.picklist(['words', 'exact'])) }),
  tickerHistory: v.strictObject({ site: text(500), from: v.optional(day), to: v.optional(day) }),
  tickerHeadline: v.strictObject({ site: text(500), headline: v.pipe(text(2000), v.minLength(1, 'must not be empty')) }),
  importArgs: v.strictObject({
    paths: v.pipe(v.array(path), v.minLength(1, 'needs at least one path'), v.maxLength(10_000)),
    /** For scraper exports with unusual field names: article field → the export's field (a.b for nested). */
    map: v.optional(v.record(v.picklist(EXPORT_FIELDS, `must be one of ${EXPORT_FIELDS.join(', ')}`), v.pipe(text(200), v.minLength(1, 'must name a field')))),
  }),
  importId: v.strictObject({ importId: id }),
  archivePath: v.strictObject({ path }),
  exportTo: v.strictObject({ out: path, force: v.optional(v.boolean()) }),
  settings: v.strictObject({
    theme: v.optional(v.picklist(['system', 'light', 'sepia', 'dark'])),
    language: v.optional(v.picklist(['ar', 'en'])),
    digits: v.optional(v.picklist(['arabic', 'western'])),
    calendar: v.optional(v.picklist(CALENDARS)),
    monthNames: v.optional(v.picklist(['auto', 'levantine', 'gulf-egyptian', 'maghrebi', 'moroccan'])),
    fontSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(12), v.maxValue(40))),
  }),
} as const;

interface MethodSpec<S extends v.GenericSchema, R> {
  args: S;
  /** Phantom: the result type, for typing callers. Never set at runtime. */
  readonly result?: R;
  /** Methods that only the desktop shell or a trusted local client may call (they touch the file system). */
  touchesFiles: boolean;
}

function method<R>() {
  return <S extends v.GenericSchema>(args: S, touchesFiles = false): MethodSpec<S, R> => ({ args, touchesFiles });
}

export const methods = {
  archiveInfo: method<ArchiveInfo>()(schemas.none),
  openArchive: method<ArchiveInfo>()(schemas.archivePath, true),
  createArchive: method<ArchiveInfo>()(schemas.archivePath, true),
  /** Backs up an archive made by an older Arshif beside itself, upgrades it, and opens it. */
  upgradeArchive: method<UpgradeResult>()(schemas.archivePath, true),
  recentArchives: method<string[]>()(schemas.none),
  stats: method<ArchiveStats>()(schemas.none),
  list: method<ListResult>()(schemas.list),
  show: method<ArticleWithCopies>()(schemas.byId),
  related: method<ArticleSummary[]>()(schemas.related),
  articleHighlights: method<ArticleHighlights>()(schemas.highlights),
  search: method<SearchResult>()(schemas.search),
  ticker: method<TickerSnapshot | null>()(schemas.ticker),
  tickerDays: method<TickerDays[]>()(schemas.tickerDays),
  versions: method<ArticleVersions>()(schemas.byId),
  version: method<ArticleVersion>()(schemas.version),
  diff: method<VersionDiff>()(schemas.diff),
  tickerHistory: method<TickerHistory>()(schemas.tickerHistory),
  tickerHeadline: method<TickerHeadlineTrack | null>()(schemas.tickerHeadline),
  import: method<{ importId: number }>()(schemas.importArgs, true),
  cancelImport: method<{ cancelled: boolean }>()(schemas.importId),
  importStatus: method<ImportProgress | null>()(schemas.none),
  importReport: method<ImportReport>()(schemas.importId),
  export: method<ExportResult>()(schemas.exportTo, true),
  getSettings: method<Settings>()(schemas.none),
  setSettings: method<Settings>()(schemas.settings),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type ArgsOf<M extends MethodName> = v.InferInput<Methods[M]['args']>;
export type ResultOf<M extends MethodName> = Exclude<Methods[M]['result'], undefined>;

export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

/** Validates arguments of a method; the message names the offending field. */
export function validateArgs<M extends MethodName>(
  name: M,
  input: unknown,
): { ok: true; args: v.InferOutput<Methods[M]['args']> } | { ok: false; message: string } {
  const parsed = v.safeParse(methods[name].args, input ?? {});
  if (parsed.success) return { ok: true, args: parsed.output as v.InferOutput<Methods[M]['args']> };
  const issue = parsed.issues[0];
  const field = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, message: `${name}: ${field ? `field "${field}" ` : ''}${issue.message}` };
}

/** Events pushed from the engine to every open window or browser. */
export interface ApiEvents {
  importProgress: ImportProgress;
  archiveChanged: ArchiveInfo;
  /** Settings changed by another window or by the desktop menu (View → theme, font size). */
  settingsChanged: Settings;
}
export type EventName = keyof ApiEvents;

/** The typed client surface (window.arshif in Electron; fetch-backed in a browser). */
export type ArshifApi = {
  [M in MethodName]: (args: ArgsOf<M>) => Promise<import('./result.js').Result<ResultOf<M>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
};
