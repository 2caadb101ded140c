import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ImportCounts, ImportPhase, ImportProgress, ImportReport, Rejection } from '../../common/types.js';
import type { Archive } from '../archive/archive.js';
import { MAX_PAGE_BYTES, describeUnsupported, fileKind, tooLargeMessage } from './file-kinds.js';
import { createParser, type PageParser } from './parse-pool.js';
import type { ProcessedPage } from './process-page.js';
import { emptyCounts, progressOf } from './progress.js';
import { countImport, walkImport } from './scan.js';
import { siteFromPath } from './site-from-path.js';
import { ArchiveWriter, type ExistingSnapshot } from './writer.js';
import { countZipMembers, zipMembers } from './zip.js';

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Cancels between batches: the current batch is committed, nothing is half-written. */
  signal?: AbortSignal;
  /** Files per transaction. */
  batchSize?: number;
  /** Parse worker threads; 0 parses on this thread. Default: cores − 1. */
  parseWorkers?: number;
}

type WriteOp =
  | { type: 'reject'; rejection: Rejection; bytes: number }
  | { type: 'unchanged'; bytes: number }
  | { type: 'page'; path: string; root: string; hash: string; bytes: number; processed: ProcessedPage; replaces: ExistingSnapshot | null };

interface Unit {
  path: string;
  root: string;
  size: number;
  read(): Promise<Buffer>;
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
  private readonly pending: Array<{ op: Promise<WriteOp>; bytes: number }> = [];
  private pendingBytes = 0;
  private batch: WriteOp[] = [];
  private phase: ImportPhase = 'scanning';
  private parser: PageParser | null = null;
  private readonly roots: string[];

  constructor(
    private readonly archive: Archive,
    private readonly paths: string[],
    private readonly options: ImportOptions,
  ) {
    this.roots = paths.map((p) => path.resolve(p));
    this.importId = Number(
      archive.db
        .prepare("INSERT INTO imports (started_at, status, roots) VALUES (?, 'running', ?)")
        .run(new Date().toISOString(), JSON.stringify(this.roots)).lastInsertRowid,
    );
    this.writer = new ArchiveWriter(archive, this.importId);
  }

  private get cancelled(): boolean {
    return this.options.signal?.aborted ?? false;
  }

  async execute(): Promise<ImportReport> {
    this.emit();
    try {
      this.counts.filesTotal = await countImport(this.paths, this.options.signal);
      this.phase = 'importing';
      this.emit();
      this.parser = createParser(this.options.parseWorkers);
      for await (const item of walkImport(this.paths, this.options.signal)) {
        if (this.cancelled) break;
        if (item.kind === 'rejected') await this.enqueue(Promise.resolve({ type: 'reject', rejection: item.rejection, bytes: 0 }));
        else if (item.kind === 'file') await this.handleUnit({ path: item.path, root: this.rootOf(item.path), size: item.size, read: async () => fs.readFileSync(item.path) });
        else await this.handleZip(item.path, item.path, this.rootOf(item.path));
      }
      await this.drain();
      this.phase = this.cancelled ? 'cancelled' : 'finished';
    } catch (error) {
      this.phase = 'failed';
      this.finish();
      throw error;
    } finally {
      await this.parser?.close();
    }
    this.finish();
    return this.report();
  }

  /** The path the user named that holds p (the site of a page that names none may be that folder's name). */
  private rootOf(p: string): string {
    return this.roots.find((r) => p === r || p.startsWith(r + path.sep)) ?? p;
  }

  private async handleZip(source: string | Buffer, displayPath: string, root: string): Promise<void> {
    try {
      for await (const member of zipMembers(source)) {
        if (this.cancelled) return;
        const memberPath = `${displayPath}!/${member.name}`;
        if (fileKind(member.name) === 'zip' && memberPath.split('!/').length > MAX_ZIP_NESTING) {
          const rejection: Rejection = { path: memberPath, reason: 'bad-zip', message: `Zips nested more than ${MAX_ZIP_NESTING} deep are not opened.` };
          await this.enqueue(Promise.resolve({ type: 'reject', rejection, bytes: 0 }));
          continue;
        }
        if (fileKind(member.name) === 'zip' && member.uncompressedSize <= MAX_PAGE_BYTES) {
          const inner = await member.read().catch(() => null);
          if (inner) {
            this.counts.filesTotal -= 1; // the nested zip stands for its members, counted next
            await this.handleZipBuffer(inner, memberPath, root);
            continue;
          }
        }
        await this.handleUnit({ path: memberPath, root, size: member.uncompressedSize, read: member.read });
      }
    } catch (error) {
      const rejection: Rejection = { path: displayPath, reason: 'bad-zip', message: `The zip file is damaged: ${(error as Error).message}` };
      await this.enqueue(Promise.resolve({ type: 'reject', rejection, bytes: 0 }));
    }
  }

