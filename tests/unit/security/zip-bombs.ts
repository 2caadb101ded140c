/** Zips an attacker would make: many central-directory entries over the same bytes. */
import { buildZip } from '../../corpus/zip-writer.js';

const CENTRAL_SIGNATURE = 0x02014b50;
const END_SIGNATURE = 0x06054b50;

/** Text that deflates about 1000:1, `bytes` long. */
export function compressiblePage(bytes: number): Buffer {
  return Buffer.alloc(bytes, 'نص ');
}

/**
 * One real member, then `copies` central-directory entries that all point at it (names of the same
 * length: page-0001.txt, page-0002.txt…). With `shift`, each entry starts `shift` bytes into the
 * previous one instead (overlapping, not repeated).
 */
export function overlappingZip(member: Buffer, copies: number, shift = 0): Buffer {
  const single = buildZip([{ name: 'page-0000.txt', data: member }]);
  const centralAt = single.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  const endAt = single.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entry = single.subarray(centralAt, endAt);
  if (entry.readUInt32LE(0) !== CENTRAL_SIGNATURE) throw new Error('unexpected zip layout');
  const centrals: Buffer[] = [];
  for (let i = 1; i <= copies; i++) {
    const copy = Buffer.from(entry);
    copy.write(`page-${String(i).padStart(4, '0')}.txt`, 46, 'utf8');
    copy.writeUInt32LE(Math.min(i * shift, centralAt - 1), 42);
    centrals.push(copy);
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_SIGNATURE, 0);
  end.writeUInt16LE(copies, 8);
  end.writeUInt16LE(copies, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(centralAt, 16);
  return Buffer.concat([single.subarray(0, centralAt), central, end]);
}
