import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Statement } from 'better-sqlite3';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { REPORTED_REJECTIONS, type FieldMap, type ImportCounts, type ImportPhase, type ImportProgress, type ImportReport, type Rejection, type SkipReason } from '../../common/types.js';
import type { Archive } from '../archive/archive.js';
import type { PageContext } from '../pages/types.js';
import { MAX_PAGE_BYTES, describeUnsupported, fileKind, isSourceKind, tooLargeMessage, type SourceFormat } from './file-kinds.js';
import { NearDuplicateGrouper } from '../archive/groups.js';
import { createParser, type PageParser } from './parse-pool.js';
import { contentHash, type FileOutcome, type ProcessedPage } from './process-page.js';
import { emptyCounts, progressOf, ProgressPacer } from './progress.js';
import { countImport, walkImport } from './scan.js';
import { siteFromPath, siteFromUrl } from './site-from-path.js';
import { ByteInput } from './sources/byte-input.js';
import { streamEvents, waczEvents, type ExportItem, type RevisitRecord, type SourceEvent } from './sources/index.js';
import { ArchiveWriter, type ExistingSnapshot } from './writer.js';
import { countZipMembers, zipMembers, type ZipMember } from './zip.js';

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Cancels between batches: the current batch is committed, nothing is half-written. */
  signal?: AbortSignal;
  /** Files per transaction. */
  batchSize?: number;
  /** Parse worker threads; 0 parses on this thread. Default: cores − 1. */
  parseWorkers?: number;
  /** Field names of scraper exports that use unusual ones (article field → the export's field). */
  fieldMap?: FieldMap;
  /** Shortest time between two progress reports while files are processed (default 200 ms: a report at least every 250 ms). */
  progressIntervalMs?: number;
}

/**
 * What an op adds to progress: a file (or zip member), a record of a crawl or export, or neither; and
 * the bytes on disk it accounts for (progress and ETA go by bytes).
 */
interface Tally {
  unit: 'file' | 'record' | 'none';
  bytes: number;
}

type WriteOp = (
  | { type: 'reject'; rejection: Rejection; bytes: number }
  | { type: 'unchanged'; bytes: number }
  | {
      type: 'page';
      path: string;
      root: string;
      hash: string;
      bytes: number;
      processed: ProcessedPage;
      replaces: ExistingSnapshot | null;
      /** A page of a crawl: one that is no article is counted as skipped, not listed. */
      crawl?: boolean;
    }
  | { type: 'revisit'; path: string; hash: string; bytes: number; revisit: RevisitRecord; replaces: ExistingSnapshot | null }
  | { type: 'skip'; reason: SkipReason; bytes: number }
  /** Progress only: the rest of a file's bytes once its units are done. */
  | { type: 'progress'; bytes: number }
) & { tally?: Tally };

/** Something to import as one page: a file, a zip member, or a page of a crawl. */
interface Unit {
  path: string;
  root: string;
  size: number;
  read(): Promise<Buffer>;
  /** What a crawl knows of the page (URL, Content-Type, capture day); crawl pages have no file type to check. */
  context?: PageContext;
  tally?: Tally;
}

/**
 * Files in flight between reading and writing: enough to keep the parse workers busy while a batch
 * commits, bounded by count and by bytes (a run of large members must not hold gigabytes).
 */
const READ_AHEAD = 384;
const READ_AHEAD_BYTES = 64 * 1024 * 1024;
/** Zips inside zips are opened this many levels deep, no deeper. */
const MAX_ZIP_NESTING = 3;
const BATCH_SIZE = 256;
/**
 * WAL pages between automatic checkpoints while importing (SQLite's default: 1,000). A checkpoint
 * copies every page changed since the last one into the archive: the index pages a run of batches
 * keeps rewriting are copied once instead of once per 1,000 pages, and fsync'd less often. The WAL
 * may grow to this size (32 MB) before it is copied back.
 */
const IMPORT_CHECKPOINT_PAGES = 8192;
/**
 * Segments FTS5 lets gather on one level before merging them (its default: 4). An import writes a
 * segment per batch; merging them 16 at a time rewrites each posting about half as often, at the
 * cost of a few more segments for a query to look in. Stored in the index's config, so later
 * writes keep it.
 */
const FTS_AUTOMERGE = 16;