  private async handleZipBuffer(buffer: Buffer, displayPath: string, root: string): Promise<void> {
    try {
      this.counts.filesTotal += await countZipMembers(buffer);
    } catch {
      this.counts.filesTotal += 1;
    }
    await this.handleZip(buffer, displayPath, root);
  }

  private async handleUnit(unit: Unit): Promise<void> {
    const reject = (reason: Rejection['reason'], message: string) =>
      this.enqueue(Promise.resolve({ type: 'reject', rejection: { path: unit.path, reason, message }, bytes: 0 }));
    if (fileKind(unit.path) === 'unsupported') return reject('unsupported-type', describeUnsupported(unit.path));
    if (unit.size > MAX_PAGE_BYTES) return reject('too-large', tooLargeMessage(unit.size));
    let bytes: Buffer;
    try {
      bytes = await unit.read();
    } catch (error) {
      const zipped = unit.path.includes('!/');
      return reject(zipped ? 'bad-zip' : 'unreadable', `${zipped ? 'The zip member is damaged' : 'Cannot read the file'}: ${(error as Error).message}`);
    }
    if (bytes.length > MAX_PAGE_BYTES) return reject('too-large', tooLargeMessage(bytes.length));
    const hash = createHash('sha1').update(bytes).digest('hex');
    const existing = this.writer.snapshotAt(unit.path);
    if (existing?.content_hash === hash) return this.enqueue(Promise.resolve({ type: 'unchanged', bytes: bytes.length }));
    const name = unit.path.slice(unit.path.lastIndexOf('/') + 1);
    const parsed = this.parser!.parse(bytes, name).then(
      (processed): WriteOp => ({ type: 'page', path: unit.path, root: unit.root, hash, bytes: bytes.length, processed, replaces: existing ?? null }),
    );
    return this.enqueue(parsed, bytes.length);
  }

  /** Keeps up to READ_AHEAD files (READ_AHEAD_BYTES) in flight and writes results in file order, a batch per transaction. */
  private async enqueue(op: Promise<WriteOp>, bytes = 0): Promise<void> {
    this.pending.push({ op, bytes });
    this.pendingBytes += bytes;
    while (this.pending.length >= READ_AHEAD || this.pendingBytes > READ_AHEAD_BYTES) await this.takeOne();
  }

  private async takeOne(): Promise<void> {
    const next = this.pending.shift()!;
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
    const before = { ...this.counts };
    const newRejections: Rejection[] = [];
    try {
      this.archive.db.transaction(() => {
        for (const op of ops) this.apply(op, newRejections);
        this.saveCounts('running');
      }).immediate();
    } catch (error) {
      Object.assign(this.counts, before);
      throw error;
    }
    this.rejections.push(...newRejections);
    this.emit();
    await yieldToEventLoop();
  }

  private apply(op: WriteOp, rejections: Rejection[]): void {
    const c = this.counts;
    c.filesDone++;
    c.bytesDone += op.bytes;
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
    if (!outcome.ok || !analysis) {
      const rejection: Rejection = outcome.ok
        ? { path: op.path, reason: 'not-article', message: 'The page could not be analysed.' }
        : { path: op.path, reason: outcome.reason, message: outcome.message };
      this.writer.recordProblem(rejection);
      rejections.push(rejection);
      c.rejected++;
      return;
    }
    const site = outcome.page.site ?? siteFromPath(op.path, op.root);
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
    if (stored === 'added') c.articlesAdded++;
    else c.articlesUpdated++;
  }

  private saveCounts(status: string, finishedAt: string | null = null): void {
    const c = this.counts;
    this.archive.db
      .prepare(
        `UPDATE imports SET status = ?, finished_at = ?, files_total = ?, files_done = ?, articles_added = ?, articles_updated = ?,
           unchanged = ?, duplicates = ?, rejected = ?, bytes_done = ? WHERE id = ?`,
      )
      .run(status, finishedAt, c.filesTotal, c.filesDone, c.articlesAdded, c.articlesUpdated, c.unchanged, c.duplicates, c.rejected, c.bytesDone, this.importId);
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
    this.options.onProgress?.(progressOf(this.importId, this.phase, this.counts, this.startedAt, Date.now()));
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
