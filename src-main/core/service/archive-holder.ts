import fs from 'node:fs';
import path from 'node:path';
import { ArshifError } from '../../common/result.js';
import { openArchive, type Archive } from '../archive/archive.js';
import { backUpAndUpgrade, type UpgradeOutcome } from '../archive/upgrade.js';

/**
 * The one archive the service works on; switching closes the previous one. The service reads through a
 * read-only connection (so a read-only or received archive can be browsed and nothing it
 * holds can write); imports open a writing connection of their own.
 */
export class ArchiveHolder {
  private archive: Archive | null = null;
  /** An archive that could not be opened because it needs upgrading (asked about by the app). */
  private pending: string | null = null;

  constructor(private readonly nativeBinding: string | undefined) {}

  get current(): Archive {
    if (this.archive) return this.archive;
    if (this.pending) {
      throw new ArshifError('needs-upgrade', `${this.pending} was made by an older Arshif and must be upgraded before use; Arshif backs it up first.`);
    }
    throw new ArshifError('not-found', 'No archive is open; open or create one first.');
  }

  get isOpen(): boolean {
    return this.archive !== null;
  }

  /** The archive waiting for the user's consent to upgrade, if any. */
  get pendingUpgrade(): string | null {
    return this.pending;
  }

  /** Opens an existing archive for reading. */
  open(file: string): Archive {
    return this.replaceWith(openArchive(file, { readonly: true, ...this.binding() }));
  }

  /** Creates a new archive; refuses to touch a file that already holds something. */
  create(file: string): Archive {
    const resolved = path.resolve(file);
    let size: number | null = null;
    try {
      size = fs.statSync(resolved).size;
    } catch {
      // does not exist yet: good
    }
    if (size !== null && size > 0) {
      throw new ArshifError('file-exists', `${resolved} already exists; open it instead of creating it.`);
    }
    openArchive(resolved, { create: true, ...this.binding() }).close();
    return this.open(resolved);
  }

  /** Opens the archive, creating it when it does not exist yet (the default archive, `serve`). */
  openOrCreate(file: string): Archive {
    if (!fs.existsSync(path.resolve(file))) openArchive(file, { create: true, ...this.binding() }).close();
    return this.open(file);
  }

  /** Remembers that this archive needs the user's consent to be upgraded. */
  markPendingUpgrade(file: string): void {
    this.close();
    this.pending = path.resolve(file);
  }

  /** Backs the archive up beside itself, upgrades it, and opens it. */
  async upgrade(file: string): Promise<{ archive: Archive; outcome: UpgradeOutcome }> {
    const outcome = await backUpAndUpgrade(file, this.binding());
    return { archive: this.open(outcome.path), outcome };
  }

  close(): void {
    this.archive?.close();
    this.archive = null;
  }

  private binding(): { nativeBinding?: string } {
    return this.nativeBinding ? { nativeBinding: this.nativeBinding } : {};
  }

  private replaceWith(next: Archive): Archive {
    if (this.archive && this.archive !== next) this.archive.close();
    this.archive = next;
    this.pending = null;
    return next;
  }
}