/** Why a page could not be read: a damaged member of a zip, or a file the system would not read. */
function unreadable(where: string, message: string): [Rejection['reason'], string] {
  return where.includes('!/') ? ['bad-zip', `The zip member is damaged: ${message}`] : ['unreadable', `Cannot read the file: ${message}`];
}

/** Imports folders, files and zips into the archive. Safe to kill at any moment and to run again. */
export async function runImport(archive: Archive, paths: string[], options: ImportOptions = {}): Promise<ImportReport> {
  const run = new ImportRun(archive, paths, options);
  return run.execute();
}

class ImportRun {
  private readonly counts: ImportCounts = emptyCounts();
  private readonly rejections: Rejection[] = [];
  private readonly startedAt = Date.now();
  private readonly importId: number;
  private readonly writer: ArchiveWriter;
  private readonly grouper: NearDuplicateGrouper;
  private readonly pending: Array<{ op: Promise<WriteOp>; bytes: number }> = [];
  private pendingBytes = 0;
  private batch: WriteOp[] = [];
  private phase: ImportPhase = 'scanning';
  private parser: PageParser | null = null;
  private readonly roots: string[];
  /** What the ops read and analysed so far add up to, committed or still in the open batch: progress moves with these, not per batch. */
  private readonly processed = { files: 0, records: 0, bytes: 0 };
  private readonly pacer: ProgressPacer;
  private updateCounts: Statement | null = null;

  constructor(
    private readonly archive: Archive,
    private readonly paths: string[],
    private readonly options: ImportOptions,
  ) {
    this.roots = paths.map((p) => path.resolve(p));
    this.pacer = new ProgressPacer(options.progressIntervalMs);
    this.importId = Number(
      archive.db
        .prepare("INSERT INTO imports (started_at, status, roots) VALUES (?, 'running', ?)")
        .run(new Date().toISOString(), JSON.stringify(this.roots)).lastInsertRowid,
    );
    this.writer = new ArchiveWriter(archive, this.importId);
    this.grouper = new NearDuplicateGrouper(archive.db);
  }

  private get cancelled(): boolean {
    return this.options.signal?.aborted ?? false;
  }

  async execute(): Promise<ImportReport> {
    this.emit();
    const checkpointPages = this.archive.db.pragma('wal_autocheckpoint', { simple: true }) as number;
    this.archive.db.pragma(`wal_autocheckpoint = ${IMPORT_CHECKPOINT_PAGES}`);
    for (const fts of ['articles_fts', 'titles_fts']) this.archive.db.exec(`INSERT INTO ${fts} (${fts}, rank) VALUES ('automerge', ${FTS_AUTOMERGE})`);
    try {
      const planned = await countImport(this.paths, this.options.signal, async (soFar) => {
        this.counts.filesTotal = soFar.files;
        this.counts.bytesTotal = soFar.bytes;
        this.emit();
        await yieldToEventLoop(); // a cancel can arrive during a long count
      });
      this.counts.filesTotal = planned.files;
      this.counts.bytesTotal = planned.bytes;
      this.phase = 'importing';
      this.emit();
      this.parser = createParser(this.options.parseWorkers);
      for await (const item of walkImport(this.paths, this.options.signal)) {
        if (this.cancelled) break;
        if (item.kind === 'rejected') await this.enqueue(Promise.resolve({ type: 'reject', rejection: item.rejection, bytes: 0 }));
        else if (item.kind === 'file') await this.handleFile(item.path, item.size);
        else if (item.kind === 'source') await this.handleSourceFile(item.path, item.format, item.size);
        else await this.handleZip(item.path, item.path, this.rootOf(item.path), item.size);
      }
      await this.drain();
      this.phase = this.cancelled ? 'cancelled' : 'finished';
    } catch (error) {
      this.phase = 'failed';
      this.finish();
      throw error;
    } finally {
      await this.parser?.close();
      this.archive.db.pragma(`wal_autocheckpoint = ${Math.trunc(checkpointPages)}`);
    }
    this.finish();
    return this.report();
  }

  /** The path the user named that holds p (the site of a page that names none may be that folder's name). */
  private rootOf(p: string): string {
    return this.roots.find((r) => p === r || p.startsWith(r + path.sep)) ?? p;
  }

