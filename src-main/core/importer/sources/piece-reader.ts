/** Reads a stream of decompressed pieces by header blocks and byte counts, keeping track of offsets. */
import type { Piece } from './gzip-members.js';

const CRLF2 = Buffer.from('\r\n\r\n', 'latin1');

export class PieceReader {
  private buf: Buffer = Buffer.alloc(0);
  /** Decompressed offset of buf[0]. */
  private pos = 0;
  /** Decompressed offsets where a gzip member began, with the member's offset in the file. */
  private readonly starts: Array<[number, number]> = [];
  private ended = false;

  constructor(private readonly pieces: AsyncIterator<Piece>) {}

  /** Offset in the decompressed stream of the next byte to read. */
  get position(): number {
    return this.pos;
  }

  /** The file offset of the gzip member that begins exactly at this decompressed offset, if one does. */
  memberOffsetAt(position: number): number | null {
    while (this.starts.length > 0 && (this.starts[0]?.[0] ?? 0) < position) this.starts.shift();
    const first = this.starts[0];
    return first !== undefined && first[0] === position ? first[1] : null;
  }

  private async pull(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.pieces.next();
    if (next.done === true) {
      this.ended = true;
      return false;
    }
    const { data, memberStart } = next.value;
    if (memberStart !== null) this.starts.push([this.pos + this.buf.length, memberStart]);
    this.buf = this.buf.length === 0 ? data : Buffer.concat([this.buf, data]);
    return true;
  }

  /** Drops CR and LF bytes (the blank lines between records); false when the stream has ended. */
  async skipLineBreaks(): Promise<boolean> {
    for (;;) {
      let i = 0;
      while (i < this.buf.length && (this.buf[i] === 0x0d || this.buf[i] === 0x0a)) i++;
      this.consume(i);
      if (this.buf.length > 0) return true;
      if (!(await this.pull())) return false;
    }
  }

  /**
   * The bytes up to and including the next blank line (CRLF CRLF), consumed; null (nothing consumed)
   * when none comes within `limit` bytes or before the end.
   */
  async readHead(limit: number): Promise<Buffer | null> {
    let from = 0;
    for (;;) {
      const at = this.buf.indexOf(CRLF2, from);
      if (at >= 0 && at + 4 <= limit) return this.take(at + 4);
      if (at >= 0 || this.buf.length >= limit) return null;
      from = Math.max(0, this.buf.length - 3);
      if (!(await this.pull())) return null;
    }
  }

  /** Whether the next bytes are these (fewer bytes left: false). Consumes nothing. */
  async startsWith(prefix: Buffer): Promise<boolean> {
    while (this.buf.length < prefix.length) if (!(await this.pull())) return false;
    return this.buf.subarray(0, prefix.length).equals(prefix);
  }

  /** The next n bytes in a buffer of their own (fewer at the end of the stream), consumed. */
  async read(n: number): Promise<Buffer> {
    const out = Buffer.allocUnsafeSlow(n);
    let filled = 0;
    while (filled < n) {
      if (this.buf.length === 0 && !(await this.pull())) break;
      const part = Math.min(n - filled, this.buf.length);
      this.buf.copy(out, filled, 0, part);
      this.consume(part);
      filled += part;
    }
    return filled === n ? out : out.subarray(0, filled);
  }

  /** Passes over n bytes; returns how many there were (fewer at the end of the stream). */
  async skip(n: number): Promise<number> {
    let left = n;
    while (left > 0) {
      if (this.buf.length === 0 && !(await this.pull())) break;
      const part = Math.min(left, this.buf.length);
      this.consume(part);
      left -= part;
    }
    return n - left;
  }

  private take(n: number): Buffer {
    const out = Buffer.from(this.buf.subarray(0, n));
    this.consume(n);
    return out;
  }

  private consume(n: number): void {
    if (n === 0) return;
    this.buf = this.buf.subarray(n);
    this.pos += n;
  }
}
