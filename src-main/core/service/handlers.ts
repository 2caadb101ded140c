import type * as v from 'valibot';
import type { ApiEvents, EventName, MethodName, Methods, ResultOf } from '../../common/api.js';
import { ArshifError } from '../../common/result.js';
import type { ArchiveInfo } from '../../common/types.js';
import type { Archive } from '../archive/archive.js';
import { getArticle, listArticles } from '../archive/articles.js';
import { articleCopies } from '../archive/copies.js';
import { exportToFile } from '../archive/export.js';
import { getArchiveInfo, getStats, isArchiveWritable } from '../archive/stats.js';
import { getTicker, getTickerDays } from '../archive/ticker.js';
import { getTickerHeadline, getTickerHistory } from '../archive/ticker-history.js';
import { diffVersions, getVersion, listVersions } from '../archive/versions.js';
import type { ArchiveHolder } from './archive-holder.js';
import type { ConfigStore } from './config-store.js';
import { readImportReport } from './import-history.js';
import type { ImportRunner } from './import-runner.js';
import { articleHighlights, relatedArticles, searchArchive } from './search-gateway.js';

/** Arguments of a method after validation (defaults applied). */
export type ParsedArgs<M extends MethodName> = v.InferOutput<Methods[M]['args']>;

/** One handler per API method: leaving one out is a compile error. */
export type MethodHandlers = {
  [M in MethodName]: (args: ParsedArgs<M>) => ResultOf<M> | Promise<ResultOf<M>>;
};

export interface HandlerContext {
  archives: ArchiveHolder;
  config: ConfigStore;
  imports: ImportRunner;
  emit<E extends EventName>(event: E, payload: ApiEvents[E]): void;
}

const DEFAULT_RELATED = 10;

export function createHandlers(ctx: HandlerContext): MethodHandlers {
  const archive = (): Archive => ctx.archives.current;

  const switchArchive = (open: () => Archive): ArchiveInfo => {
    if (ctx.imports.busy) throw new ArshifError('archive-busy', 'An import is running; cancel it or wait for it before switching archives.');
    const opened = open();
    ctx.config.rememberArchive(opened.path);
    const info = getArchiveInfo(opened);
    ctx.emit('archiveChanged', info);
    return info;
  };

  return {
    archiveInfo: () => getArchiveInfo(archive()),
    openArchive: ({ path }) => switchArchive(() => ctx.archives.open(path)),
    createArchive: ({ path }) => switchArchive(() => ctx.archives.create(path)),
    upgradeArchive: async ({ path }) => {
      if (ctx.imports.busy) throw new ArshifError('archive-busy', 'An import is running; cancel it or wait for it before switching archives.');
      const { archive: upgraded, outcome } = await ctx.archives.upgrade(path);
      ctx.config.rememberArchive(upgraded.path);
      const info = getArchiveInfo(upgraded);
      ctx.emit('archiveChanged', info);
      return { archive: info, fromVersion: outcome.fromVersion, toVersion: outcome.toVersion, backup: outcome.backup };
    },
    recentArchives: () => ctx.config.recentArchives,
    stats: () => getStats(archive()),
    list: (query) => listArticles(archive(), query),
    show: ({ id }) => ({ ...getArticle(archive(), id), ...articleCopies(archive(), id) }),
    related: ({ id, limit }) => relatedArticles(archive(), id, limit ?? DEFAULT_RELATED),
    articleHighlights: ({ id, query }) => articleHighlights(archive(), id, query),
    search: (query) => searchArchive(archive(), query),
    ticker: (query) => getTicker(archive(), query),
    tickerDays: (query) => getTickerDays(archive(), query),
    versions: ({ id }) => listVersions(archive(), id),
    version: ({ id, version }) => getVersion(archive(), id, version),
    diff: ({ id, ...options }) => diffVersions(archive(), id, options),
    tickerHistory: (query) => getTickerHistory(archive(), query),
    tickerHeadline: (query) => getTickerHeadline(archive(), query),
    import: ({ paths, map }) => {
      const target = archive();
      if (!isArchiveWritable(target)) {
        throw new ArshifError('permission-denied', `${target.path} is read-only here (a read-only file, folder or disk): it can be browsed and searched, not imported into.`);
      }
      return ctx.imports.start(target, paths, map);
    },
    cancelImport: ({ importId }) => ({ cancelled: ctx.imports.cancel(importId) }),
    importStatus: () => ctx.imports.status,
    importReport: ({ importId }) => readImportReport(archive(), importId),
    export: ({ out, force }) => exportToFile(archive(), out, { force: force ?? false }),
    getSettings: () => ctx.config.settings,
    setSettings: (changes) => {
      const settings = ctx.config.updateSettings(changes);
      ctx.emit('settingsChanged', settings);
      return settings;
    },
  };
}