  /** A zip's members; `fileSize` for a zip on disk (its members' bytes count for progress; a nested zip's are in its own). */
  private async handleZip(source: string | Buffer, displayPath: string, root: string, fileSize = 0): Promise<void> {
    let attributed = 0;
    const tallyOf = (bytes: number): Tally => {
      const counted = typeof source === 'string' ? bytes : 0;
      attributed += counted;
      return { unit: 'file', bytes: counted };
    };
    try {
      for await (const member of zipMembers(source)) {
        if (this.cancelled) return;
        const memberPath = `${displayPath}!/${member.name}`;
        const kind = fileKind(member.name);
        if (kind === 'zip' && memberPath.split('!/').length > MAX_ZIP_NESTING) {
          const rejection: Rejection = { path: memberPath, reason: 'bad-zip', message: `Zips nested more than ${MAX_ZIP_NESTING} deep are not opened.` };
          await this.enqueue(Promise.resolve({ type: 'reject', rejection, bytes: 0 }));
          continue;
        }
        if (isSourceKind(kind)) {
          await this.handleSourceMember(member, kind, memberPath, root, tallyOf(member.compressedSize));
          continue;
        }
        if (kind === 'zip' && member.uncompressedSize <= MAX_PAGE_BYTES) {
          const inner = await member.read().catch(() => null);
          if (inner) {
            this.counts.filesTotal -= 1; // the nested zip stands for its members, counted next
            await this.handleZipBuffer(inner, memberPath, root);
            continue;
          }
        }
        const tally = tallyOf(member.compressedSize);
        const at = member.location;
        if (at && kind !== 'zip') {
          await this.handleRead(memberPath, member.uncompressedSize, tally, root, (storedHash) => this.parser!.parseZipMember(at, member.name, storedHash, member.uncompressedSize));
        } else await this.handleUnit({ path: memberPath, root, size: member.uncompressedSize, read: member.read, tally });
      }
    } catch (error) {
      const rejection: Rejection = { path: displayPath, reason: 'bad-zip', message: `The zip file is damaged: ${(error as Error).message}` };
      await this.enqueue(Promise.resolve({ type: 'reject', rejection, bytes: 0 }));
    }
    const rest = fileSize - attributed; // headers and the central directory
    if (rest > 0 && !this.cancelled) await this.enqueue(Promise.resolve({ type: 'progress', bytes: 0, tally: { unit: 'none', bytes: rest } }));
  }

  /** A crawl or export on disk: its units, then the file counted done with the rest of its bytes. */
  private async handleSourceFile(file: string, format: SourceFormat, size: number): Promise<void> {
    const root = this.rootOf(file);
    const input = format === 'wacz' ? null : ByteInput.fromFile(file);
    const events = input === null ? waczEvents(file, file) : streamEvents(format as Exclude<SourceFormat, 'wacz'>, input, file, this.options);
    let attributed = 0;
    try {
      for await (const event of events) {
        if (this.cancelled) return;
        const bytes = Math.max(0, Math.min(size, event.consumed) - attributed);
        attributed += bytes;
        await this.handleEvent(event, root, { unit: 'record', bytes });
      }
    } catch (error) {
      const rejection: Rejection = { path: file, reason: 'unreadable', message: `Cannot read the file: ${(error as Error).message}` };
      await this.enqueue(Promise.resolve({ type: 'reject', rejection, bytes: 0, tally: { unit: 'record', bytes: 0 } }));
    } finally {
      await input?.close();
    }
    if (!this.cancelled) await this.enqueue(Promise.resolve({ type: 'progress', bytes: 0, tally: { unit: 'file', bytes: Math.max(0, size - attributed) } }));
  }

  /** A crawl or export inside a zip, streamed from it. */
  private async handleSourceMember(member: ZipMember, format: SourceFormat, memberPath: string, root: string, tally: Tally): Promise<void> {
    if (format === 'wacz') {
      const message = 'A WACZ inside a zip is not read: extract it and import the .wacz file.';
      await this.enqueue(Promise.resolve({ type: 'reject', rejection: { path: memberPath, reason: 'unsupported-type', message }, bytes: 0, tally }));
      return;
    }
    let input: ByteInput | null = null;
    try {
      input = ByteInput.fromStream(await member.open());
      for await (const event of streamEvents(format, input, memberPath, this.options)) {
        if (this.cancelled) return;
        await this.handleEvent(event, root, { unit: 'record', bytes: 0 });
      }
    } catch (error) {
      const rejection: Rejection = { path: memberPath, reason: 'bad-zip', message: `The zip member is damaged: ${(error as Error).message}` };
      await this.enqueue(Promise.resolve({ type: 'reject', rejection, bytes: 0, tally: { unit: 'record', bytes: 0 } }));
    } finally {
      await input?.close();
    }
    await this.enqueue(Promise.resolve({ type: 'progress', bytes: 0, tally }));
  }

