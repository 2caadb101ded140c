import fs from 'node:fs';
import path from 'node:path';
import { ArshifError } from '../../common/result.js';
import { openArchive, type Archive } from '../archive/archive.js';

/** The one archive the service works on; switching closes the previous one. */
export class ArchiveHolder {
  private archive: Archive | null = null;

  constructor(private readonly nativeBinding: string | undefined) {}

  get current(): Archive {
    if (!this.archive) throw new ArshifError('not-found', 'No archive is open; open or create one first.');
    return this.archive;
  }

  get isOpen(): boolean {
    return this.archive !== null;
  }

  /** Opens an existing archive. */
  open(file: string): Archive {
    return this.replaceWith(openArchive(file, this.openOptions(false)));
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
      throw new ArshifError('bad-request', `${resolved} already exists; open it instead of creating it.`);
    }
    return this.replaceWith(openArchive(resolved, this.openOptions(true)));
  }

  /** Opens the archive, creating it when it does not exist yet (the default archive, `serve`). */
  openOrCreate(file: string): Archive {
    return this.replaceWith(openArchive(file, this.openOptions(true)));
  }

  close(): void {
    this.archive?.close();
    this.archive = null;
  }

  private openOptions(create: boolean) {
    return { create, ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}) };
  }

  private replaceWith(next: Archive): Archive {
    if (this.archive && this.archive !== next) this.archive.close();
    this.archive = next;
    return next;
  }
}