  private async handleEvent(event: SourceEvent, root: string, tally: Tally): Promise<void> {
    switch (event.type) {
      case 'page':
        return this.handleUnit({ path: event.path, root, size: event.bytes.length, read: async () => event.bytes, context: event.context, tally });
      case 'item':
        return this.handleItem(event.path, root, event.item, tally);
      case 'revisit': {
        const existing = this.writer.snapshotAt(event.path);
        if (existing?.content_hash === event.hash) return this.enqueue(Promise.resolve({ type: 'unchanged', bytes: 0, tally }));
        const op: WriteOp = { type: 'revisit', path: event.path, hash: event.hash, bytes: 0, revisit: event.revisit, replaces: existing ?? null, tally };
        return this.enqueue(Promise.resolve(op));
      }
      case 'skip':
        return this.enqueue(Promise.resolve({ type: 'skip', reason: event.reason, bytes: 0, tally }));
      case 'problem':
        return this.enqueue(Promise.resolve({ type: 'reject', rejection: event.rejection, bytes: 0, tally }));
    }
  }

  /** An item of a scraper export: skipped when unchanged since the last run, else built into a page in the parse workers. */
  private async handleItem(path: string, root: string, item: ExportItem, tally: Tally): Promise<void> {
    const json = JSON.stringify(item);
    const hash = createHash('sha1').update(json).digest('hex');
    const bytes = Buffer.byteLength(json);
    const existing = this.writer.snapshotAt(path);
    if (existing?.content_hash === hash) return this.enqueue(Promise.resolve({ type: 'unchanged', bytes, tally }));
    const parsed = this.parser!.parseItem(item).then(
      (processed): WriteOp => ({ type: 'page', path, root, hash, bytes, processed, replaces: existing ?? null, tally }),
    );
    return this.enqueue(parsed, bytes);
  }

  private async handleZipBuffer(buffer: Buffer, displayPath: string, root: string): Promise<void> {
    try {
      this.counts.filesTotal += await countZipMembers(buffer);
    } catch {
      this.counts.filesTotal += 1;
    }
    await this.handleZip(buffer, displayPath, root);
  }

  /** A page file on disk: read, hashed and parsed in the parse workers; this thread only looks up what is stored for its path. */
  private handleFile(file: string, size: number): Promise<void> {
    const tally: Tally = { unit: 'file', bytes: size };
    return this.handleRead(file, size, tally, this.rootOf(file), (storedHash) => this.parser!.parseFile(file, storedHash, size));
  }

  /**
   * A page the parse workers read themselves (a file, or a plain member of a zip on disk): `parse` is
   * given the content hash stored for the path, so unchanged bytes are not parsed again.
   */
  private async handleRead(where: string, size: number, tally: Tally, root: string, parse: (storedHash: string | null) => Promise<FileOutcome>): Promise<void> {
    const rejected = (reason: Rejection['reason'], message: string): WriteOp => ({ type: 'reject', rejection: { path: where, reason, message }, bytes: 0, tally });
    if (fileKind(where) === 'unsupported') return this.enqueue(Promise.resolve(rejected('unsupported-type', describeUnsupported(where))));
    if (size > MAX_PAGE_BYTES) return this.enqueue(Promise.resolve(rejected('too-large', tooLargeMessage(size))));
    const existing = this.writer.snapshotAt(where) ?? null;
    const op = parse(existing?.content_hash ?? null).then((done): WriteOp => {
      switch (done.kind) {
        case 'unreadable':
          return rejected(...unreadable(where, done.message));
        case 'too-large':
          return rejected('too-large', tooLargeMessage(done.bytes));
        case 'unchanged':
          return { type: 'unchanged', bytes: done.bytes, tally };
        case 'page':
          return { type: 'page', path: where, root, hash: done.hash, bytes: done.bytes, processed: done.processed, replaces: existing, crawl: false, tally };
      }
    });
    return this.enqueue(op, size);
  }

  private async handleUnit(unit: Unit): Promise<void> {
    const tally = unit.tally;
    const reject = (reason: Rejection['reason'], message: string) =>
      this.enqueue(Promise.resolve({ type: 'reject', rejection: { path: unit.path, reason, message }, bytes: 0, tally }));
    if (!unit.context && fileKind(unit.path) === 'unsupported') return reject('unsupported-type', describeUnsupported(unit.path));
    if (unit.size > MAX_PAGE_BYTES) return reject('too-large', tooLargeMessage(unit.size));
    let bytes: Buffer;
    try {
      bytes = await unit.read();
    } catch (error) {
      return reject(...unreadable(unit.path, (error as Error).message));
    }
    if (bytes.length > MAX_PAGE_BYTES) return reject('too-large', tooLargeMessage(bytes.length));
    // A crawl's page is the same snapshot only with the same URL, Content-Type and capture day.
    const hash = unit.context ? createHash('sha1').update(bytes).update(JSON.stringify(unit.context)).digest('hex') : contentHash(bytes);
    const existing = this.writer.snapshotAt(unit.path);
    if (existing?.content_hash === hash) return this.enqueue(Promise.resolve({ type: 'unchanged', bytes: bytes.length, tally }));
    const name = unit.context ? 'page.html' : unit.path.slice(unit.path.lastIndexOf('/') + 1);
    const crawl = unit.context !== undefined;
    const parsed = this.parser!.parse(bytes, name, unit.context).then(
      (processed): WriteOp => ({ type: 'page', path: unit.path, root: unit.root, hash, bytes: bytes.length, processed, replaces: existing ?? null, crawl, tally }),
    );
    return this.enqueue(parsed, bytes.length);
  }

  /** Keeps up to READ_AHEAD files (READ_AHEAD_BYTES) in flight and writes results in file order, a batch per transaction. */
  private async enqueue(op: Promise<WriteOp>, bytes = 0): Promise<void> {
    void op.then((done) => {
      const tally = done.tally ?? { unit: 'file', bytes: done.bytes };
      if (tally.unit === 'file') this.processed.files++;
      else if (tally.unit === 'record') this.processed.records++;
      this.processed.bytes += tally.bytes;
      if (this.pacer.due()) this.emit();
    }, () => undefined);
    this.pending.push({ op, bytes });
    this.pendingBytes += bytes;
    while (this.pending.length >= READ_AHEAD || this.pendingBytes > READ_AHEAD_BYTES) await this.takeOne();
  }

  private async takeOne(): Promise<void> {
    const next = this.pending.shift()!;
    let settled = false;
    void next.op.then(
      () => (settled = true),
      () => (settled = true),
    );
    await Promise.resolve(); // an op already settled says so now
    // Rather than wait idle for this page, parse one that no worker has taken yet; between two, the
    // workers' answers come in.
    while (!settled && this.parser?.helpOnce()) await yieldToEventLoop();
    const op = await next.op;
    this.pendingBytes -= next.bytes;
    this.batch.push(op);
    if (this.batch.length >= (this.options.batchSize ?? BATCH_SIZE)) await this.flush();
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) await this.takeOne();
    await this.flush();
  }

  private async flush(): Promise<void> {
    const ops = this.batch;
    this.batch = [];
    if (ops.length === 0) return;
    const before = { ...this.counts, skipped: { ...this.counts.skipped } };
    const newRejections: Rejection[] = [];
    try {
      this.archive.db.transaction(() => {
        for (const op of ops) this.apply(op, newRejections);
        this.grouper.groupNew();
        this.saveCounts('running');
      }).immediate();
    } catch (error) {
      Object.assign(this.counts, before);
      throw error;
    }
    // The report keeps the first ones: an import of millions of pages must not hold every rejection in memory.
    for (const rejection of newRejections) if (this.rejections.length < REPORTED_REJECTIONS) this.rejections.push(rejection);
    // The pages the parse workers finished while the batch was written count first: progress moves
    // with them, not by whole batches, however quickly batches follow one another.
    await yieldToEventLoop();
    this.emit();
  }

  private apply(op: WriteOp, rejections: Rejection[]): void {
    const c = this.counts;
    const tally = op.tally ?? { unit: 'file', bytes: op.bytes };
    if (tally.unit === 'file') c.filesDone++;
    else if (tally.unit === 'record') c.recordsDone++;
    c.bytesDone += tally.bytes;
    if (op.type === 'progress') return;
    if (op.type === 'skip') {
      this.countSkipped(op.reason);
      return;
    }
    if (op.type === 'revisit') {
      if (this.writer.storeRevisit({ path: op.path, hash: op.hash, ...op.revisit, replaces: op.replaces })) c.articlesUpdated++;
      else this.countSkipped('revisit-without-original');
      return;
    }
    if (op.type === 'unchanged') {
      c.unchanged++;
      return;
    }
    if (op.type === 'reject') {
      this.writer.recordProblem(op.rejection);
      rejections.push(op.rejection);
      c.rejected++;
      return;
    }
    if (this.writer.storeDuplicate(op.path, op.hash, op.bytes, op.replaces)) {
      c.duplicates++;
      return;
    }
    const { outcome, analysis } = op.processed;
    if (op.crawl && !outcome.ok && (outcome.reason === 'not-article' || outcome.reason === 'error-page' || outcome.reason === 'empty')) {
      this.countSkipped('not-article'); // a crawl holds home, section and tag pages: counted, not listed
      return;
    }
    if (!outcome.ok || !analysis) {
      const rejection: Rejection = outcome.ok
        ? { path: op.path, reason: 'not-article', message: 'The page could not be analysed.' }
        : { path: op.path, reason: outcome.reason, message: outcome.message };
      this.writer.recordProblem(rejection);
      rejections.push(rejection);
      c.rejected++;
      return;
    }
    const site = outcome.page.site ?? siteFromUrl(outcome.page.url) ?? siteFromPath(op.path, op.root);
    const stored = this.writer.storePage({
      path: op.path,
      hash: op.hash,
      bytes: op.bytes,
      site,
      page: outcome.page,
      encoding: outcome.encoding,
      analysis,
      replaces: op.replaces,
    });
    if (stored === 'added') {
      c.articlesAdded++;
      this.grouper.added(analysis);
    } else c.articlesUpdated++;
  }

  private countSkipped(reason: SkipReason): void {
    this.counts.skipped[reason] = (this.counts.skipped[reason] ?? 0) + 1;
  }

  private saveCounts(status: string, finishedAt: string | null = null): void {
    const c = this.counts;
    // Prepared once per import: a statement per batch would leave thousands of native statements for the GC.
    this.updateCounts ??= this.archive.db.prepare(
      `UPDATE imports SET status = ?, finished_at = ?, files_total = ?, files_done = ?, articles_added = ?, articles_updated = ?,
         unchanged = ?, duplicates = ?, rejected = ?, bytes_done = ?, bytes_total = ?, records_done = ?, skipped = ? WHERE id = ?`,
    );
    this.updateCounts.run(
      status,
      finishedAt,
      c.filesTotal,
      c.filesDone,
      c.articlesAdded,
      c.articlesUpdated,
      c.unchanged,
      c.duplicates,
      c.rejected,
      c.bytesDone,
      c.bytesTotal,
      c.recordsDone,
      JSON.stringify(c.skipped),
      this.importId,
    );
  }

  private finish(): void {
    try {
      this.saveCounts(this.phase, new Date().toISOString());
    } catch {
      // the archive is unusable (e.g. disk gone); the import row stays "running" and is marked interrupted on next open
    }
    this.emit();
  }

  private emit(): void {
    this.pacer.reset();
    const c = this.counts;
    const p = this.processed;
    const counts = { ...c, filesDone: Math.max(c.filesDone, p.files), recordsDone: Math.max(c.recordsDone, p.records), bytesDone: Math.max(c.bytesDone, p.bytes) };
    this.options.onProgress?.(progressOf(this.importId, this.phase, counts, this.startedAt, Date.now()));
  }

  private report(): ImportReport {
    return {
      ...this.counts,
      importId: this.importId,
      phase: this.phase,
      elapsedMs: Date.now() - this.startedAt,
      rejections: this.rejections,
    };
  }
}
